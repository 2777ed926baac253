using Microsoft.Playwright;

namespace WorldPlay.Browser.Tests;

/// <summary>One headless Chromium for every test in the <see cref="ChromiumCollection"/>: the Debian package's browser,
/// driven by Playwright, which is never asked to download one.</summary>
public sealed class HeadlessChromium : IAsyncLifetime
{
    /// <summary>Where the browser is looked for when <c>WORLDPLAY_CHROMIUM</c> is not set (Debian's <c>chromium</c> package).</summary>
    public const string DefaultExecutable = "/usr/bin/chromium";

    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>The browser executable: <c>WORLDPLAY_CHROMIUM</c>, or <see cref="DefaultExecutable"/>.</summary>
    public static string Executable =>
        Environment.GetEnvironmentVariable("WORLDPLAY_CHROMIUM") is { Length: > 0 } path ? path : DefaultExecutable;

    async Task IAsyncLifetime.InitializeAsync()
    {
        // A missing browser fails every browser test with this message; skipping would let CI pass without the check.
        if (!File.Exists(Executable))
        {
            throw new FileNotFoundException(
                $"No Chromium at '{Executable}'. Run ./test.sh (it installs Chromium from Debian when missing), or "
                + "'apt-get install -y chromium', or set WORLDPLAY_CHROMIUM to a Chromium executable.",
                Executable);
        }

        // Playwright must never fetch a browser of its own; the one it drives is the executable above.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            // CI runs as root, where Chromium refuses its sandbox; containers often have a tiny /dev/shm.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }
        playwright?.Dispose();
    }

    /// <summary>Opens <paramref name="file"/> through a <c>file://</c> URL in a fresh, offline browser context and
    /// waits until it has loaded.</summary>
    public async Task<OpenedPage> OpenAsync(string file, int viewportWidth = 1100, int viewportHeight = 800)
    {
        var running = browser ?? throw new InvalidOperationException("Chromium has not been launched.");
        // Offline: a page that asks for the network gets nothing, and the request is still recorded below.
        var context = await running.NewContextAsync(new BrowserNewContextOptions
        {
            Offline = true,
            ViewportSize = new ViewportSize { Width = viewportWidth, Height = viewportHeight },
        });
        var page = await context.NewPageAsync();
        var opened = new OpenedPage(context, page);
        await page.GotoAsync(new Uri(Path.GetFullPath(file)).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return opened;
    }

    /// <summary>Opens a page served over HTTP (a local silo) in a fresh browser context and waits until the network is idle.
    /// The context is online so the page can reach its server; <see cref="OpenedPage.RequestsOutside"/> tells what else it asked
    /// for.</summary>
    public async Task<OpenedPage> OpenAsync(Uri address, int viewportWidth = 1280, int viewportHeight = 800)
    {
        var running = browser ?? throw new InvalidOperationException("Chromium has not been launched.");
        var context = await running.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = viewportWidth, Height = viewportHeight },
        });
        var page = await context.NewPageAsync();
        var opened = new OpenedPage(context, page);
        await page.GotoAsync(address.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        return opened;
    }
}

/// <summary>A page opened by <see cref="HeadlessChromium.OpenAsync(string, int, int)"/>, with every request it made.</summary>
public sealed class OpenedPage : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly List<string> requests = [];
    private readonly Lock gate = new();

    internal OpenedPage(IBrowserContext context, IPage page)
    {
        this.context = context;
        Page = page;
        page.Request += (_, request) =>
        {
            lock (gate)
            {
                requests.Add(request.Url);
            }
        };
    }

    public IPage Page { get; }

    /// <summary>URLs of the requests that were not for a <c>file://</c> URL: what would have left the machine.</summary>
    public IReadOnlyList<string> OffFileRequests
    {
        get
        {
            lock (gate)
            {
                return [.. requests.Where(u => !u.StartsWith("file://", StringComparison.OrdinalIgnoreCase))];
            }
        }
    }

    /// <summary>URLs of the requests that went anywhere but <paramref name="origin"/> (scheme, host and port).</summary>
    public IReadOnlyList<string> RequestsOutside(Uri origin)
    {
        lock (gate)
        {
            return [.. requests.Where(u => !Uri.TryCreate(u, UriKind.Absolute, out var uri)
                || Uri.Compare(uri, origin, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)];
        }
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}

/// <summary>Test classes that drive a browser join this collection and share one <see cref="HeadlessChromium"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ChromiumCollection : ICollectionFixture<HeadlessChromium>
{
    public const string Name = "Chromium";
}
