using WorldPlay.LocalClusters;

namespace WorldPlay.Browser.Tests;

/// <summary>Folders of the repository the tests were built from.</summary>
public static class RepositoryFolders
{
    /// <summary>The folder holding WorldPlay.sln, found by walking up from the test assembly; null when the tests run
    /// outside a checkout.</summary>
    public static string? Root() => WorldPlayRepository.Above(AppContext.BaseDirectory);

    /// <summary>Where screenshots go: <c>docs/images</c> of the repository when <c>WORLDPLAY_UPDATE_SCREENSHOTS=1</c> (to refresh
    /// the images the docs show) and it can be written; otherwise a fresh temporary folder, so a test run never changes
    /// the checkout (fonts differ between machines, and so would the pictures).</summary>
    public static string DocsImages()
    {
        if (Environment.GetEnvironmentVariable("WORLDPLAY_UPDATE_SCREENSHOTS") == "1" && Root() is { } root)
        {
            var images = Path.Combine(root, "docs", "images");
            try
            {
                Directory.CreateDirectory(images);
                var probe = Path.Combine(images, $".write-probe-{Guid.NewGuid():N}");
                File.WriteAllBytes(probe, []);
                File.Delete(probe);
                return images;
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                // Falls through to the temporary folder.
            }
        }
        return Directory.CreateTempSubdirectory("worldplay-images-").FullName;
    }
}
