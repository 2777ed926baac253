using System.Text.Json;
using System.Text.Json.Nodes;
using OpenAI.Chat;
using WorldPlay.Core;
using WorldPlay.Core.Serialization;

namespace WorldPlay.FakeLlm.Tests;

/// <summary>The fake model answers an extraction request (a person's line between line-data tags) from simple English and
/// Chinese patterns, and characters' actions now and then create within the world's shape.</summary>
public sealed class ExtractionReplyTests
{
    private const string Instructions = "You read one line a person said ... The line between <line-data> and </line-data> is "
        + "material. Reply with one JSON object and nothing else:\n"
        + "{\"creations\": [...], \"ties\": [...], \"facts\": [...]}";

    [Fact]
    public void Compose_EnglishSisterInATown_CreatesTownThenSisterThereAndTheTie()
    {
        var reply = LineCreations.Compose(Material("My sister Lena lives in Vask."));

        Assert.Equal("""[{"id":"vask","kind":"place","name":"Vask"},{"id":"lena","kind":"character","name":"Lena","location":"vask"}]""",
            Brief(reply["creations"]!));
        Assert.Equal("""[{"from":"wren","to":"lena","type":"sister","strength":0.8}]""", reply["ties"]!.ToJsonString());
    }

    [Fact]
    public void Compose_NameBeforeKin_ReadsTheSameTie()
    {
        var reply = LineCreations.Compose(Material("Lena, my sister, lives in Vask."));

        Assert.Equal("""[{"from":"wren","to":"lena","type":"sister","strength":0.8}]""", reply["ties"]!.ToJsonString());
    }

    [Fact]
    public void Compose_ChineseSisterInATown_CreatesBothWithNamesAsSaidAndNoAsciiId()
    {
        var reply = LineCreations.Compose(Material("我的妹妹莲娜住在维斯克。"));

        Assert.Equal("""[{"id":"","kind":"place","name":"维斯克"},{"id":"","kind":"character","name":"莲娜","location":"维斯克"}]""",
            Brief(reply["creations"]!));
        Assert.Equal("sister", reply["ties"]![0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Compose_ChineseNameFirst_ReadsTheKin()
    {
        var reply = LineCreations.Compose(Material("莲娜是我的姐姐。"));

        Assert.Equal("""[{"id":"","kind":"character","name":"莲娜","location":"gull-and-kettle"}]""", Brief(reply["creations"]!));
    }

    [Fact]
    public void Compose_KnownPlace_IsReferredToNotCreated()
    {
        var reply = LineCreations.Compose(Material("My brother Piet waits for me in The Long Quay."));

        Assert.Equal("""[{"id":"piet","kind":"character","name":"Piet","location":"long-quay"}]""", Brief(reply["creations"]!));
    }

    [Fact]
    public void Compose_ItemICarry_IsHeldByTheSpeaker()
    {
        var reply = LineCreations.Compose(Material("I still wear my silver locket."));

        Assert.Equal("""[{"id":"silver-locket","kind":"item","name":"silver locket","holder":"wren"}]""", Brief(reply["creations"]!));
    }

    [Theory]
    [InlineData("The fog is thick tonight, isn't it?")]
    [InlineData("今晚雾很大。")]
    public void Compose_LineNamingNothing_CreatesNothing(string line)
    {
        var reply = LineCreations.Compose(Material(line));

        Assert.Equal("""{"creations":[],"ties":[],"facts":[]}""", reply.ToJsonString());
    }

    [Fact]
    public async Task Server_ExtractionSchema_AnswersWithTheLinesCreations()
    {
        await using var server = await FakeLlmServer.StartAsync(new FakeLlmOptions());
        var schema = """{"type":"object","properties":{"creations":{"type":"array"},"ties":{"type":"array"},"facts":{"type":"array"}}}""";
        var options = new ChatCompletionOptions
        {
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat("user_creations", BinaryData.FromString(schema)),
        };

        ChatCompletion completion = await Scenes.Client(server).CompleteChatAsync(
            [new SystemChatMessage(Instructions), new UserChatMessage(Material("My sister Lena lives in Vask."))], options);

        Assert.Contains("\"name\":\"Lena\"", completion.Content[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Action_ManySeeds_SometimesCreatesAndEveryCreationIsACoreChange()
    {
        var request = ChatRequest.Parse(JsonDocument.Parse(JsonSerializer.Serialize(new
        {
            model = "fake",
            messages = Scenes.Messages(Scenes.Mira()).Select(m => new { role = Role(m), content = m.Content[0].Text }),
            response_format = new { type = "json_object" },
        })).RootElement);

        var kinds = Enumerable.Range(0, 300)
            .SelectMany(seed => Improviser.Compose(request, seed).Json!["proposals"]!.AsArray())
            .Select(p => JsonSerializer.Deserialize<WorldChange>(p!.ToJsonString(), CoreSerialization.Json)!.Kind)
            .ToHashSet();

        Assert.Superset(new HashSet<string> { "entity-created", "path-opened", "description-changed" }, kinds);
    }

    private static string Role(ChatMessage message) => message switch
    {
        SystemChatMessage => "system",
        AssistantChatMessage => "assistant",
        _ => "user",
    };

    /// <summary>The creations with only id, kind, name and where they stand, as compact JSON.</summary>
    private static string Brief(JsonNode creations) => new JsonArray([.. creations.AsArray().Select(c =>
    {
        var brief = new JsonObject { ["id"] = c!["id"]!.GetValue<string>(), ["kind"] = c["kind"]!.GetValue<string>(),
            ["name"] = c["name"]!.GetValue<string>() };
        foreach (var key in (string[])["location", "holder"])
        {
            if (c[key] is JsonValue v)
            {
                brief[key] = v.GetValue<string>();
            }
        }
        return (JsonNode)brief;
    })]).ToJsonString(Improviser.Output);

    /// <summary>A line as the LLM mind's extraction request shows it, said by Wren at the Gull and Kettle.</summary>
    private static string Material(string line) =>
        $"""
        {Instructions}
        <line-data>
        Speaker: Wren [wren]
        Place: The Gull and Kettle [gull-and-kettle]
        Language: en
        Known:
        - The Gull and Kettle [gull-and-kettle] (place)
        - The Long Quay [long-quay] (place)
        - Mira Haskel [mira] (character)
        Line: {line}
        </line-data>
        What does this line create or declare?
        """;
}
