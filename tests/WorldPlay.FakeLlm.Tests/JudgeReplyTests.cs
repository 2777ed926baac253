using System.Text.Json.Nodes;
using OpenAI.Chat;

namespace WorldPlay.FakeLlm.Tests;

/// <summary>Judge prompts (the bench's layout) get verdicts derived from the reply's obvious triggers.</summary>
public sealed class JudgeReplyTests
{
    private const string Instructions = "You judge one reply. Reply with one JSON object: {\"verdicts\": [...]}";

    private static string Material(string reply, params string[] categories) =>
        "<transcript-data>\n## Setting\nLanguage: en\nThe user plays: Wren\n## Before the reply\nWren (user): Is the stew ready?\n" +
        $"## Reply to judge\nMira (npc): {reply}\n</transcript-data>\n## Categories to judge\n"
            + string.Concat(categories.Select(c => $"- {c}\n")) + "## Question\nWhich?";

    private static async Task<JsonArray> VerdictsAsync(FakeLlmServer server, string reply, params string[] categories)
    {
        ChatCompletion completion = await Scenes.Client(server).CompleteChatAsync(
            [new SystemChatMessage(Instructions), new UserChatMessage(Material(reply, categories))], Scenes.JsonObject());
        return JsonNode.Parse(completion.Content[0].Text)!["verdicts"]!.AsArray();
    }

    [Fact]
    public async Task Judge_AssistantIsm_OocPresentWithEvidence()
    {
        await using var server = await FakeLlmServer.StartAsync(new FakeLlmOptions());
        var verdict = (await VerdictsAsync(server, "As an AI, I cannot taste stew. Want some?", "content.ooc")).Single()!;

        Assert.Equal((true, "As an AI"), (verdict["present"]!.GetValue<bool>(), verdict["evidence"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Judge_QuestionToTheUser_NoHookAbsent()
    {
        await using var server = await FakeLlmServer.StartAsync(new FakeLlmOptions());
        var verdict = (await VerdictsAsync(server, "Nearly ready, the barley wants ten minutes. Will you wait?",
            "prefs.no_hook")).Single()!;

        Assert.False(verdict["present"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Judge_SecondPersonNarration_SpeaksForUserPresent()
    {
        await using var server = await FakeLlmServer.StartAsync(new FakeLlmOptions());
        var verdict = (await VerdictsAsync(server, "*You nod and take the bowl.* There you go.", "prefs.speaks_for_user")).Single()!;

        Assert.True(verdict["present"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Judge_ThreeCategoriesAsked_OneVerdictEach()
    {
        await using var server = await FakeLlmServer.StartAsync(new FakeLlmOptions());
        var verdicts = await VerdictsAsync(server, "Soup's on.", "content.ooc", "prefs.no_hook", "diversity.filler");

        Assert.Equal(["content.ooc", "prefs.no_hook", "diversity.filler"],
            verdicts.Select(v => v!["category"]!.GetValue<string>()).ToArray());
    }
}
