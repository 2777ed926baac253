namespace WorldPlay.Hosting.Tests;

/// <summary>The repository these tests were built from, and the silo host built with them.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The silo host built in the same configuration as these tests (the project reference builds it first).</summary>
    public static string SiloDll { get; } = Path.Combine(
        Root, "silo", "WorldPlay.Silo", "bin",
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug",
        "net10.0", "WorldPlay.Silo.dll");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "WorldPlay.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"No WorldPlay.sln above {AppContext.BaseDirectory}.");
    }
}
