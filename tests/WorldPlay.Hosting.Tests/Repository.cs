using WorldPlay.LocalClusters;

namespace WorldPlay.Hosting.Tests;

/// <summary>The repository these tests were built from, and the silo host built with them.</summary>
internal static class Repository
{
    public static string Root { get; } = WorldPlayRepository.Above(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"No WorldPlay.sln above {AppContext.BaseDirectory}.");

    /// <summary>The silo host built in the same configuration as these tests (the project reference builds it first).</summary>
    public static string SiloDll { get; } = Path.Combine(
        Root, "silo", "WorldPlay.Silo", "bin",
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug",
        "net10.0", "WorldPlay.Silo.dll");
}
