using WorldPlay.Client;
using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Scenes;
using WorldPlay.Core.Worlds;

namespace WorldPlay.Grains.Tests;

/// <summary>Opens sample worlds and plays their scenes for tests.</summary>
internal static class Scenes
{
    public static async Task<(WorldHandle World, SceneHandle Scene, WorldDefinition Definition)> OpenAsync(
        WorldPlayClient client, string world = "harbor", int seed = 7, string? userMind = "user-sim:slow-burn")
    {
        var definition = WorldFiles.Load(world);
        var key = $"{world}-{seed}-{Guid.NewGuid():N}";
        var handle = await client.CreateWorldAsync(key, definition);
        var spec = definition.Scenes[0];
        var scene = await client.OpenSceneAsync($"{key}/{spec.Id}",
            new SceneOptions(key, spec.Id, seed, "procedural", userMind, null, 1200));
        return (handle, scene, definition);
    }

    /// <summary>The characters the scene's minds play (the scene's cast without its user).</summary>
    public static List<EntityId> Characters(WorldDefinition definition) =>
        [.. definition.Scenes[0].Cast.Where(c => c != definition.Scenes[0].User)];

    public static async Task<List<TurnRecord>> PlayAsync(SceneHandle scene, int turns)
    {
        var played = new List<TurnRecord>();
        while (played.Count < turns)
        {
            var batch = await scene.PlayAsync(Math.Min(100, turns - played.Count));
            Assert.NotEmpty(batch.Turns);
            played.AddRange(batch.Turns);
        }
        return played;
    }
}
