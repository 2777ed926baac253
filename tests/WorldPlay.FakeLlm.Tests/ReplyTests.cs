using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenAI.Chat;
using WorldPlay.Core;
using WorldPlay.Core.Minds;
using WorldPlay.Core.Serialization;

namespace WorldPlay.FakeLlm.Tests;

/// <summary>Good replies, read with the official OpenAI client: the structured action contract, streaming, models, determinism.</summary>
public sealed class ReplyTests
{
    [Fact]
    public async Task NonStreaming_Perspective_IsActionAddressingTheOneToAnswer()
    {
        await using var server = await FakeLlmServer.StartAsync(new FakeLlmOptions());
        ChatCompletion completion = await Scenes.Client(server).CompleteChatAsync(Scenes.Messages(Scenes.Mira()), Scenes.JsonObject());

        var action = ActionReply.Parse(completion.Content[0].Text);

        Assert.Equal(["tomas"], action.Addressees);
    }

    [Fact]
    public async Task NonStreaming_Speech_NamesTheAddresseeAndEndsWithAQuestion()
    {
        await using var server = await FakeLlmServer.StartAsync(new FakeLlmOptions());
        ChatCompletion completion = await Scenes.Client(server).CompleteChatAsync(Scenes.Messages(Scenes.Mira()), Scenes.JsonObject());

        var speech = ActionReply.Parse(completion.Content[0].Text).Speech;

        Assert.Contains("Tomas", speech, StringComparison.Ordinal);
        Assert.Equal('?', speech[^1]);
    }

    [Fact]
    public async Task Streaming_SameRequestAndSeed_ConcatenatesToTheNonStreamingReply()
    {
        await using var server = await FakeLlmServer.StartAsync(new FakeLlmOptions { Seed = 5, TokensPerSecond = 2000 });
        var client = Scenes.Client(server);
        ChatCompletion whole = await client.CompleteChatAsync(Scenes.Messages(Scenes.Mira()), Scenes.JsonObject());

        var streamed = new StringBuilder();
        await foreach (var update in client.CompleteChatStreamingAsync(Scenes.Messages(Scenes.Mira()), Scenes.JsonObject()))
        {
            foreach (var part in update.ContentUpdate)
            {
                streamed.Append(part.Text);
            }
        }

        Assert.Equal(whole.Content[0].Text, streamed.ToString());
    }

    [Fact]
    public async Task Streaming_WithUsage_ReportsTheSameTokensAsNonStreaming()
    {
        await using var server = await FakeLlmServer.StartAsync(new FakeLlmOptions());
        var client = Scenes.Client(server);
        ChatCompletion whole = await client.CompleteChatAsync(Scenes.Messages(Scenes.Mira()));

        ChatTokenUsage? usage = null;
        await foreach (var update in client.CompleteChatStreamingAsync(Scenes.Messages(Scenes.Mira())))
        {
            usage = update.Usage ?? usage;
        }

        Assert.Equal(
            (whole.Usage.InputTokenCount, whole.Usage.OutputTokenCount, whole.Usage.TotalTokenCount),
            (usage?.InputTokenCount, usage?.OutputTokenCount, usage?.TotalTokenCount));
    }

    [Fact]
    public async Task Usage_PromptTokens_AreCl100kOverTheMessageContents()
    {
        await using var server = await FakeLlmServer.StartAsync(new FakeLlmOptions());
        ChatCompletion completion = await Scenes.Client(server).CompleteChatAsync(Scenes.Messages(Scenes.Mira()));

        var expected = TokenCounter.Default.Count(Scenes.ActionInstructions)
            + TokenCounter.Default.Count(PerspectiveBuilder.Render(Scenes.Mira()));

        Assert.Equal(expected, completion.Usage.InputTokenCount);
    }

    [Fact]
    public async Task JsonSchema_ActionSchema_RepliesWithTheAction()
    {
        await using var server = await FakeLlmServer.StartAsync(new FakeLlmOptions());
        var schema = BinaryData.FromString("""
            {"type": "object", "additionalProperties": false, "required": ["speech", "narration", "addressees", "proposals"],
             "properties": {"speech": {"type": "string"}, "narration": {"type": "string"},
            """ + "\n" + """
                            "addressees": {"type": "array", "items": {"type": "string"}},
            """ + """
             "proposals": {"type": "array", "items": {"type": "object"}}}}
            """);
        var options = new ChatCompletionOptions { ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat("action", schema,
            jsonSchemaIsStrict: true) };
        ChatCompletion completion = await Scenes.Client(server).CompleteChatAsync(
            [new SystemChatMessage("Play the character."), new UserChatMessage(PerspectiveBuilder.Render(Scenes.Mira()))], options);

        Assert.Equal(["tomas"], ActionReply.Parse(completion.Content[0].Text).Addressees);
    }

    [Fact]
    public async Task Proposals_OverManyTurns_AreOnlyChangesThePromptMakesPossible()
    {
        await using var server = await FakeLlmServer.StartAsync(new FakeLlmOptions { Seed = 11 });
        var client = Scenes.Client(server);
        var proposals = new List<WorldChange>();
        for (var turn = 2; turn < 60; turn++)
        {
            ChatCompletion completion = await client.CompleteChatAsync(Scenes.Messages(Scenes.Mira(turn, Pacing.Escalate)),
                Scenes.JsonObject());
            proposals.AddRange(ActionReply.Parse(completion.Content[0].Text).Proposals);
        }

        EntityId[] exits = ["long-quay", "fish-market"];
        var created = proposals.OfType<EntityCreated>().Select(c => c.Id).ToHashSet();
        var invalid = proposals.Where(p => p switch
        {
            RelationshipChanged r => r.From != "mira" || (r.To != "tomas" && !created.Contains(r.To)) || r.Strength is < -1 or > 1,
            Gave g => g.Item != "silver-locket" || g.To != "tomas",
            TimeAdvanced t => t.Minutes <= 0,
            EntityCreated { EntityKind: EntityKind.Character } c => c.Location is not { } at || !exits.Contains(at) || c.Holder is not null,
            EntityCreated { EntityKind: EntityKind.Place } c => c.Location is not null || c.Holder is not null,
            PathOpened o => !exits.Contains(o.From) || !created.Contains(o.To) || o.Minutes <= 0,
            DescriptionChanged d => d.Entity != "silver-locket" || d.Description.Length == 0,
            _ => true,
        });

        Assert.Equal((true, 0), (proposals.Count > 10, invalid.Count()));
    }

    [Fact]
    public async Task Offstage_WithAPathBack_ProposesToWalkBackToTheScene()
    {
        await using var server = await FakeLlmServer.StartAsync(new FakeLlmOptions());
        var away = Scenes.Mira() with
        {
            Place = new PlaceView("long-quay", "The Long Quay", "Stone quay.", [new ExitView("gull-and-kettle", "The Gull and Kettle", 5)]),
            Present = [],
            Cue = Scenes.Mira().Cue with { Offstage = true, AnswerTo = null },
        };
        ChatCompletion completion = await Scenes.Client(server).CompleteChatAsync(Scenes.Messages(away), Scenes.JsonObject());

        Assert.Equal([new Moved("gull-and-kettle")], ActionReply.Parse(completion.Content[0].Text).Proposals);
    }

    [Fact]
    public async Task Director_AsksForSpeakerId_AnswersAPresentId()
    {
        await using var server = await FakeLlmServer.StartAsync(new FakeLlmOptions());
        ChatCompletion completion = await Scenes.Client(server).CompleteChatAsync(
            [new SystemChatMessage("You direct the scene. Choose the next speaker: reply with the speaker id only."),
             new UserChatMessage(PerspectiveBuilder.Render(Scenes.Mira()))]);

        Assert.Contains(completion.Content[0].Text, Scenes.PresentIds.Select(id => id.Value));
    }

    [Fact]
    public async Task Director_SchemaWithEnum_AnswersFromTheEnum()
    {
        await using var server = await FakeLlmServer.StartAsync(new FakeLlmOptions());
        var schema = BinaryData.FromString("""
            {"type": "object", "required": ["speaker"], "properties": {"speaker": {"type": "string", "enum": ["liesl", "greaves"]}}}
            """);
        var options = new ChatCompletionOptions { ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat("next", schema) };
        ChatCompletion completion = await Scenes.Client(server).CompleteChatAsync(
            [new SystemChatMessage("Pick who speaks next."), new UserChatMessage("Liesl and Greaves are arguing at the quay.")], options);

        Assert.Contains(JsonNode.Parse(completion.Content[0].Text)!["speaker"]!.GetValue<string>(), new[] { "liesl", "greaves" });
    }

    [Fact]
    public async Task Director_LastLineNamesSomeone_PicksThemUnderTheAskedKey()
    {
        await using var server = await FakeLlmServer.StartAsync(new FakeLlmOptions());
        ChatCompletion completion = await Scenes.Client(server).CompleteChatAsync(
            [new SystemChatMessage("Pick the character who should speak next, by the id in brackets. Reply with one JSON object: " +
                "{\"next\": \"<id>\"}"),
             new UserChatMessage("## Characters\n- Mira Haskel [mira]\n- Tomas Haskel [tomas]\n- Liesl Brandt [liesl]\n## Last lines\n" +
                 "Mira Haskel [mira]: Who wrote the letter?\nTomas Haskel [tomas]: Ask Liesl, she reads every chart in the harbor.\nWho " +
                     "speaks next?")],
            Scenes.JsonObject());

        Assert.Equal("""{"next":"liesl"}""", completion.Content[0].Text);
    }

    [Fact]
    public async Task Models_AfterARequestForAnotherName_ListsFakeAndThatName()
    {
        await using var server = await FakeLlmServer.StartAsync(new FakeLlmOptions());
        await Scenes.Client(server, model: "gpt-4o-mini").CompleteChatAsync(Scenes.Messages(Scenes.Mira()));
        using var http = new HttpClient();

        var models = await http.GetFromJsonAsync<JsonObject>(new Uri(server.Endpoint + "/models"));

        Assert.Equal(["fake", "gpt-4o-mini"], models!["data"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Stats_AfterStreamedAndWholeReplies_CountsThemAndTheirTokens()
    {
        await using var server = await FakeLlmServer.StartAsync(new FakeLlmOptions());
        var client = Scenes.Client(server);
        ChatCompletion whole = await client.CompleteChatAsync(Scenes.Messages(Scenes.Mira()));
        await foreach (var _ in client.CompleteChatStreamingAsync(Scenes.Messages(Scenes.Mira())))
        {
        }
        using var http = new HttpClient();

        var stats = await http.GetFromJsonAsync<JsonObject>(new Uri($"http://127.0.0.1:{server.Port}/stats"));

        Assert.Equal((2, 1, 2, 2 * whole.Usage.TotalTokenCount),
            (stats!["requests"]!.GetValue<int>(), stats["streamed"]!.GetValue<int>(), stats["completed"]!.GetValue<int>(),
                stats["totalTokens"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Healthz_Running_SaysOk()
    {
        await using var server = await FakeLlmServer.StartAsync(new FakeLlmOptions());
        using var http = new HttpClient();

        Assert.Equal("ok\n", await http.GetStringAsync(new Uri($"http://127.0.0.1:{server.Port}/healthz")));
    }

    [Fact]
    public async Task SameSeedAndRequest_OnTwoServers_GiveTheSameReply()
    {
        await using var first = await FakeLlmServer.StartAsync(new FakeLlmOptions { Seed = 42 });
        await using var second = await FakeLlmServer.StartAsync(new FakeLlmOptions { Seed = 42 });

        ChatCompletion a = await Scenes.Client(first).CompleteChatAsync(Scenes.Messages(Scenes.Mira(turn: 9)));
        ChatCompletion b = await Scenes.Client(second).CompleteChatAsync(Scenes.Messages(Scenes.Mira(turn: 9)));

        Assert.Equal(a.Content[0].Text, b.Content[0].Text);
    }

    [Fact]
    public async Task Replies_OverTurnsOfOneScene_VaryInPhrasing()
    {
        await using var server = await FakeLlmServer.StartAsync(new FakeLlmOptions());
        var client = Scenes.Client(server);
        var speeches = new HashSet<string>();
        for (var turn = 2; turn < 22; turn++)
        {
            ChatCompletion completion = await client.CompleteChatAsync(Scenes.Messages(Scenes.Mira(turn)));
            speeches.Add(ActionReply.Parse(completion.Content[0].Text).Speech);
        }

        Assert.True(speeches.Count >= 15, $"only {speeches.Count} different speeches in 20 turns");
    }
}

/// <summary>The structured action contract, read strictly: the types must be right.</summary>
internal sealed record ActionReply(string Speech, string Narration, EntityId[] Addressees, WorldChange[] Proposals)
{
    public static ActionReply Parse(string content) =>
        JsonSerializer.Deserialize<ActionReply>(content, CoreSerialization.Json) ?? throw new JsonException("null action");
}
