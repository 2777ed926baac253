using System.Collections.Immutable;
using WorldPlay.Evaluation.Scenarios;
using WorldPlay.Evaluation.SelfPlay;
using WorldPlay.Evaluation.Tests.Scenarios;
using WorldPlay.Core;
using WorldPlay.Core.Minds;
using WorldPlay.Core.Scenes;
using WorldPlay.Minds;
using AdversarialSituation = WorldPlay.Minds.AdversarialSituation;

namespace WorldPlay.Evaluation.Tests.SelfPlay;

/// <summary>The run without a silo: a scripted player stands in for the grains, so the discard decision and the files are checked
/// exactly.</summary>
public sealed class SelfPlayRunTests : IDisposable
{
    private static readonly Scenario Scene = ScenarioSource.Load(TestData.Scenes, limit: 1).Scenarios[0];

    private readonly string _out = Directory.CreateTempSubdirectory("worldplay-selfplay-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    /// <summary>Alternates the user and the NPC; the user's lines come from <c>userLines</c>, cycled.</summary>
    private sealed class ScriptedPlayer(params string[] userLines) : ISessionPlayer
    {
        public Task<ImmutableArray<TurnRecord>> PlayAsync(SelfPlaySession session, int turns, CancellationToken cancellationToken)
        {
            var npc = session.Scenario.World.Entities.First(e => e.Id == session.Scenario.Npc);
            var user = session.Scenario.World.Entities.First(e => e.Id == session.Scenario.User);
            var records = Enumerable.Range(1, turns).Select(t => t % 2 == 1
                ? Turn(t, user, TurnRole.User, userLines[(t / 2) % userLines.Length])
                : Turn(t, npc, TurnRole.Npc, $"Reply number {t}, and what would you do now, {user.Name}?"));
            return Task.FromResult(records.ToImmutableArray());
        }

        private static TurnRecord Turn(int turn, Entity who, TurnRole role, string speech) =>
            new(turn, who.Id, who.Name, role, speech, "", [], [], MindUsage.Free("scripted"), 0, 0);
    }

    private static ImmutableArray<SelfPlaySession> Sessions(int repeats) =>
        SelfPlayPlan.Sessions([Scene], ["slow-burn"], repeats, AdversarialSituation.BuiltIn);

    [Fact]
    public async Task RunAsync_UserSpeaksAsNpc_SessionDiscarded()
    {
        var npcName = Scene.World.Entities.First(e => e.Id == Scene.Npc).Name;
        var result = await SelfPlayRun.RunAsync(Sessions(1),
            new ScriptedPlayer("Tell me more.", $"{npcName}: I am the one who answers here."), 8, 2, _out);

        Assert.Equal((0, UserSimulatorBreakKind.SpokeAsCharacter), (result.Kept.Length, result.Discarded.Single().Kind));
    }

    [Fact]
    public async Task RunAsync_DiscardedSession_TranscriptAndReasonInDiscardedFolder()
    {
        var npcName = Scene.World.Entities.First(e => e.Id == Scene.Npc).Name;
        var result = await SelfPlayRun.RunAsync(Sessions(1), new ScriptedPlayer($"{npcName}: hello there, stranger."), 6, 1, _out);

        var name = result.Discarded.Single().Name;
        Assert.Equal(
            (true, true, false),
            (File.Exists(Path.Combine(_out, "discarded", name + ".jsonl")),
                File.Exists(Path.Combine(_out, "discarded", name + ".reason.txt")),
                File.Exists(Path.Combine(_out, "transcripts", name + ".jsonl"))));
    }

    [Fact]
    public async Task RunAsync_UserLoops_SessionDiscardedAsLoop()
    {
        var result = await SelfPlayRun.RunAsync(Sessions(1), new ScriptedPlayer("Where did you put the silver key yesterday?"), 12, 1,
            _out);

        Assert.Equal(UserSimulatorBreakKind.Loop, result.Discarded.Single().Kind);
    }

    [Fact]
    public async Task RunAsync_UserHoldsUp_EverySessionKeptAndWritten()
    {
        var result = await SelfPlayRun.RunAsync(
            Sessions(3), new ScriptedPlayer("Do you remember the fair?", "Why did you leave so early?", "What is that scar from?", "ok"),
                10, 2, _out);

        Assert.Equal((3, 3), (result.Kept.Length, Directory.GetFiles(Path.Combine(_out, "transcripts"), "*.jsonl").Length));
    }

    [Fact]
    public async Task RunAsync_KeptTranscript_ReadsBackWithItsWorld()
    {
        var result = await SelfPlayRun.RunAsync(Sessions(1),
            new ScriptedPlayer("Do you remember the fair?", "Why did you leave so early?", "ok"), 6, 1, _out);

        var read = Transcripts.TranscriptReader.Read(Path.Combine(_out, "transcripts", result.Kept[0].Transcript.Name + ".jsonl"));
        Assert.Equal((6, Scene.World.Entities.First(e => e.Id == Scene.Npc).Name),
            (read.Lines.Length, read.Setting?.Characters.First(c => !c.IsUser).Name));
    }

    [Fact]
    public async Task RunAsync_FailingPlayer_CountedAsFailedNotThrown()
    {
        var result = await SelfPlayRun.RunAsync(Sessions(2), new FailingPlayer(), 6, 2, _out);

        Assert.Equal((0, 2), (result.Kept.Length, result.Failed.Length));
    }

    private sealed class FailingPlayer : ISessionPlayer
    {
        public Task<ImmutableArray<TurnRecord>> PlayAsync(SelfPlaySession session, int turns, CancellationToken cancellationToken) =>
            throw new TimeoutException("the model did not answer");
    }
}
