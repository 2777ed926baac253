using System.Collections.Immutable;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WorldPlay.Client;
using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Scenes;
using WorldPlay.Core.Serialization;
using WorldPlay.Core.Worlds;
using WorldPlay.FakeLlm;
using WorldPlay.Hosting;
using WorldPlay.Minds.Llm;

namespace WorldPlay.Grains.Tests;

/// <summary>Speech streamed out of the grains to a client while a model plays the characters, against the fake
/// OpenAI-compatible server on a free port: what streams is what is committed, and streaming changes nothing in the world.</summary>
public sealed class StreamingTurnTests
{
    private const int Turns = 16;

    [Fact]
    public async Task Scene_StreamedAndNotStreamed_CommitTheSameEvents()
    {
        await using var model = await FakeLlmServer.StartAsync(new FakeLlmOptions { Seed = 3 });

        var streamed = await PlayAsync(Options(model, streaming: true), listen: true);
        var whole = await PlayAsync(Options(model, streaming: false), listen: false);

        Assert.Equal(Describe(whole.Events), Describe(streamed.Events));
    }

    [Fact]
    public async Task Scene_Streamed_SpeechPiecesJoinToEachCommittedSpeech()
    {
        await using var model = await FakeLlmServer.StartAsync(new FakeLlmOptions { Seed = 5 });

        var run = await PlayAsync(Options(model, streaming: true), listen: true);

        var modelTurns = run.Turns.Where(t => t.Usage.Mind == "openai:fake" && t.Speech.Length > 0).ToList();
        Assert.NotEmpty(modelTurns);
        Assert.All(modelTurns, t => Assert.Equal(t.Speech, run.Heard.GetValueOrDefault(t.Turn)));
    }

    [Fact]
    public async Task Scene_Streamed_SpeechArrivesInPiecesBeforeTheCommit()
    {
        await using var model = await FakeLlmServer.StartAsync(new FakeLlmOptions { Seed = 8 });

        var run = await PlayAsync(Options(model, streaming: true), listen: true);

        // A model's speech comes token by token; the procedural user simulator's in one piece.
        Assert.Contains(run.Turns, t => t.Usage.Mind == "openai:fake" && run.Pieces.GetValueOrDefault(t.Turn) > 3);
    }

    [Fact]
    public async Task Scene_Streamed_YieldsEveryCommittedTurnOnceInOrder()
    {
        await using var model = await FakeLlmServer.StartAsync(new FakeLlmOptions { Seed = 6 });

        var run = await PlayAsync(Options(model, streaming: true), listen: true);

        Assert.Equal(Enumerable.Range(1, Turns), run.Turns.Select(t => t.Turn));
    }

    [Fact]
    public async Task Scene_CharacterModel_IsAskedForThatCharacter()
    {
        await using var model = await FakeLlmServer.StartAsync(new FakeLlmOptions { Seed = 4 });
        var definition = WorldFiles.Load("harbor");
        var cast = definition.Scenes[0].Cast.Where(c => c != definition.Scenes[0].User).ToList();
        var options = Options(model, streaming: true) with
        {
            CharacterModels = cast.ToImmutableSortedDictionary(c => c.Value, c => c == cast[0] ? "small" : "fake", StringComparer.Ordinal),
        };

        var run = await PlayAsync(options, listen: false, turns: 40);

        var minds = run.Turns.Where(t => t.Role == TurnRole.Npc).Select(t => (t.Speaker, t.Usage.Mind)).Distinct().ToList();
        Assert.All(minds, m => Assert.Equal(m.Speaker == cast[0] ? "openai:small" : "openai:fake", m.Mind));
    }

    [Fact]
    public async Task Scene_FaultyModel_EveryTurnCommittedWholeAndOnce()
    {
        await using var model = await FakeLlmServer.StartAsync(new FakeLlmOptions { Seed = 12, FaultRate = 0.3,
            TimeoutHold = TimeSpan.FromSeconds(5), RetryAfter = TimeSpan.FromMilliseconds(100) });
        var options = Options(model, streaming: true) with { AttemptTimeout = TimeSpan.FromSeconds(1),
            MaxRetryDelay = TimeSpan.FromSeconds(1) };

        var run = await PlayAsync(options, listen: true);

        // The world holds exactly the events of the committed turns: nothing from an attempt that failed.
        var committed = run.Turns.SelectMany(t => t.Accepted).Select(e => e.Seq).ToList();
        Assert.Equal(Enumerable.Range(1, Turns), run.Turns.Select(t => t.Turn));
        Assert.Equal(committed, run.Events.Where(e => e.Turn > 0).Select(e => e.Seq));
    }

    private static LlmMindOptions Options(FakeLlmServer model, bool streaming) =>
        new() { Endpoint = model.Endpoint, Model = FakeLlmServer.DefaultModel, Streaming = streaming,
            RetryDelay = TimeSpan.FromMilliseconds(50) };

    private static async Task<Run> PlayAsync(LlmMindOptions options, bool listen, int turns = Turns)
    {
        using var host = await WorldPlaySilo.StartEmbeddedAsync(languageModel: options);
        try
        {
            var client = new WorldPlayClient(host.Services.GetRequiredService<IGrainFactory>());
            var definition = WorldFiles.Load("harbor");
            var key = $"harbor-streaming-{Guid.NewGuid():N}";
            var world = await client.CreateWorldAsync(key, definition);
            var spec = definition.Scenes[0];
            var scene = await client.OpenSceneAsync($"{key}/{spec.Id}",
                new SceneOptions(key, spec.Id, 7, "openai:fake", "user-sim:slow-burn", null, 1200));
            var played = new List<TurnRecord>();
            var heard = new Dictionary<int, StringBuilder>();
            var pieces = new Dictionary<int, int>();
            if (listen)
            {
                await foreach (var update in scene.PlayStreamingAsync(turns))
                {
                    switch (update)
                    {
                        case SpeechUpdate speech when speech.Restart || !heard.ContainsKey(speech.Turn):
                            heard[speech.Turn] = new StringBuilder(speech.Text);
                            pieces[speech.Turn] = 1;
                            break;
                        case SpeechUpdate speech:
                            heard[speech.Turn].Append(speech.Text);
                            pieces[speech.Turn]++;
                            break;
                        case TurnUpdate turn:
                            played.Add(turn.Record);
                            break;
                    }
                }
            }
            else
            {
                played.AddRange(await scene.PlayThroughAsync(turns, turns));
            }
            var events = new List<WorldEvent>();
            await foreach (var e in world.EventsAsync())
            {
                events.Add(e);
            }
            return new Run(played, events, heard.ToDictionary(h => h.Key, h => h.Value.ToString()), pieces);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    /// <summary>An event as the world keeps it, without anything a run's timing could change.</summary>
    private static List<string> Describe(IEnumerable<WorldEvent> events) =>
        [.. events.Select(e =>
            $"{e.Seq} {e.Turn} {e.Actor} {System.Text.Json.JsonSerializer.Serialize(e.Change, CoreSerialization.Json)}")];

    private sealed record Run(List<TurnRecord> Turns, List<WorldEvent> Events, Dictionary<int, string> Heard, Dictionary<int, int> Pieces);
}
