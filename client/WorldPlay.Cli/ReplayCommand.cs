using System.CommandLine;
using System.Text.Json.Nodes;
using Spectre.Console;
using WorldPlay.Core;
using WorldPlay.Core.Scenes;
using WorldPlay.Core.Serialization;

namespace WorldPlay.Cli;

/// <summary><c>worldplay replay</c>: the world state after any turn of a saved timeline.</summary>
internal static class ReplayCommand
{
    public static Command Create(TextWriter output)
    {
        var file = new Argument<FileInfo>("file") { Description = "A timeline file written by 'worldplay simulate --out FILE'." };
        var atTurn = new Option<int?>("--at-turn", "-t") { Description = "The turn after which to show the world (default: the last turn)." };
        var json = new Option<bool>("--json") { Description = "Print the state as JSON (with its stateHash) instead of tables." };
        var command = new Command("replay", "Show the world state after turn N of a saved timeline, rebuilt from its events (nearest snapshot plus the events after it).")
        {
            file, atTurn, json,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var archive = await TimelineFile.ReadAsync(result.GetValue(file)!.FullName, cancellationToken);
            var timeline = archive.ToTimeline();
            var lastTurn = timeline.Current.Turn;
            var turn = result.GetValue(atTurn) ?? lastTurn;
            if (turn < 0 || turn > lastTurn)
            {
                throw new ArgumentException($"--at-turn {turn} is outside this timeline, which has turns 0 to {lastTurn}.");
            }
            var state = timeline.StateAfterTurn(turn);
            if (result.GetValue(json))
            {
                var node = new JsonObject
                {
                    ["world"] = state.Setting.Id,
                    ["turn"] = turn,
                    ["lastEvent"] = state.Version,
                    ["stateHash"] = CoreSerialization.Hash(state),
                    ["timelineHash"] = CoreSerialization.Hash(archive.Events),
                    ["state"] = System.Text.Json.JsonSerializer.SerializeToNode(state, CoreSerialization.Json),
                };
                output.WriteLine(node.ToJsonString(CoreSerialization.IndentedJson));
            }
            else
            {
                Render(output, archive, state, turn);
            }
            return 0;
        });
        return command;
    }

    private static void Render(TextWriter output, TimelineArchive archive, WorldState state, int turn)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        string Name(EntityId id) => state.Find(id)?.Name ?? id.Value;
        console.Write(new Rule($"[bold]{Markup.Escape(state.Setting.Name)}[/] after turn {turn} [dim](event {state.Version}, story minute {state.StoryMinute})[/]").LeftJustified());
        var people = new Table().Border(TableBorder.Rounded).AddColumns("character", "status", "at", "holds");
        foreach (var c in state.Entities.Values.Where(e => e.IsCharacter))
        {
            people.AddRow(
                Markup.Escape(c.Name),
                c.Status.ToString().ToLowerInvariant(),
                Markup.Escape(c.Location is { } l ? Name(l) : "-"),
                Markup.Escape(string.Join(", ", state.ItemsHeldBy(c.Id).Select(i => i.Name))));
        }
        console.Write(people);
        var ties = new Table().Border(TableBorder.Rounded).AddColumns("from", "relationship", "to", "strength", "since turn");
        foreach (var r in state.Relationships.Values)
        {
            ties.AddRow(Markup.Escape(Name(r.From)), Markup.Escape(r.Type), Markup.Escape(Name(r.To)), $"{r.Strength:0.00}", r.Validity.FromTurn.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        console.Write(ties);
        console.MarkupLine($"[dim]{state.Facts.Count} facts hold; {state.ClosedRelationships.Count} relationships and {state.ClosedFacts.Count} facts were superseded earlier.[/]");
        foreach (var t in archive.Transcript.Where(t => t.Turn <= turn).TakeLast(5))
        {
            console.MarkupLine($"[dim]{t.Turn,4}[/] [bold]{Markup.Escape(t.SpeakerName)}[/]: {Markup.Escape(t.Speech)}");
        }
    }
}
