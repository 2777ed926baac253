using WorldPlay.Contracts;
using WorldPlay.Core.Scenes;

namespace WorldPlay.Grains.Tests;

/// <summary>A turn is one write: the world's commit stores the turn's events and its draft together; the scene writes its
/// transcript and record once a call, and rebuilds from the world the turns it had not written when it stopped.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TurnWriteTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Play_TwentyTurnsInOneCall_OneWorldRecordEachAndOneTranscriptAppend()
    {
        var (world, scene, _) = await Scenes.OpenAsync(fixture.Client, seed: 41);
        var worldStream = WorldPlayStorage.TimelineStream(world.Key);
        var transcript = WorldPlayStorage.TranscriptStream(scene.Key);
        var (worldAppends, transcriptAppends) = (fixture.Faults.Appends(worldStream), fixture.Faults.Appends(transcript));

        var batch = await scene.PlayAsync(20);

        Assert.Equal(20, batch.Turns.Length);
        Assert.Equal(worldAppends + 20, fixture.Faults.Appends(worldStream));
        Assert.Equal(transcriptAppends + 1, fixture.Faults.Appends(transcript));
        Assert.Equal(batch.Turns.Select(t => (t.Turn, t.Speech)), (await scene.TurnsAsync(1, 100)).Select(t => (t.Turn, t.Speech)));
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
            // The turns are played and stored in the world; the call fails when the scene writes its transcript.
            await Assert.ThrowsAsync<TurnInterruptedException>(() => Grain(sceneA.Key).Play(25, 15, null));
        }
        finally
        {
            fixture.Faults.Heal(transcript);
        }

        var resumed = await sceneA.PlayAsync(10);
        await Scenes.PlayAsync(sceneB, 35);

        Assert.Equal(26, resumed.Turns[0].Turn);
        var turnsA = await sceneA.TurnsAsync(1, 100);
        var turnsB = await sceneB.TurnsAsync(1, 100);
        Assert.Equal(Enumerable.Range(1, 35), turnsA.Select(t => t.Turn));
        Assert.Equal(Lines(turnsB), Lines(turnsA));
        Assert.Equal((await worldB.AuditAsync()).TimelineHash, (await worldA.AuditAsync()).TimelineHash);
    }

    [Fact]
    public async Task SceneStoppedMidCall_ReactivatedScene_HasEveryStoredTurnOnce()
    {
        var (_, scene, _) = await Scenes.OpenAsync(fixture.Client, seed: 47);
        var transcript = WorldPlayStorage.TranscriptStream(scene.Key);
        fixture.Faults.FailAfter(transcript, 0);
        try
        {
            await Assert.ThrowsAsync<TurnInterruptedException>(() => Grain(scene.Key).Play(12, 12, null));
        }
        finally
        {
            fixture.Faults.Heal(transcript);
        }
        await fixture.Cluster.DeactivateAsync(fixture.Cluster.Client.GetGrain<ISceneGrain>(scene.Key).GetGrainId());

        var status = await scene.StatusAsync();
        var turns = await scene.TurnsAsync(1, 100);

        Assert.Equal(12, status.Turn);
        Assert.Equal(Enumerable.Range(1, 12), turns.Select(t => t.Turn));
    }

    /// <summary>The scene grain itself, without the client's retries.</summary>
    private ISceneGrain Grain(string key) => fixture.Cluster.Client.GetGrain<ISceneGrain>(key);

    private static List<(int, string, string, string)> Lines(IEnumerable<TurnRecord> turns) =>
        [.. turns.Select(t => (t.Turn, t.Speaker.Value, t.Speech, t.Narration))];
}
