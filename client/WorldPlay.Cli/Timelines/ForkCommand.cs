using System.CommandLine;
using System.Text.Json.Nodes;
using WorldPlay.Client;
using WorldPlay.Core;
using WorldPlay.Core.Serialization;

namespace WorldPlay.Cli.Timelines;

/// <summary><c>worldplay fork</c>: adds a branch to a world file that continues after a turn of its parent, sharing the
/// parent's events up to there.</summary>
internal static class ForkCommand
{
    public static Command Create(TextWriter output)
    {
        var source = new WorldSource();
        var atTurn = new Option<int>("--at-turn", "-t")
        {
            Description = "The branch keeps every turn up to and including this one, and continues after it.",
            Required = true,
        };
        var parent = OpenedWorld.BranchOption("The branch to fork (default: the root branch, 'main'; with --cluster: --world).");
        var name = new Option<string?>("--name", "-n")
        {
            Description = "The new branch's name (lowercase letters, digits, dashes; default: PARENT-tTURN; with --cluster: the new " +
                "world key).",
        };
        var json = new Option<bool>("--json") { Description = "Print the new branch and its lineage as JSON." };
        var command = new Command("fork", "Add a branch to a world file at turn N of a parent branch: the story can then go another way " +
            "from there (continue it with 'worldplay simulate --from FILE --branch B'). With --cluster C --world KEY it forks that world " +
            "on the cluster into a new world.")
        {
            atTurn, parent, name, json,
        };
        source.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            WorldBundle bundle;
            WorldBranch branch;
            string written;
            if (source.FileOf(result) is { } path)
            {
                var world = await OpenedWorld.OpenAsync(path, result.GetValue(parent), cancellationToken);
                OutputTarget.File(path, "FILE");
                (bundle, branch) = world.Bundle.Fork(world.Branch, result.GetValue(atTurn), result.GetValue(name));
                // Written back in the format it was read in, whole or not at all.
                var format = TimelineFile.FormatOf(await File.ReadAllBytesAsync(path.FullName, cancellationToken));
                await TimelineFile.WriteAsync(path.FullName, bundle, format, cancellationToken);
                written = $"written to {path.FullName}";
            }
            else
            {
                // On a cluster the fork is a new world of the family that shares its parent's events up to the fork point.
                var from = result.GetValue(parent) ?? result.GetValue(source.World)!;
                var key = result.GetValue(name) ?? $"{from}-t{result.GetValue(atTurn)}";
                await source.OnClusterAsync(result, async grains =>
                {
                    var client = new WorldPlayClient(grains);
                    return await (await WorldSource.ExistingAsync(client, from)).ForkAsync(key, result.GetValue(atTurn));
                }, cancellationToken);
                bundle = (await source.OpenAsync(result, key, cancellationToken)).Bundle;
                branch = bundle.Branch(key);
                written = $"a new world on {result.GetValue(source.Cluster)!.FullName}";
            }
            var lineage = bundle.Lineage(branch.Id);
            if (result.GetValue(json))
            {
                var node = new JsonObject
                {
                    ["branch"] = branch.Id,
                    ["parent"] = branch.Parent,
                    ["forkTurn"] = branch.ForkTurn,
                    ["forkEvent"] = branch.ForkSeq,
                    ["lineage"] = new JsonArray([.. lineage.Chain.Select(b => (JsonNode)new JsonObject
                    {
                        ["branch"] = b.Id,
                        ["parent"] = b.Parent,
                        ["forkTurn"] = b.ForkTurn,
                        ["forkEvent"] = b.ForkSeq,
                    })]),
                    ["stateHash"] = CoreSerialization.Hash(bundle.Of(branch.Id).Current),
                };
                output.WriteLine(node.ToJsonString(CoreSerialization.IndentedJson));
                return 0;
            }
            output.WriteLine($"{branch.Id}");
            output.WriteLine($"Branch '{branch.Id}' continues after turn {branch.ForkTurn} (event {branch.ForkSeq}) of " +
                $"'{branch.Parent}'; {written}.");
            output.WriteLine("Lineage: " + string.Join(" <- ", lineage.Chain.Select(b => b.IsRoot ? b.Id : $"{b.Id} (from turn " +
                $"{b.ForkTurn})")));
            return 0;
        });
        return command;
    }
}
