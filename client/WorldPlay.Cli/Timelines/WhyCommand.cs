using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using WorldPlay.Core;
using WorldPlay.Core.Serialization;

namespace WorldPlay.Cli.Timelines;

/// <summary><c>worldplay why</c>: the causal chain behind a relationship, a fact or a status, back to the events nothing
/// earlier caused.</summary>
internal static class WhyCommand
{
    public static Command Create(TextWriter output)
    {
        var source = new WorldSource();
        var relationship = new Option<string?>("--relationship", "-r")
        {
            Description = "A relationship as FROM:TO entity ids, e.g. mira:tomas.",
        };
        var type = new Option<string?>("--type") { Description = "With --relationship: only this relationship type (e.g. sister)." };
        var fact = new Option<string?>("--fact") { Description = "A fact id, e.g. tomas-debt." };
        var status = new Option<string?>("--status") { Description = "An entity id whose status (alive, dead, ...) to explain." };
        var atTurn = new Option<int?>("--at-turn", "-t") { Description = "Ask as of the end of this turn (default: the last turn)." };
        var branch = OpenedWorld.BranchOption();
        var full = new Option<bool>("--full")
        {
            Description = "Show the whole causal chain, every spoken line on it too, as a tree back to its roots.",
        };
        var json = new Option<bool>("--json") { Description = "Print the answer as JSON (the brief chain unless --full)." };
        var command = new Command("why",
            "Explain a relationship, fact or status: its value, the events that changed it, and the causes on its chain that changed the " +
            "world (moves, items, facts, relationships, statuses); the spoken lines between them are counted. " +
            "--full shows the whole chain. A tie, fact or entity created in play names its origin: \"declared by the user (Wren) at " +
            "turn 12, event 40\".")
        {
            relationship, type, fact, status, atTurn, branch, full, json,
        };
        source.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var query = Query(result.GetValue(relationship), result.GetValue(type), result.GetValue(fact), result.GetValue(status));
            var world = await source.OpenAsync(result, result.GetValue(branch), cancellationToken);
            var turn = world.Turn(result.GetValue(atTurn) ?? world.LastTurn, "--at-turn");
            var whole = CausalChain.Why(world.Timeline, query, world.Timeline.LastEventOfTurn(turn));
            var answer = result.GetValue(full) ? whole : whole.Brief();
            if (result.GetValue(json))
            {
                var node = new JsonObject
                {
                    ["world"] = world.Timeline.Initial.Setting.Id,
                    ["branch"] = world.Branch,
                    ["answer"] = JsonSerializer.SerializeToNode(answer, CoreSerialization.Json),
                };
                output.WriteLine(node.ToJsonString(CoreSerialization.IndentedJson));
                return 0;
            }
            output.WriteLine($"Why {answer.Subject}, as of turn {answer.AtTurn} (event {answer.AtEvent}) on branch {world.Branch}:");
            foreach (var v in answer.Values)
            {
                output.WriteLine($"  {v.Value}: " + (v.ProducedBy is { } seq ? $"set by event {seq}" : "so since the world began"));
                if (v.OriginText is { } origin)
                {
                    output.WriteLine($"    {origin}");
                }
            }
            if (result.GetValue(full))
            {
                WriteTree(output, answer);
                return 0;
            }
            output.WriteLine(answer.Changes.IsEmpty ? "Changed by: no event (as the world file set it)." : "Changed by:");
            foreach (var e in answer.Changes)
            {
                output.WriteLine($"  - {Line(e)}");
            }
            output.WriteLine(answer.Chain.IsEmpty ? "Causes that changed the world: none on the chain." : "Causes that changed the world:");
            foreach (var e in answer.Chain.Select(c => c.Event).OrderBy(e => e.Seq))
            {
                output.WriteLine($"  - {Line(e)}");
            }
            if (answer.SpokenLeftOut > 0)
            {
                output.WriteLine($"  ({answer.SpokenLeftOut} spoken lines on the chain left out; --full shows the whole chain)");
            }
            return 0;
        });
        return command;
    }

    private static string Line(EventRef e) => $"turn {e.Turn}, event {e.Seq}, {e.Actor} ({e.Kind}): {e.Text}";

    private static void WriteTree(TextWriter output, CausalAnswer answer)
    {
        foreach (var step in answer.Chain)
        {
            var e = step.Event;
            var causes = e.Causes.IsEmpty ? "root" : "caused by " + string.Join(", ", e.Causes);
            output.WriteLine($"  {new string(' ', 2 * Math.Min(step.Depth, 8))}- {Line(e)} [{causes}]");
        }
        if (answer.Truncated)
        {
            output.WriteLine($"  (the chain goes deeper than {CausalChain.DefaultMaxDepth} links; shown up to there)");
        }
    }

    private static WhyQuery Query(string? relationship, string? type, string? fact, string? status)
    {
        var given = new[] { relationship, fact, status }.Count(x => x is not null);
        if (given != 1)
        {
            throw new ArgumentException("Ask about exactly one thing: --relationship FROM:TO, --fact ID or --status ENTITY.");
        }
        if (type is not null && relationship is null)
        {
            throw new ArgumentException("--type only goes with --relationship.");
        }
        if (relationship is not null)
        {
            var parts = relationship.Split(':');
            if (parts.Length != 2 || !EntityId.IsSlug(parts[0]) || !EntityId.IsSlug(parts[1]))
            {
                throw new ArgumentException($"--relationship '{relationship}' is not FROM:TO with two entity ids (for example " +
                    "mira:tomas).");
            }
            return new WhyQuery.OfRelationship(parts[0], parts[1], type);
        }
        if (fact is not null)
        {
            return new WhyQuery.OfFact(fact);
        }
        return EntityId.IsSlug(status)
            ? new WhyQuery.OfStatus(status!)
            : throw new ArgumentException($"--status '{status}' is not an entity id (lowercase letters, digits and dashes).");
    }
}
