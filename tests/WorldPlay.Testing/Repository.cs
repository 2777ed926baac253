using WorldPlay.LocalClusters;

namespace WorldPlay.Testing;

/// <summary>The repository these tests were built from, found by the one repository finder the commands use.</summary>
public static class Repository
{
    /// <summary>The folder holding WorldPlay.sln above the test assembly; fails when the tests run outside a checkout.</summary>
    public static string Root => WorldPlayRepository.Above(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"No folder above '{AppContext.BaseDirectory}' holds WorldPlay.sln.");

    /// <summary>The silo host built in the same configuration as these tests (a project reference builds it first).</summary>
    public static string SiloDll => Path.Combine(Root, "silo", "WorldPlay.Silo", "bin", Configuration, "net10.0", "WorldPlay.Silo.dll");

    private static string Configuration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";

    /// <summary>Where screenshots go: <c>docs/images</c> of the repository when <c>WORLDPLAY_UPDATE_SCREENSHOTS=1</c> (to refresh
    /// the images the docs show) and it can be written; otherwise a fresh temporary folder, so a test run never changes
    /// the checkout (fonts differ between machines, and so would the pictures).</summary>
    public static string DocsImages()
    {
        if (Environment.GetEnvironmentVariable("WORLDPLAY_UPDATE_SCREENSHOTS") == "1"
            && WorldPlayRepository.Above(AppContext.BaseDirectory) is { } root)
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
