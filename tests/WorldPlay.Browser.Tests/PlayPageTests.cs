using System.Globalization;
using Microsoft.Playwright;
using WorldPlay.Web;

namespace WorldPlay.Browser.Tests;

/// <summary>The play page on a development-mode silo, driven as a designer drives it: create a world from a sample, open a scene,
/// say a line, and watch the replies stream in over the scene's WebSocket.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class PlayPageTests(HeadlessChromium chromium, DevelopmentSilo served) : IClassFixture<DevelopmentSilo>
{
    private Uri PlayPage => new(served.Silo.Address, WorldPlayPlayPage.Path);

    /// <summary>A page that records the script errors it meets.</summary>
    private async Task<(OpenedPage Opened, List<string> Errors)> OpenAsync(string fragment = "")
    {
        var opened = await chromium.OpenAsync(new Uri(PlayPage + fragment));
        var errors = new List<string>();
        opened.Page.PageError += (_, error) => errors.Add(error);
        opened.Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        return (opened, errors);
    }

    /// <summary>Creates world <paramref name="key"/> from the harbor sample with the page's form, opens a scene of it, and waits
    /// until its stream is open.</summary>
    private static async Task OpenSceneAsync(IPage page, string key)
    {
        await page.FillAsync("#new-key", key);
        await page.ClickAsync("#create-world");
        await page.WaitForSelectorAsync($"#world option[value='{key}']", new() { State = WaitForSelectorState.Attached });
        await page.ClickAsync("#open");
        await page.WaitForSelectorAsync("#connection[data-state='open']");
    }

    private static async Task SayAsync(IPage page, string line)
    {
        var turns = await page.Locator("#transcript li.turn").CountAsync();
        await page.FillAsync("#line", line);
        await page.PressAsync("#line", "Enter");
        // The line is played, then at least one character answers it: two committed turns more than before.
        await page.WaitForFunctionAsync(
            $"() => document.querySelectorAll('#transcript li.turn').length >= {(turns + 2).ToString(CultureInfo.InvariantCulture)}"
                + " && !document.getElementById('send').disabled");
    }

    private static string WorldKey() => $"play-{Guid.NewGuid():N}"[..20];

    [Fact]
    public async Task Page_Opened_RunsWithoutScriptErrors()
    {
        var (opened, errors) = await OpenAsync();
        await using (opened)
        {
            await opened.Page.WaitForSelectorAsync("#world", new() { State = WaitForSelectorState.Attached });

            Assert.Empty(errors);
        }
    }

    [Fact]
    public async Task Page_TokenInTheFragment_IsSentAsBearer()
    {
        var authorizations = new List<string?>();
        var (opened, _) = await OpenAsync("#token=tok-123");
        await using (opened)
        {
            opened.Page.Request += (_, request) => authorizations.Add(request.Headers.GetValueOrDefault("authorization"));
            await opened.Page.ReloadAsync(new() { WaitUntil = WaitUntilState.NetworkIdle });

            Assert.Contains("Bearer tok-123", authorizations);
        }
    }

    [Fact]
    public async Task Scene_LineSaid_TheUsersTurnAndAReplyAreCommitted()
    {
        var (opened, _) = await OpenAsync();
        await using (opened)
        {
            await OpenSceneAsync(opened.Page, WorldKey());

            await SayAsync(opened.Page, "Good evening. Any news from the boats?");
            var roles = await opened.Page.Locator("#transcript li.turn")
                .EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.role)");

            Assert.Equal(["user", "npc"], roles.SkipWhile(r => r != "user").Take(2));
        }
    }

    [Fact]
    public async Task Scene_LineSaid_SpeechStreamedBeforeTheTurnsAndNoneLeftPending()
    {
        var (opened, errors) = await OpenAsync();
        await using (opened)
        {
            await OpenSceneAsync(opened.Page, WorldKey());

            await SayAsync(opened.Page, "Who came in on the last boat?");
            var pieces = await opened.Page.EvaluateAsync<int>("() => Number(document.body.dataset.speechPieces || 0)");
            var pending = await opened.Page.Locator("#transcript li.pending").CountAsync();

            Assert.Equal((true, 0, 0), (pieces > 0, pending, errors.Count));
        }
    }

    [Fact]
    public async Task Scene_Played_AsksNothingButItsOwnSilo()
    {
        var (opened, _) = await OpenAsync();
        await using (opened)
        {
            await OpenSceneAsync(opened.Page, WorldKey());
            await SayAsync(opened.Page, "Good evening.");

            Assert.Empty(opened.RequestsOutside(served.Silo.Address));
        }
    }

    [Fact]
    public async Task Scene_Reloaded_JoiningShowsEveryTurnOnce()
    {
        var key = WorldKey();
        var (opened, _) = await OpenAsync();
        await using (opened)
        {
            await OpenSceneAsync(opened.Page, key);
            await SayAsync(opened.Page, "Good evening.");
            var before = await TurnNumbersAsync(opened.Page);

            await opened.Page.ReloadAsync(new() { WaitUntil = WaitUntilState.NetworkIdle });
            await opened.Page.SelectOptionAsync("#world", key);
            await opened.Page.WaitForSelectorAsync("#scene option", new() { State = WaitForSelectorState.Attached });
            await opened.Page.ClickAsync("#join");
            await opened.Page.WaitForFunctionAsync(
                $"() => document.querySelectorAll('#transcript li.turn').length >= {before.Length.ToString(CultureInfo.InvariantCulture)}");

            Assert.Equal(before, await TurnNumbersAsync(opened.Page));
        }
    }

    private static Task<int[]> TurnNumbersAsync(IPage page) =>
        page.Locator("#transcript li.turn").EvaluateAllAsync<int[]>("items => items.map(i => Number(i.dataset.turn))");
}
