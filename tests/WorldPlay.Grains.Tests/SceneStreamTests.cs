using System.Text;
using WorldPlay.Client;
using WorldPlay.Core.Scenes;

namespace WorldPlay.Grains.Tests;

/// <summary>A scene's stream through a cluster client (the listener is an observer across the gateway).</summary>
[Collection(ClusterCollection.Name)]
public sealed class SceneStreamTests(ClusterFixture fixture)
{
    [Fact]
    public async Task PlayStreaming_OverTheGateway_YieldsTheTranscriptTurnByTurn()
    {
        var (_, scene, _) = await Scenes.OpenAsync(fixture.Client);

        var updates = await CollectAsync(scene.PlayStreamingAsync(45, maxTurns: 10));

        var transcript = await scene.TurnsAsync(1, 100);
        Assert.Equal(transcript.Select(t => (t.Turn, t.Speech)), updates.OfType<TurnUpdate>().Select(u => (u.Turn, u.Record.Speech)));
    }

    [Fact]
    public async Task PlayStreaming_EachTurnsSpeech_JoinsToItsCommittedSpeech()
    {
        var (_, scene, _) = await Scenes.OpenAsync(fixture.Client, seed: 11);

        var updates = await CollectAsync(scene.PlayStreamingAsync(30, maxTurns: 10));

        var said = new Dictionary<int, StringBuilder>();
        foreach (var speech in updates.OfType<SpeechUpdate>())
        {
            said[speech.Turn] = speech.Restart || !said.TryGetValue(speech.Turn, out var sb) ? new StringBuilder(speech.Text)
                : sb.Append(speech.Text);
        }
        Assert.All(updates.OfType<TurnUpdate>(), u => Assert.Equal(u.Record.Speech, said.GetValueOrDefault(u.Turn)?.ToString() ?? ""));
    }

    [Fact]
    public async Task SayStreaming_UserLine_ComesFirstThenTheReplies()
    {
        var (_, scene, _) = await Scenes.OpenAsync(fixture.Client, userMind: null);

        var turns = (await CollectAsync(scene.SayStreamingAsync("Good evening. Who keeps this inn?"))).OfType<TurnUpdate>().ToList();

        Assert.Equal((TurnRole.User, "Good evening. Who keeps this inn?"), (turns[0].Record.Role, turns[0].Record.Speech));
        Assert.True(turns.Count > 1, "nobody answered the user");
    }

    private static async Task<List<SceneUpdate>> CollectAsync(IAsyncEnumerable<SceneUpdate> stream)
    {
        var updates = new List<SceneUpdate>();
        await foreach (var update in stream)
        {
            updates.Add(update);
        }
        return updates;
    }
}
