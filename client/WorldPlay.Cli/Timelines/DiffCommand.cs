using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using WorldPlay.Core;
using WorldPlay.Core.Serialization;

namespace WorldPlay.Cli.Timelines;

/// <summary><c>worldplay diff</c>: what changed between two turns of a branch, or between two branches, with the events
/// responsible.</summary>
internal static class DiffCommand
{
    public static Command Create(TextWriter output)
    {
        var source = new WorldSource();
        var from = new Option<int?>("--from")
        {
            Description = "The earlier turn (default: 0, the start; with --against: ignored, the fork point is used).",
        };
        var to = new Option<int?>("--to") { Description = "The later turn (default: the last turn of the branch)." };
        var branch = OpenedWorld.BranchOption();
        var against = new Option<string?>("--against")
        {
            Description = "Compare the end of --branch with the end of this branch instead of two turns.",
        };
        var json = new Option<bool>("--json") { Description = "Print the diff as JSON." };
        var command = new Command("diff", "Show what changed between two turns (or two branches): characters, places, items, " +
            "relationships and facts added, changed or closed, with the events responsible.")
        {
            from, to, branch, against, json,
        };
        source.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var world = await source.OpenAsync(result, result.GetValue(branch), cancellationToken);
            JsonObject header;
            TimelineDiff diff;
            if (result.GetValue(against) is { } other)
            {
                var right = world.Bundle.Of(world.Bundle.Branch(other).Id);
                var common = CommonPrefix(world.Timeline, right);
                var leftEnd = world.Timeline.StateAfterTurn(world.Turn(result.GetValue(to) ?? world.LastTurn, "--to"));
                var rightEnd = right.StateAfterTurn(result.GetValue(to) ?? right.Current.Turn);
                diff = TimelineDiff.Branches(
                    leftEnd, world.Timeline.Events.Skip((int)common).Take((int)(leftEnd.Version - common)),
                    rightEnd, right.Events.Skip((int)common).Take((int)(rightEnd.Version - common)));
                header = new JsonObject { ["branch"] = world.Branch, ["against"] = other, ["commonEvents"] = common };
            }
            else
            {
                var fromTurn = world.Turn(result.GetValue(from) ?? 0, "--from");
                var toTurn = world.Turn(result.GetValue(to) ?? world.LastTurn, "--to");
                if (fromTurn > toTurn)
                {
                    throw new ArgumentException($"--from {fromTurn} is after --to {toTurn}; give the earlier turn first.");
                }
                var start = world.Timeline.StateAfterTurn(fromTurn);
                var end = world.Timeline.StateAfterTurn(toTurn);
                diff = TimelineDiff.Between(
                    start, end, world.Timeline.Events.Skip((int)start.Version).Take((int)(end.Version - start.Version)));
                header = new JsonObject { ["branch"] = world.Branch, ["fromTurn"] = fromTurn, ["toTurn"] = toTurn };
            }
            if (result.GetValue(json))
            {
                header["world"] = world.Timeline.Initial.Setting.Id;
                header["diff"] = JsonSerializer.SerializeToNode(diff, CoreSerialization.Json);
                output.WriteLine(header.ToJsonString(CoreSerialization.IndentedJson));
            }
            else
            {
                Render(output, world, header, diff);
            }
            return 0;
        });
        return command;
    }

    /// <summary>How many leading events two branches share: their lineages hand out the same event objects up to the fork.</summary>
    private static long CommonPrefix(Timeline left, Timeline right)
    {
        var n = 0;
        var max = Math.Min(left.Events.Count, right.Events.Count);
        using var l = left.Events.GetEnumerator();
        using var r = right.Events.GetEnumerator();
        while (n < max && l.MoveNext() && r.MoveNext() && ReferenceEquals(l.Current, r.Current))
        {
            n++;
        }
        return n;
    }

    private static void Render(TextWriter output, OpenedWorld world, JsonObject header, TimelineDiff diff)
    {
        output.WriteLine(header["against"] is { } against
            ? $"Branch {world.Branch} (turn {diff.FromTurn}, event {diff.FromEvent}) against branch {against} (turn {diff.ToTurn}, event " +
                $"{diff.ToEvent}); they share {header["commonEvents"]} events."
            : $"Branch {world.Branch}: turn {diff.FromTurn} (event {diff.FromEvent}) to turn {diff.ToTurn} (event {diff.ToEvent}).");
        if (diff.IsEmpty)
        {
            output.WriteLine("Nothing changed.");
            return;
        }
        void Section(string title, IEnumerable<(string Line, IEnumerable<EventRef> Events)> rows)
        {
            var list = rows.ToList();
            if (list.Count == 0)
            {
                return;
            }
            output.WriteLine();
            output.WriteLine($"{title} ({list.Count})");
            foreach (var (line, events) in list)
            {
                output.WriteLine($"  {line}");
                var shown = events.ToList();
                foreach (var e in shown.TakeLast(3))
                {
                    output.WriteLine($"      {(e.Side is null ? "" : e.Side + " ")}turn {e.Turn}, event {e.Seq}: {e.Text}");
                }
                if (shown.Count > 3)
                {
                    output.WriteLine($"      (and {shown.Count - 3} earlier events)");
                }
            }
        }
        string Where(Entity? e) => e is null ? "-"
            : e.Holder is { } h ? $"held by {world.Name(h)}"
            : e.Location is { } l ? $"at {world.Name(l)}"
            : "nowhere";
        string EntityLine(EntityDiff d) => d.Kind switch
        {
            DiffKind.Changed => $"{d.Name}: " + string.Join("; ", d.Fields.Select(f => f switch
            {
                "location" or "holder" => $"{Where(d.Before)} -> {Where(d.After)}",
                "status" => $"{Lower(d.Before!.Status)} -> {Lower(d.After!.Status)}",
                _ => $"{f} changed",
            }).Distinct()),
            _ => $"{d.Name}: {Lower(d.Kind)}",
        };
        Section("Characters", diff.Characters.Select(d => (EntityLine(d), (IEnumerable<EventRef>)d.Events)));
        Section("Places", diff.Places.Select(d => (EntityLine(d), (IEnumerable<EventRef>)d.Events)));
        Section("Items", diff.Items.Select(d => (EntityLine(d), (IEnumerable<EventRef>)d.Events)));
        Section("Other entities", diff.OtherEntities.Select(d => (EntityLine(d), (IEnumerable<EventRef>)d.Events)));
        Section("Relationships", diff.Relationships.Select(d => (
            $"{world.Name(d.From)} {d.Type} {world.Name(d.To)}: {Lower(d.Kind)} {Strength(d.StrengthBefore)} -> " +
            $"{Strength(d.StrengthAfter)}",
            (IEnumerable<EventRef>)d.Events)));
        Section("Facts", diff.Facts.Select(d => (
            d.Kind == DiffKind.Changed && d.ValueBefore == d.ValueAfter
                ? $"{d.Id} ({world.Name(d.Subject)} {d.Predicate}): asserted again, value unchanged: {Clip(d.ValueAfter)}"
                : $"{d.Id} ({world.Name(d.Subject)} {d.Predicate}): {Lower(d.Kind)} {Clip(d.ValueBefore)} -> {Clip(d.ValueAfter)}",
            (IEnumerable<EventRef>)d.Events)));
    }

    private static string Clip(string? text) => text is null ? "-" : text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 59), "…");

    private static string Strength(double? s) => s is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "-";

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
