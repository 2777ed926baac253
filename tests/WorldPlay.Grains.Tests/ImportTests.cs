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
            $"{world.Key}-imported", definition, [.. await world.EventsAsync().ToListAsync()], options, [.. await scene.TranscriptAsync().ToListAsync()]);

        Assert.Equal((await world.StateAsync()).StateHash, (await imported.StateAsync()).StateHash);
    }

    [Fact]
    public async Task Import_ThenPlayed_PlaysTheSameTurnsAsTheOriginal()
    {
        var (world, scene, definition) = await Scenes.OpenAsync(fixture.Client, seed: 82);
        await Scenes.PlayAsync(scene, 25);
        var options = new SceneOptions("", definition.Scenes[0].Id, 82, "procedural", "user-sim:slow-burn", null, 1200);
        var (_, importedScene) = await fixture.Client.ImportAsync(
            $"{world.Key}-imported", definition, [.. await world.EventsAsync().ToListAsync()], options, [.. await scene.TranscriptAsync().ToListAsync()]);

        var original = await Scenes.PlayAsync(scene, 10);
        var continued = await Scenes.PlayAsync(importedScene, 10);

        Assert.Equal(original.Select(t => (t.Turn, t.Speaker, t.Speech)), continued.Select(t => (t.Turn, t.Speaker, t.Speech)));
    }
}
