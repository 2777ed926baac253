using System.CommandLine;
using System.Text.Json.Nodes;
using Spectre.Console;
using WorldPlay.Core;
using WorldPlay.Core.Scenes;
using WorldPlay.Core.Serialization;

namespace WorldPlay.Cli.Timelines;

/// <summary><c>worldplay replay</c>: the world state after any turn or event of a saved timeline, on any branch.</summary>
internal static class ReplayCommand
{
    public static Command Create(TextWriter output)
    {
        var source = new WorldSource();
        var atTurn = new Option<int?>("--at-turn", "-t")
        {
            Description = "The turn after which to show the world (default: the last turn).",
        };
        var atEvent = new Option<long?>("--at-event", "-e")
        {
            Description = "Show the world just after this event number instead of after a turn.",
        };
        var branch = OpenedWorld.BranchOption();
        var json = new Option<bool>("--json") { Description = "Print the state as JSON (with its stateHash) instead of tables." };
        var command = new Command("replay", "Show the world state after turn N (or event S) of a saved timeline, rebuilt from its events " +
            "(nearest snapshot plus the events after it).")
        {
            atTurn, atEvent, branch, json,
        };
        source.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var world = await source.OpenAsync(result, result.GetValue(branch), cancellationToken);
            var timeline = world.Timeline;
            WorldState state;
            int turn;
            if (result.GetValue(atEvent) is { } seq)
            {
                if (result.GetValue(atTurn) is not null)
                {
                    throw new ArgumentException("Give --at-turn or --at-event, not both.");
                }
                if (seq < 0 || seq > timeline.Version)
                {
                    throw new ArgumentException($"--at-event {seq} is outside branch '{world.Branch}', which has events 0 to " +
                        $"{timeline.Version}.");
                }
                state = timeline.StateAt(seq);
                turn = state.Turn;
            }
            else
            {
                turn = world.Turn(result.GetValue(atTurn) ?? world.LastTurn, "--at-turn");
                state = timeline.StateAfterTurn(turn);
            }
            if (result.GetValue(json))
            {
                var node = new JsonObject
                {
                    ["world"] = state.Setting.Id,
                    ["branch"] = world.Branch,
                    ["turn"] = turn,
                    ["lastEvent"] = state.Version,
                    ["stateHash"] = CoreSerialization.Hash(state),
                    ["timelineHash"] = CoreSerialization.Hash(timeline.Events.ToArray()),
                    ["state"] = System.Text.Json.JsonSerializer.SerializeToNode(state, CoreSerialization.Json),
                };
                output.WriteLine(node.ToJsonString(CoreSerialization.IndentedJson));
            }
            else
            {
                Render(output, world, state, turn);
            }
            return 0;
        });
        return command;
    }

    private static void Render(TextWriter output, OpenedWorld world, WorldState state, int turn)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        string Name(EntityId id) => state.Find(id)?.Name ?? id.Value;
        console.Write(new Rule($"[bold]{Markup.Escape(state.Setting.Name)}[/] after turn {turn} [dim](branch " +
            $"{Markup.Escape(world.Branch)}, event {state.Version}, story minute {state.StoryMinute})[/]").LeftJustified());
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
            ties.AddRow(
                Markup.Escape(Name(r.From)), Markup.Escape(r.Type), Markup.Escape(Name(r.To)), $"{r.Strength:0.00}",
                r.Validity.FromTurn.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        console.Write(ties);
        console.MarkupLine($"[dim]{state.Facts.Count} facts hold; {state.ClosedRelationships.Count} relationships and " +
            $"{state.ClosedFacts.Count} facts were superseded earlier.[/]");
        foreach (var t in world.Bundle.TranscriptOf(world.Branch).Where(t => t.Turn <= turn).TakeLast(5))
        {
            console.MarkupLine($"[dim]{t.Turn,4}[/] [bold]{Markup.Escape(t.SpeakerName)}[/]: {Markup.Escape(t.Speech)}");
        }
    }
}
