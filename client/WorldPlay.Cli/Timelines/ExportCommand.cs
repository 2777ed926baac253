using System.CommandLine;
using System.Text.Json.Nodes;
using WorldPlay.Core;
using WorldPlay.Core.Serialization;

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
        var command = new Command("export", "Write a whole world with every branch as MessagePack + LZ4 or as JSON; from a file, or from " +
            "a cluster (--cluster C --world KEY: that world's family, its root and every branch).")
        {
            format, outFile, json,
        };
        source.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var target = result.GetValue(outFile)!;
            OutputTarget.File(target, "--out");
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
