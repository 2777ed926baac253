namespace WorldPlay.Core.Tests;

/// <summary>The layout rules no analyzer checks: .editorconfig's max_line_length is advice to editors, so it is tested here.</summary>
public sealed class SourceStyleTests
{
    private const int MaxLineLength = 140;

    private static readonly string[] CheckedFolders = ["src", "client", "silo", "bench", "tests"];

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

    [Fact]
    public void Core_TouchesTheFileSystem_OnlyInItsFilesFolder()
    {
        var root = RepositoryRoot();
        var core = Path.Combine(root, "src", "WorldPlay.Core");
        string[] io = ["File.", "Directory.", "FileInfo", "DirectoryInfo", "FileStream", "Path.GetFullPath"];
        var offenders = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(core, file).Replace('\\', '/'))
            .Where(relative => !IsBuildOutput(relative) && !relative.StartsWith("Files/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .SelectMany(relative => File.ReadLines(Path.Combine(core, relative))
                .Select((line, i) => (relative, line, number: i + 1))
                .Where(l => !l.line.TrimStart().StartsWith("//", StringComparison.Ordinal)
                    && io.Any(word => l.line.Contains(word, StringComparison.Ordinal)))
                .Select(l => $"{l.relative}:{l.number}: {l.line.Trim()}"))
            .ToList();

        Assert.True(offenders.Count == 0, $"The core touches the file system outside Files/:\n{string.Join('\n', offenders)}");
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

    private static string RepositoryRoot() => Repository.Root;
}
