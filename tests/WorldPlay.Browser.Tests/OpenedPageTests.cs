namespace WorldPlay.Browser.Tests;

/// <summary>The fixture's own guarantee: a page that reaches for the network is caught, so an empty list means
/// nothing was asked for.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class OpenedPageTests(HeadlessChromium chromium)
{
    [Fact]
    public async Task OffFileRequests_PageLoadsARemoteImage_RecordsItsUrl()
    {
        var directory = Directory.CreateTempSubdirectory("worldplay-page-").FullName;
        var file = Path.Combine(directory, "remote-image.html");
        // .invalid never resolves, and the context is offline: the request is made and fails without leaving.
        await File.WriteAllTextAsync(file, """<!DOCTYPE html><html><body><img src="http://worldplay.invalid/dot.png"></body></html>""");

        await using var opened = await chromium.OpenAsync(file);

        Assert.Equal(["http://worldplay.invalid/dot.png"], opened.OffFileRequests);
    }
}
