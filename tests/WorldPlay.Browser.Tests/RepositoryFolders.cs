namespace WorldPlay.Browser.Tests;

/// <summary>Folders of the repository the tests were built from.</summary>
public static class RepositoryFolders
{
    /// <summary>The folder holding WorldPlay.sln, found by walking up from the test assembly; null when the tests run
    /// outside a checkout.</summary>
    public static string? Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WorldPlay.sln")))
            {
                return dir.FullName;
            }
        }
        return null;
    }

    /// <summary><c>docs/images</c> of the repository when it can be written, else a fresh temporary folder: screenshots
    /// the docs show land in the checkout, and a read-only checkout does not fail the test.</summary>
    public static string DocsImages()
    {
        if (Root() is { } root)
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
