namespace WorldPlay.Evaluation.Tests.Scenarios;

/// <summary>Where the tests find the shared public data sets (<c>shared/data</c>, beside the repository) and this project's own
/// fixtures.</summary>
internal static class TestData
{
    /// <summary>The <c>shared/data</c> folder of the nearest ancestor of the test assembly that has one.</summary>
    public static string Shared(params string[] parts)
    {
        var root = Ancestors().Select(d => Path.Combine(d, "shared", "data")).FirstOrDefault(Directory.Exists)
            ?? throw new InvalidOperationException(
                $"No 'shared/data' folder above '{AppContext.BaseDirectory}'. Clone the repository beside the 'shared' folder " +
                "(so that ../shared/data holds rpbench-auto/ and pingpong/); these tests read the public data sets from there.");
        return Path.Combine([root, .. parts]);
    }

    /// <summary>A file under tests/WorldPlay.Evaluation.Tests/Fixtures, found from the test assembly up to the repository.</summary>
    public static string Fixture(params string[] parts)
    {
        var root = Ancestors().Select(d =>
            Path.Combine(d, "tests", "WorldPlay.Evaluation.Tests", "Fixtures")).FirstOrDefault(Directory.Exists)
            ?? throw new InvalidOperationException($"No 'tests/WorldPlay.Evaluation.Tests/Fixtures' folder above " +
                $"'{AppContext.BaseDirectory}'.");
        return Path.Combine([root, .. parts]);
    }

    public static string Scenes => Shared("rpbench-auto", "scenes.jsonl");

    public static string Characters => Shared("rpbench-auto", "characters.jsonl");

    public static string Situations => Shared("pingpong", "situations.en.json");

    private static IEnumerable<string> Ancestors()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            yield return d.FullName;
        }
    }
}
