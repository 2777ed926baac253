using System.Buffers.Binary;
using System.Globalization;
using Microsoft.Playwright;

namespace WorldPlay.Browser.Tests;

/// <summary>The timeline viewer served by a silo, driven as a designer drives it: pick the world, scrub the turn slider,
/// click a relationship.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class ViewerPageTests(HeadlessChromium chromium, ServedHarbor harbor) : IClassFixture<ServedHarbor>
{
    /// <summary>Opens the viewer, selects the harbor world in its list and moves the slider to <paramref name="turn"/>.</summary>
    private async Task<OpenedPage> OpenAtTurnAsync(int turn)
    {
        var opened = await chromium.OpenAsync(harbor.Silo.Viewer);
        await opened.Page.SelectOptionAsync("#world", harbor.World);
        await WaitForTurnAsync(opened.Page, ServedHarbor.Turns);
        await MoveSliderAsync(opened.Page, turn);
        return opened;
    }

    private static async Task MoveSliderAsync(IPage page, int turn)
    {
        await page.Locator("#turn").FillAsync(turn.ToString(CultureInfo.InvariantCulture));
        await WaitForTurnAsync(page, turn);
    }

    private static Task WaitForTurnAsync(IPage page, int turn) =>
        page.WaitForSelectorAsync($"#graph[data-turn='{turn}'] .edge", new() { State = WaitForSelectorState.Attached });

    private static string EdgeKey(WorldPlay.Core.RelationshipChanged change) => $"{change.From}|{change.Type}|{change.To}";

    private static Task<string?> EdgeLabelAsync(IPage page, string key) =>
        page.Locator($".edge[data-key='{key}']").GetAttributeAsync("data-label");

    [Fact]
    public async Task Slider_MovedAcrossARelationshipChange_EdgeLabelChanges()
    {
        var (e, change) = harbor.RelationshipChange();
        await using var opened = await OpenAtTurnAsync(e.Turn - 1);
        var before = await EdgeLabelAsync(opened.Page, EdgeKey(change));

        await MoveSliderAsync(opened.Page, e.Turn);
        var after = await EdgeLabelAsync(opened.Page, EdgeKey(change));

        Assert.True(before is not null && after is not null && before != after,
            $"edge {EdgeKey(change)}: turn {e.Turn - 1} '{before}', turn {e.Turn} '{after}'");
    }

    [Fact]
    public async Task Viewer_WorldScrubbedAndEdgeClicked_AsksNothingButItsOwnSilo()
    {
        var (e, change) = harbor.RelationshipChange();
        await using var opened = await OpenAtTurnAsync(e.Turn);
        await opened.Page.Locator($".edge-label[data-key='{EdgeKey(change)}']").ClickAsync();
        await opened.Page.WaitForSelectorAsync("#why ol li");

        Assert.Empty(opened.RequestsOutside(harbor.Silo.Address));
    }

    [Fact]
    public async Task Edge_Clicked_WhyPanelShowsTheEventThatSetIt()
    {
        var (e, change) = harbor.RelationshipChange();
        await using var opened = await OpenAtTurnAsync(e.Turn);

        await opened.Page.Locator($".edge-label[data-key='{EdgeKey(change)}']").ClickAsync();
        var first = await opened.Page.Locator("#why ol li").First.InnerTextAsync();

        Assert.StartsWith($"turn {e.Turn}, event ", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edge_DeclaredInPlay_WhyPanelNamesWhoDeclaredIt()
    {
        var designed = WorldPlay.Core.Worlds.WorldFiles.Load("harbor").Relationships
            .Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var e = harbor.Events.First(x => x.Change is WorldPlay.Core.RelationshipChanged r
            && !designed.Contains(WorldPlay.Core.Relationship.KeyOf(r.From, r.Type, r.To)));
        var change = (WorldPlay.Core.RelationshipChanged)e.Change;
        await using var opened = await OpenAtTurnAsync(e.Turn);

        await opened.Page.Locator($".edge-label[data-key='{EdgeKey(change)}']").ClickAsync();
        var origin = await opened.Page.Locator("#why p.origin").First.InnerTextAsync();

        Assert.EndsWith($"at turn {e.Turn}, event {e.Seq}", origin, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graph_AtTheLastTurn_MarksWhatTheUserCreatedWithABadge()
    {
        var created = harbor.Events.First(e => e.Change is WorldPlay.Core.EntityCreated && e.Actor == "wren");
        await using var opened = await OpenAtTurnAsync(ServedHarbor.Turns);

        var badges = await opened.Page.Locator(".origin-badge[data-source='user'] text").AllTextContentsAsync();

        Assert.Contains($"user · t{created.Turn}", badges);
    }

    [Fact]
    public async Task Transcript_AtATurn_HighlightsThatTurn()
    {
        await using var opened = await OpenAtTurnAsync(40);
        // The transcript is fetched after the graph is drawn: wait for it to highlight a turn of the new page, or time out.
        await opened.Page.WaitForFunctionAsync(
            "() => /^(3[6-9]|4[0-4])\\. /.test(document.querySelector('#transcript li.current .who')?.innerText ?? '')");

        var current = await opened.Page.Locator("#transcript li.current .who").InnerTextAsync();

        Assert.StartsWith("40. ", current, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BranchTree_OfTheWorld_ShowsTheForkUnderTheRoot()
    {
        await using var opened = await OpenAtTurnAsync(ServedHarbor.Turns);

        var nested = await opened.Page.Locator($"#branches li li button[data-key='{harbor.Branch}']").CountAsync();

        Assert.Equal(1, nested);
    }

    [Fact]
    public async Task Viewer_Screenshot_IsSavedAtLaptopWidth()
    {
        var (e, change) = harbor.RelationshipChange();
        await using var opened = await OpenAtTurnAsync(e.Turn);
        await opened.Page.Locator($".edge-label[data-key='{EdgeKey(change)}']").ClickAsync();
        await opened.Page.WaitForSelectorAsync("#why ol li");

        var png = await opened.Page.ScreenshotAsync(new() { Path = Path.Combine(Repository.DocsImages(), "viewer.png") });

        // PNG: 8-byte signature, then the IHDR chunk whose data starts with the width (big-endian).
        Assert.Equal(1280, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
    }
}
