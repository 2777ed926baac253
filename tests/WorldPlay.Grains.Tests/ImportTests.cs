using WorldPlay.Contracts;

namespace WorldPlay.Grains.Tests;

/// <summary>A timeline recorded elsewhere (a file) becomes a world and scene that go on as the original would have.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ImportTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Import_RecordedTimeline_SameStateHashAsTheOriginal()
    {
        var (world, scene, definition) = await Scenes.OpenAsync(fixture.Client, seed: 81);
        await Scenes.PlayAsync(scene, 30);
        var options = new SceneOptions("", definition.Scenes[0].Id, 81, "procedural", "user-sim:slow-burn", null, 1200);

        var (imported, _) = await fixture.Client.ImportAsync(
            $"{world.Key}-imported", definition, [.. await world.EventsAsync().ToListAsync()], options,
                [.. await scene.TranscriptAsync().ToListAsync()]);

        Assert.Equal((await world.StateAsync()).StateHash, (await imported.StateAsync()).StateHash);
    }

    [Fact]
    public async Task Import_ThenPlayed_PlaysTheSameTurnsAsTheOriginal()
    {
        var (world, scene, definition) = await Scenes.OpenAsync(fixture.Client, seed: 82);
        await Scenes.PlayAsync(scene, 25);
        var options = new SceneOptions("", definition.Scenes[0].Id, 82, "procedural", "user-sim:slow-burn", null, 1200);
        var (_, importedScene) = await fixture.Client.ImportAsync(
            $"{world.Key}-imported", definition, [.. await world.EventsAsync().ToListAsync()], options,
                [.. await scene.TranscriptAsync().ToListAsync()]);

        var original = await Scenes.PlayAsync(scene, 10);
        var continued = await Scenes.PlayAsync(importedScene, 10);

        Assert.Equal(original.Select(t => (t.Turn, t.Speaker, t.Speech)), continued.Select(t => (t.Turn, t.Speaker, t.Speech)));
    }

    [Fact]
    public async Task Import_UnknownScene_RefusedAndLeavesNoWorld()
    {
        var (world, scene, definition) = await Scenes.OpenAsync(fixture.Client, seed: 83);
        await Scenes.PlayAsync(scene, 5);
        var options = new SceneOptions("", "no-such-scene", 83, "procedural", "user-sim:slow-burn", null, 1200);
        var key = $"{world.Key}-wrong-scene";

        var events = await world.EventsAsync().ToListAsync();
        var transcript = await scene.TranscriptAsync().ToListAsync();

        var refused = await Assert.ThrowsAsync<ArgumentException>(() =>
            fixture.Client.ImportAsync(key, definition, [.. events], options, [.. transcript]));

        Assert.StartsWith("Unknown scene 'no-such-scene'", refused.Message, StringComparison.Ordinal);
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Client.World(key).DefinitionAsync());
        Assert.Contains("does not exist", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_StorageFailsMidway_LeavesNoWorld()
    {
        var (key, import) = await ImportFailingAfterFirstAppendAsync(seed: 84);

        await Assert.ThrowsAnyAsync<Exception>(import);

        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Client.World(key).DefinitionAsync());
        Assert.Contains("does not exist", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_AgainAfterStorageFailedMidway_SameStateHashAsTheOriginal()
    {
        var (key, import) = await ImportFailingAfterFirstAppendAsync(seed: 85);
        await Assert.ThrowsAnyAsync<Exception>(import);
        fixture.Faults.Heal(WorldPlayStorage.TimelineStream(key));

        await import();

        Assert.Equal((await fixture.Client.World(key.Replace("-halfway", "", StringComparison.Ordinal)).StateAsync()).StateHash,
            (await fixture.Client.World(key).StateAsync()).StateHash);
    }

    /// <summary>A played world long enough to take several appends to import, and an import of it under a new key whose
    /// timeline stream takes one append and then fails.</summary>
    private async Task<(string Key, Func<Task> Import)> ImportFailingAfterFirstAppendAsync(int seed)
    {
        var (world, scene, definition) = await Scenes.OpenAsync(fixture.Client, seed: seed);
        await Scenes.PlayAsync(scene, 2 * WorldPlay.Storage.EventStoreLimits.MaxRecordsPerBatch + 10);
        var events = (await world.EventsAsync().ToListAsync()).ToArray();
        var transcript = (await scene.TranscriptAsync().ToListAsync()).ToArray();
        var options = new SceneOptions("", definition.Scenes[0].Id, seed, "procedural", "user-sim:slow-burn", null, 1200);
        var key = $"{world.Key}-halfway";
        fixture.Faults.FailAfter(WorldPlayStorage.TimelineStream(key), 1);
        return (key, () => fixture.Client.ImportAsync(key, definition, [.. events], options, [.. transcript]));
    }
}
