namespace WorldPlay.Core.Tests;

/// <summary>The layout rules no analyzer checks: .editorconfig's max_line_length is advice to editors, so it is tested here.</summary>
public sealed class SourceStyleTests
{
    private const int MaxLineLength = 140;

    // The tests/ folder joins this list once its own long lines are wrapped.
    private static readonly string[] CheckedFolders = ["src", "client", "silo", "bench"];

    [Fact]
    public void SourceLines_InCheckedFolders_AreAtMost140Characters()
    {
        var root = RepositoryRoot();
        var offenders = CheckedFolders
            .Select(folder => Path.Combine(root, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            .Where(file => !IsBuildOutput(Path.GetRelativePath(root, file)))
            .Order(StringComparer.Ordinal)
            .SelectMany(file => LongLines(root, file))
            .ToList();

        Assert.True(
            offenders.Count == 0,
            $"{offenders.Count} lines are longer than {MaxLineLength} characters (file:line: length):\n{string.Join('\n', offenders)}");
    }

    private static IEnumerable<string> LongLines(string root, string file)
    {
        var lines = File.ReadAllLines(file);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length > MaxLineLength)
            {
                yield return $"{Path.GetRelativePath(root, file).Replace('\\', '/')}:{i + 1}: {lines[i].Length}";
            }
        }
    }

    private static bool IsBuildOutput(string relativePath) =>
        relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(part => part is "bin" or "obj");

    // Core.Tests does not reference WorldPlay.LocalClusters, whose WorldPlayRepository.Above is the shared finder; this is the same
    // walk (WorldPlay.sln with silo/WorldPlay.Silo beside it) until the shared test-support project can offer that one.
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "WorldPlay.sln"))
                && Directory.Exists(Path.Combine(folder.FullName, "silo", "WorldPlay.Silo")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"No folder above '{AppContext.BaseDirectory}' holds WorldPlay.sln and silo/WorldPlay.Silo.");
    }
}
