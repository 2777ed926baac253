using WorldPlay.Contracts;
using WorldPlay.Core.Scenes;

namespace WorldPlay.Grains.Tests;

/// <summary>A turn is one write: the world's commit stores the turn's events and its draft together; the scene writes its
/// transcript and record every <see cref="SceneGrain.WriteEvery"/> turns and before they are read, and rebuilds from the world
/// the turns it had not written when it stopped.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TurnWriteTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Play_TwentyTurns_OneWorldRecordEach_TranscriptWrittenOnceWhenRead()
    {
        var (world, scene, _) = await Scenes.OpenAsync(fixture.Client, seed: 41);
        var worldStream = WorldPlayStorage.TimelineStream(world.Key);
        var transcript = WorldPlayStorage.TranscriptStream(scene.Key);
        var (worldAppends, transcriptAppends) = (fixture.Faults.Appends(worldStream), fixture.Faults.Appends(transcript));

        var batch = await scene.PlayAsync(20);
        var whilePlaying = fixture.Faults.Appends(transcript) - transcriptAppends;
        var read = await scene.TurnsAsync(1, 100);

        Assert.Equal(20, batch.Turns.Length);
        Assert.Equal(worldAppends + 20, fixture.Faults.Appends(worldStream));
        Assert.Equal(0, whilePlaying);
        Assert.Equal(transcriptAppends + 1, fixture.Faults.Appends(transcript));
        Assert.Equal(batch.Turns.Select(t => (t.Turn, t.Speech)), read.Select(t => (t.Turn, t.Speech)));
    }

    [Fact]
    public async Task Play_SeventyTurnsInOneCall_TranscriptWrittenEveryWriteEveryTurns()
    {
        var (_, scene, _) = await Scenes.OpenAsync(fixture.Client, seed: 42);
        var transcript = WorldPlayStorage.TranscriptStream(scene.Key);
        var before = fixture.Faults.Appends(transcript);

        await Grain(scene.Key).Play(70, 70, null);

        Assert.Equal(70 / SceneGrain.WriteEvery, fixture.Faults.Appends(transcript) - before);
    }

    [Fact]
    public async Task TranscriptWriteFails_NextCallRebuildsTheTurnsFromTheWorld_SameAsUninterrupted()
    {
        var (worldA, sceneA, _) = await Scenes.OpenAsync(fixture.Client, seed: 43);
        var (worldB, sceneB, _) = await Scenes.OpenAsync(fixture.Client, seed: 43);
        await Scenes.PlayAsync(sceneA, 10);
        var transcript = WorldPlayStorage.TranscriptStream(sceneA.Key);
        fixture.Faults.FailAfter(transcript, 0);
        try
        {
            // Turns 11 to 32 are played and stored in the world; the call fails when the scene writes its transcript at turn 32.
            await Assert.ThrowsAsync<TurnInterruptedException>(() => Grain(sceneA.Key).Play(50, 40, null));
        }
        finally
        {
            fixture.Faults.Heal(transcript);
        }

        var resumed = await sceneA.PlayAsync(10);
        await Scenes.PlayAsync(sceneB, SceneGrain.WriteEvery + 10);

        Assert.Equal(SceneGrain.WriteEvery + 1, resumed.Turns[0].Turn);
        var turnsA = await sceneA.TurnsAsync(1, 100);
        var turnsB = await sceneB.TurnsAsync(1, 100);
        Assert.Equal(Enumerable.Range(1, SceneGrain.WriteEvery + 10), turnsA.Select(t => t.Turn));
        Assert.Equal(Lines(turnsB), Lines(turnsA));
        Assert.Equal((await worldB.AuditAsync()).TimelineHash, (await worldA.AuditAsync()).TimelineHash);
    }

    [Fact]
    public async Task SceneDeactivatedWithUnwrittenTurns_Reactivated_HasEveryTurnOnce()
    {
        var (_, scene, _) = await Scenes.OpenAsync(fixture.Client, seed: 47);
        await Grain(scene.Key).Play(12, 12, null);
        await fixture.Cluster.DeactivateAsync(fixture.Cluster.Client.GetGrain<ISceneGrain>(scene.Key).GetGrainId());

        var status = await scene.StatusAsync();
        var turns = await scene.TurnsAsync(1, 100);
        var more = await Grain(scene.Key).Play(15, 3, null);

        Assert.Equal(12, status.Turn);
        Assert.Equal(Enumerable.Range(1, 12), turns.Select(t => t.Turn));
        Assert.Equal([13, 14, 15], more.Turns.Select(t => t.Turn));
    }

    /// <summary>The scene grain itself, without the client's retries.</summary>
    private ISceneGrain Grain(string key) => fixture.Cluster.Client.GetGrain<ISceneGrain>(key);

    private static List<(int, string, string, string)> Lines(IEnumerable<TurnRecord> turns) =>
        [.. turns.Select(t => (t.Turn, t.Speaker.Value, t.Speech, t.Narration))];
}
