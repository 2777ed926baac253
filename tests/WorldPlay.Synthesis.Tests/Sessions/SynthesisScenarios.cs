using WorldPlay.Evaluation.Scenarios;

namespace WorldPlay.Synthesis.Tests.Sessions;

/// <summary>The scenarios the synthesis tests play: an RPBench-Auto scene (strict alternation, opening message), the harbor
/// sample world (an ensemble) and a small Chinese world file (an ensemble with items and a public fact).</summary>
internal static class SynthesisScenarios
{
    /// <summary>Record <paramref name="index"/> (of the development half, 0-39) of RPBench-Auto's scenes.</summary>
    public static Scenario RpBench(int index = 0) =>
        ScenarioSource.Load(Shared("rpbench-auto", "scenes.jsonl"), limit: 1, offset: index).Scenarios.Single();

    public static Scenario Harbor() => ScenarioSource.Load("harbor").Scenarios[0];

    public static Scenario Teahouse()
    {
        var path = Path.Combine(Path.GetTempPath(), $"teahouse-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, TeahouseWorld);
        try
        {
            return ScenarioSource.Load(path).Scenarios.Single();
        }
        finally
        {
            File.Delete(path);
        }
    }

    private const string TeahouseWorld = """
        {
          "id": "teahouse", "name": "茶馆", "genre": "drama", "language": "zh",
          "lore": "江边小镇上的一家老茶馆。",
          "places": [ { "id": "teahouse", "name": "望江茶馆" }, { "id": "pier", "name": "渡口" } ],
          "paths": [ { "between": ["teahouse", "pier"], "minutes": 10 } ],
          "items": [ { "id": "teapot", "name": "紫砂壶", "holder": "lin", "description": "用了三十年的老壶。" } ],
          "characters": [
            { "id": "lin", "name": "林掌柜", "pronouns": "he/him", "location": "teahouse", "description": "茶馆的老掌柜，见多识广。",
              "traits": ["warm", "shrewd"], "speechStyle": "温和，慢条斯理。", "goals": ["保住茶馆"] },
            { "id": "xiaoyu", "name": "小雨", "pronouns": "she/her", "location": "teahouse", "description": "跑堂的姑娘，消息灵通。",
              "traits": ["lively"], "speechStyle": "爽快。" },
            { "id": "a-ming", "name": "阿明", "pronouns": "he/him", "role": "user", "location": "teahouse",
              "description": "从外地回来的年轻人。" }
          ],
          "facts": [ { "id": "boat", "subject": "pier", "predicate": "今晚", "value": "最后一班船停了", "knownBy": "everyone" } ],
          "scenes": [ { "id": "evening", "title": "傍晚", "place": "teahouse", "cast": ["lin", "xiaoyu", "a-ming"], "user": "a-ming" } ]
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
