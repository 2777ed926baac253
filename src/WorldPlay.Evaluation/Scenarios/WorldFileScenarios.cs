using System.Collections.Immutable;
using WorldPlay.Core;
using WorldPlay.Core.Worlds;

namespace WorldPlay.Evaluation.Scenarios;

/// <summary>A WorldPlay world file (or sample name), read by <see cref="WorldFiles.Load"/>: one scenario per scene that names a
/// user.</summary>
internal static class WorldFileScenarios
{
    public static IEnumerable<Func<RecordOutcome>> Records(string nameOrPath)
    {
        var file = File.Exists(nameOrPath) ? Path.GetFileName(nameOrPath) : nameOrPath;
        var where = new ScenarioProblem(file, null, null, "", "");
        WorldDefinition world;
        try
        {
            world = WorldFiles.Load(nameOrPath);
        }
        catch (WorldFileException e)
        {
            return [() => RecordOutcome.Failed(e.Problems.Select(p => where with { Message = p }))];
        }
        if (world.Scenes.IsEmpty)
        {
            return [() => RecordOutcome.Failed(
                [where with { Field = "scenes", Message = "is empty; a bench scenario plays one of the world's scenes" }])];
        }
        var text = File.Exists(nameOrPath) ? File.ReadAllText(nameOrPath) : null;
        return world.Scenes.Select(
            (scene, i) => (Func<RecordOutcome>)(
                () => Import(world, text, scene, where with { Field = $"scenes[{i}]", RecordId = scene.Id })));
    }

    private static RecordOutcome Import(WorldDefinition world, string? worldFile, SceneSpec scene, ScenarioProblem where)
    {
        if (scene.User is not { } user)
        {
            return RecordOutcome.Failed(
                [where with { Field = where.Field + ".user",
                    Message = "is missing; a bench scenario needs the character the user plays" }]);
        }
        if (scene.Cast.FirstOrDefault(c => c != user) is not { Value: not null } npc)
        {
            return RecordOutcome.Failed(
                [where with { Field = where.Field + ".cast",
                    Message = "has no character besides the user; a bench scenario needs one for the NPC mind" }]);
        }
        var scenario = new Scenario(
            $"{world.Setting.Id}-{scene.Id}", ScenarioFormat.WorldFile, $"{where.File} scene {scene.Id}",
                $"{world.Setting.Name}: {scene.Title}",
            world, npc, user, scene.Id, scene.Objectives, null, world.Setting.Language, [], [], null) { WorldFile = worldFile };
        return new RecordOutcome(scenario, []);
    }
}
