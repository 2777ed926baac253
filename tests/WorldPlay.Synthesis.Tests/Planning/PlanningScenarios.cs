using WorldPlay.Evaluation.Scenarios;

namespace WorldPlay.Synthesis.Tests.Planning;

/// <summary>Scenarios for the planning tests: the development half of RPBench-Auto's scenes, and small world files written here.</summary>
internal static class PlanningScenarios
{
    /// <summary><paramref name="count"/> records of RPBench-Auto's scenes from <paramref name="offset"/> (development half only).</summary>
    public static IReadOnlyList<Scenario> RpBench(int offset, int count) =>
        ScenarioSource.Load(Shared("rpbench-auto", "scenes.jsonl"), limit: count, offset: offset).Scenarios;

    /// <summary>The single scenario of the world file <paramref name="json"/>.</summary>
    public static Scenario FromWorldFile(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"planning-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        try
        {
            return ScenarioSource.Load(path).Scenarios.Single();
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A skeletal world: one place, an NPC and the user, no ties. Its lore names a forbidden concept, which the lore may
    /// (the loader does not check lore) but a fact may not.</summary>
    public const string ForbiddenLoreWorld = """
        {
          "id": "vault", "name": "The Vault", "genre": "mystery", "language": "en",
          "lore": "The old archivist keeps the vault where electricity was banned a century ago.",
          "laws": [ { "kind": "forbidden-concepts", "concepts": ["electricity"] } ],
          "places": [ { "id": "vault", "name": "The Vault" } ],
          "characters": [
            { "id": "oda", "name": "Oda", "pronouns": "she/her", "location": "vault", "description": "The old archivist of the vault.",
              "traits": ["careful"], "speechStyle": "Quiet." },
            { "id": "kit", "name": "Kit", "pronouns": "he/him", "role": "user", "location": "vault", "description": "A visitor." }
          ],
          "scenes": [ { "id": "visit", "title": "The Visit", "place": "vault", "cast": ["oda", "kit"], "user": "kit",
            "objectives": ["Kit asks to see the sealed shelf"] } ]
        }
        """;

    /// <summary>A skeletal Chinese world whose text names a library, a rival and a letter.</summary>
    public const string ChineseWorld = """
        {
          "id": "shuyuan", "name": "书院", "genre": "校园", "language": "zh",
          "lore": "山脚下的书院，学生们每年秋天比试文章。书院的图书馆藏着前朝的手稿。",
          "places": [ { "id": "hall", "name": "讲堂" } ],
          "characters": [
            { "id": "wen", "name": "温言", "pronouns": "he/him", "location": "hall",
              "description": "书院里最用功的学生，是你多年的对手，书院比试文章从不认输。", "traits": ["骄傲"], "speechStyle": "简短。" },
            { "id": "you", "name": "你", "pronouns": "unspecified", "role": "user", "location": "hall", "description": "新来的学生。" }
          ],
          "facts": [ { "id": "story-1", "subject": "hall", "predicate": "里", "value": "温言手里攥着一封没署名的信件。",
            "knownBy": "everyone" } ],
          "scenes": [ { "id": "autumn", "title": "秋试", "place": "hall", "cast": ["wen", "you"], "user": "you",
            "objectives": ["弄清信件是谁写的"] } ]
        }
        """;

    private static string Shared(params string[] parts)
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var data = Path.Combine(d.FullName, "shared", "data");
            if (Directory.Exists(data))
            {
                return Path.Combine([data, .. parts]);
            }
        }
        throw new InvalidOperationException($"No 'shared/data' folder above '{AppContext.BaseDirectory}'; clone beside 'shared'.");
    }
}
