using Microsoft.Playwright;
using WorldPlay.Client;
using WorldPlay.Core.Worlds;
using WorldPlay.Web;
using WorldPlay.Web.Studio;

namespace WorldPlay.Browser.Tests;

/// <summary>The viewer on a silo that serves with keys: it reads with the token in its URL fragment, and says what it needs
/// without one.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class ViewerTokenAuthTests(HeadlessChromium chromium) : IAsyncLifetime
{
    private readonly StudioCredentials credentials = StudioCredentials.For("acme");
    private ServedSilo? silo;

    private ServedSilo Silo => silo ?? throw new InvalidOperationException("The silo has not started.");

    public async Task InitializeAsync()
    {
        silo = await ServedSilo.StartAsync(credentials.Options);
        await new WorldPlayClient(silo.Grains).CreateWorldAsync(TenantKeys.Internal("acme", "harbor-token"), WorldFiles.Load("harbor"));
    }

    public async Task DisposeAsync()
    {
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }
    }

    [Fact]
    public async Task Viewer_ReadTokenInFragment_ListsWorlds()
    {
        var token = credentials.Token("acme", "designer", StudioScopes.Read);

        await using var opened = await chromium.OpenAsync(new Uri(Silo.Viewer + "#token=" + token));
        await opened.Page.WaitForSelectorAsync("#world option", new() { State = WaitForSelectorState.Attached });

        Assert.NotEqual(0, await opened.Page.Locator("#world option").CountAsync());
    }

    [Fact]
    public async Task Viewer_NoToken_SaysItNeedsAReadToken()
    {
        await using var opened = await chromium.OpenAsync(Silo.Viewer);
        await opened.Page.WaitForFunctionAsync("() => document.getElementById('status').textContent.length > 0");

        Assert.Contains("needs a read token", await opened.Page.Locator("#status").TextContentAsync() ?? "", StringComparison.Ordinal);
    }
}
