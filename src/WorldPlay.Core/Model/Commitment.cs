using System.Collections.Immutable;
using WorldPlay.Core.Laws;

namespace WorldPlay.Core;

/// <summary>The result of judging one turn's proposals: the events that entered the world, those refused, and the new state.</summary>
public sealed record CommitOutcome(ImmutableArray<WorldEvent> Accepted, ImmutableArray<Rejection> Rejected, WorldState State);

/// <summary>Turns proposals into events: each is judged against the state left by the ones before it,
/// given its number, story time, place and witnesses, and folded in only when every law allows it.</summary>
public static class Commitment
{
    public static CommitOutcome Commit(WorldState state, LawBook laws, int turn, EntityId? scenePlace, IEnumerable<Proposal> proposals)
    {
        var accepted = ImmutableArray.CreateBuilder<WorldEvent>();
        var rejected = ImmutableArray.CreateBuilder<Rejection>();
        long? speech = null;
        foreach (var proposal in proposals)
        {
            // What one says in a turn is the cause of what one does in the same turn.
            var given = proposal.Causes.IsDefault ? [] : proposal.Causes;
            var causes = speech is { } s && proposal.Change is not Spoke && !given.Contains(s) ? given.Add(s) : given;
            var candidate = ToEvent(state, turn, proposal with { Causes = causes });
            if (laws.Judge(state, candidate, scenePlace) is { } refusal)
            {
                rejected.Add(new Rejection(proposal, refusal.Law, refusal.Reason));
                continue;
            }
            state = state.Apply(candidate);
            accepted.Add(candidate);
            if (candidate.Change is Spoke)
            {
                speech ??= candidate.Seq;
            }
        }
        return new CommitOutcome(accepted.ToImmutable(), rejected.ToImmutable(), state);
    }

    /// <summary>The event a proposal would become if committed now. Witnesses are the living characters where it happens
    /// (both ends of a journey), always including the actor.</summary>
    public static WorldEvent ToEvent(WorldState state, int turn, Proposal proposal)
    {
        var actor = state.Find(proposal.Actor);
        var place = actor is null ? null : state.WhereIs(actor.Id);
        var minutes = proposal.Change switch
        {
            Moved m when place is { } from => state.Setting.PathsFrom(from).FirstOrDefault(p => p.B == m.To)?.Minutes ?? 0,
            Travelled t => t.Minutes,
            TimeAdvanced t => t.Minutes,
            _ => 0,
        };
        var witnesses = ImmutableSortedSet.CreateBuilder<EntityId>();
        witnesses.Add(proposal.Actor);
        if (place is { } here)
        {
            witnesses.UnionWith(state.CharactersAt(here).Select(c => c.Id));
        }
        var destination = proposal.Change switch
        {
            Moved m => m.To,
            Travelled t => t.To,
            _ => (EntityId?)null,
        };
        if (destination is { } to && state.Find(to) is not null)
        {
            witnesses.UnionWith(state.CharactersAt(to).Select(c => c.Id));
        }
        // Speech read from a file or a model may leave out its addressees: it is then said to everyone present.
        var change = proposal.Change is Spoke { Addressees.IsDefault: true } spoke ? spoke with { Addressees = [] } : proposal.Change;
        return new WorldEvent(
            state.Version + 1,
            Math.Max(turn, state.Turn),
            state.StoryMinute + Math.Max(0, minutes),
            proposal.Actor,
            place,
            change,
            proposal.Causes.IsDefault ? [] : proposal.Causes,
            [.. witnesses]);
    }
}
