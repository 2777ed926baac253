using System.CommandLine;
using System.Text.Json.Nodes;
using WorldPlay.Core;
using WorldPlay.Core.Serialization;
using WorldPlay.Core.Worlds;

namespace WorldPlay.Cli.Timelines;

/// <summary><c>worldplay export</c> and <c>worldplay import</c>: a whole world with its branches, as MessagePack + LZ4 or as
/// JSON.</summary>
internal static class ExportCommand
{
    public static Command Create(TextWriter output)
    {
        var source = new WorldSource();
        var format = new Option<string>("--format", "-f")
        {
            Description = "msgpack (compact, the default) or json (for people and other tools).",
            DefaultValueFactory = _ => "msgpack",
        };
        Spellings.OneOf(format, ["msgpack", "json"]);
        var outFile = new Option<FileInfo>("--out", "-o") { Description = "The file to write.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print what was written as JSON." };
        var asWorld = new Option<bool>("--as-world")
        {
            Description = "Write a world file instead (docs/world-format.md, the JSON 'simulate --world FILE' reads) of the state at " +
                "--at-turn of --branch: what players and characters created in play comes along, with its origin and who knows it.",
        };
        var atTurn = new Option<int?>("--at-turn", "-t") { Description = "With --as-world: the turn to start from (default: the last)." };
        var branch = OpenedWorld.BranchOption("With --as-world: the branch to read (default: the root branch, 'main'; with --cluster: " +
            "--world).");
        var command = new Command("export", "Write a whole world with every branch as MessagePack + LZ4 or as JSON; from a file, or from " +
            "a cluster (--cluster C --world KEY: that world's family, its root and every branch). With --as-world, write a world file " +
            "of one turn that 'simulate --world' plays on, for example: worldplay export run.wptl --as-world --at-turn 300 " +
            "--out grown.json, then worldplay simulate --world grown.json --turns 50.")
        {
            format, outFile, json, asWorld, atTurn, branch,
        };
        source.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var target = result.GetValue(outFile)!;
            OutputTarget.File(target, "--out");
            if (result.GetValue(asWorld))
            {
                if (result.GetResult(format) is { Implicit: false })
                {
                    throw new ArgumentException("--format goes with a timeline export; --as-world always writes a world file as JSON.");
                }
                var world = await source.OpenAsync(result, result.GetValue(branch), cancellationToken);
                var turn = world.Turn(result.GetValue(atTurn) ?? world.LastTurn, "--at-turn");
                await WriteWorld(output, target, world, turn, result.GetValue(json), cancellationToken);
                return 0;
            }
            if (result.GetResult(atTurn) is { Implicit: false } || result.GetResult(branch) is { Implicit: false })
            {
                throw new ArgumentException("--at-turn and --branch go with --as-world; a timeline export writes every branch whole.");
            }
            var bundle = await source.ReadAsync(result, cancellationToken);
            await Write(
                target, bundle, result.GetValue(format) == "json" ? TimelineFormat.Json : TimelineFormat.MessagePack, cancellationToken);
            Report(output, "exported", target, bundle, result.GetValue(json));
            return 0;
        });
        return command;
    }

    public static Command CreateImport(TextWriter output)
    {
        var file = new Argument<FileInfo>("file")
        {
            Description = "A world file in either format (MessagePack or JSON), e.g. from 'worldplay export --format json'.",
        };
        var outFile = new Option<FileInfo?>("--out", "-o")
        {
            Description = "Where to write the checked world as MessagePack + LZ4 (default: FILE with the extension .wptl).",
        };
        var json = new Option<bool>("--json") { Description = "Print what was read as JSON." };
        var command = new Command("import", "Read a world file in either format, check every branch replays, and write it as a " +
            "MessagePack + LZ4 world file.")
        {
            file, outFile, json,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var source = result.GetValue(file)!;
            var target = result.GetValue(outFile) ?? new FileInfo(Path.ChangeExtension(source.FullName, ".wptl"));
            OutputTarget.File(target, "--out");
            var bundle = await TimelineFile.ReadAsync(source.FullName, cancellationToken);
            if (target.FullName == source.FullName
                && TimelineFile.FormatOf(await File.ReadAllBytesAsync(source.FullName, cancellationToken)) == TimelineFormat.MessagePack)
            {
                throw new ArgumentException($"'{source.FullName}' is already a MessagePack world file; give --out to copy it elsewhere.");
            }
            await Write(target, bundle, TimelineFormat.MessagePack, cancellationToken);
            Report(output, "imported", target, bundle, result.GetValue(json));
            return 0;
        });
        return command;
    }

    /// <summary>Writes the world file of <paramref name="world"/> after <paramref name="turn"/>, whole or not at all, once it reads
    /// back as a designer's file would.</summary>
    private static async Task WriteWorld(
        TextWriter output, FileInfo target, OpenedWorld world, int turn, bool json, CancellationToken cancellationToken)
    {
        var state = world.Timeline.StateAfterTurn(turn);
        var text = WorldFiles.Write(world.Bundle.Definition, state);
        var read = WorldFiles.Parse(text, target.Name);
        var temp = target.FullName + ".partial";
        try
        {
            await File.WriteAllTextAsync(temp, text, cancellationToken);
            File.Move(temp, target.FullName, overwrite: true);
        }
        catch when (File.Exists(temp))
        {
            File.Delete(temp);
            throw;
        }
        var created = read.Entities.Count(e => e.Origin is not null);
        var declared = read.Relationships.Count(r => r.Origin is not null);
        if (json)
        {
            var node = new JsonObject
            {
                ["world"] = read.Setting.Id,
                ["branch"] = world.Branch,
                ["atTurn"] = turn,
                ["out"] = target.FullName,
                ["entities"] = read.Entities.Length,
                ["entitiesCreated"] = created,
                ["relationships"] = read.Relationships.Length,
                ["relationshipsDeclared"] = declared,
                ["facts"] = read.Facts.Length,
                ["scenes"] = read.Scenes.Length,
            };
            output.WriteLine(node.ToJsonString(CoreSerialization.IndentedJson));
            return;
        }
        output.WriteLine($"World '{read.Setting.Id}' at turn {turn} of branch {world.Branch} written to {target.FullName}: " +
            $"{read.Entities.Length} entities ({created} created in play), {read.Relationships.Length} relationships ({declared} " +
            $"declared in play), {read.Facts.Length} facts, {read.Scenes.Length} {(read.Scenes.Length == 1 ? "scene" : "scenes")}. " +
            $"Play on with: worldplay simulate --world {target.FullName}");
    }

    private static Task Write(FileInfo target, WorldBundle bundle, TimelineFormat format, CancellationToken cancellationToken) =>
        TimelineFile.WriteAsync(target.FullName, bundle, format, cancellationToken);

    private static void Report(TextWriter output, string verb, FileInfo target, WorldBundle bundle, bool json)
    {
        target.Refresh();
        var branches = bundle.Branches
            .Select(b => new { b.Id, b.Parent, b.ForkTurn, Events = bundle.Of(b.Id).Version, LastTurn = bundle.Of(b.Id).Current.Turn })
            .ToList();
        if (json)
        {
            var node = new JsonObject
            {
                ["world"] = bundle.Definition.Setting.Id,
                ["out"] = target.FullName,
                ["format"] = TimelineFile.FormatOf(File.ReadAllBytes(target.FullName)) == TimelineFormat.Json ? "json" : "msgpack",
                ["bytes"] = target.Length,
                ["branches"] = new JsonArray([.. branches.Select(b => (JsonNode)new JsonObject
                {
                    ["branch"] = b.Id,
                    ["parent"] = b.Parent,
                    ["forkTurn"] = b.ForkTurn,
                    ["events"] = b.Events,
                    ["lastTurn"] = b.LastTurn,
                })]),
            };
            output.WriteLine(node.ToJsonString(CoreSerialization.IndentedJson));
            return;
        }
        output.WriteLine($"World '{bundle.Definition.Setting.Id}' {verb} to {target.FullName} ({target.Length} bytes).");
        foreach (var b in branches)
        {
            output.WriteLine($"  {b.Id}: {b.Events} events, turns 0 to {b.LastTurn}" + (b.Parent is null ? "" : ", forked from " +
                $"{b.Parent} after turn {b.ForkTurn}"));
        }
    }
}
