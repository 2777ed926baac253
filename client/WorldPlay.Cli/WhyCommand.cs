using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using WorldPlay.Core;
using WorldPlay.Core.History;
using WorldPlay.Core.Serialization;

namespace WorldPlay.Cli;

/// <summary><c>worldplay why</c>: the causal chain behind a relationship, a fact or a status, back to the events nothing earlier caused.</summary>
internal static class WhyCommand
{
    public static Command Create(TextWriter output)
    {
        var source = new WorldSource();
        var relationship = new Option<string?>("--relationship", "-r") { Description = "A relationship as FROM:TO entity ids, e.g. mira:tomas." };
        var type = new Option<string?>("--type") { Description = "With --relationship: only this relationship type (e.g. sister)." };
        var fact = new Option<string?>("--fact") { Description = "A fact id, e.g. tomas-debt." };
        var status = new Option<string?>("--status") { Description = "An entity id whose status (alive, dead, ...) to explain." };
        var atTurn = new Option<int?>("--at-turn", "-t") { Description = "Ask as of the end of this turn (default: the last turn)." };
        var branch = OpenedWorld.BranchOption();
        var json = new Option<bool>("--json") { Description = "Print the answer as JSON." };
        var command = new Command("why", "Explain a relationship, fact or status: the event that set it, then its causes back to their roots, each with turn, actor and text.")
        {
            relationship, type, fact, status, atTurn, branch, json,
        };
        source.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var query = Query(result.GetValue(relationship), result.GetValue(type), result.GetValue(fact), result.GetValue(status));
            var world = await source.OpenAsync(result, result.GetValue(branch), cancellationToken);
            var turn = world.Turn(result.GetValue(atTurn) ?? world.LastTurn, "--at-turn");
            var answer = CausalChain.Why(world.Timeline, query, world.Timeline.LastEventOfTurn(turn));
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
            }
            foreach (var step in answer.Chain)
            {
                var e = step.Event;
                var causes = e.Causes.IsEmpty ? "root" : "caused by " + string.Join(", ", e.Causes);
                output.WriteLine($"  {new string(' ', 2 * Math.Min(step.Depth, 8))}- turn {e.Turn}, event {e.Seq}, {e.Actor} ({e.Kind}): {e.Text} [{causes}]");
            }
            if (answer.Truncated)
            {
                output.WriteLine($"  (the chain goes deeper than {CausalChain.DefaultMaxDepth} links; shown up to there)");
            }
            return 0;
        });
        return command;
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
                throw new ArgumentException($"--relationship '{relationship}' is not FROM:TO with two entity ids (for example mira:tomas).");
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
