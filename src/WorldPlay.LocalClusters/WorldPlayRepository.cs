namespace WorldPlay.LocalClusters;

/// <summary>Finds the clone of the WorldPlay repository a command or a test runs in.</summary>
public static class WorldPlayRepository
{
    /// <summary>The folder holding WorldPlay.sln and silo/WorldPlay.Silo that is <paramref name="start"/> or one of its parents;
    /// null when there is none.</summary>
    public static string? Above(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "WorldPlay.sln"))
                && Directory.Exists(Path.Combine(folder.FullName, "silo", "WorldPlay.Silo")))
            {
                return folder.FullName;
            }
        }
        return null;
    }
}
