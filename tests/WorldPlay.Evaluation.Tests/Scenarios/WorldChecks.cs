using WorldPlay.Evaluation.Scenarios;
using WorldPlay.Core;
using WorldPlay.Core.Laws;

namespace WorldPlay.Evaluation.Tests.Scenarios;

/// <summary>What the engine needs of a scenario's world before a scene can run in it.</summary>
internal static class WorldChecks
{
    /// <summary>Every way the scenario falls short of a playable world; empty when the engine can play it.</summary>
    public static IEnumerable<string> Problems(Scenario s)
    {
        var state = WorldState.Initial(s.World);
        var laws = LawBook.For(s.World.Setting);
        foreach (var violation in laws.Audit(state))
        {
            yield return $"{s.Id}: starting state breaks a law: {violation}";
        }
        if (s.World.PersonaOf(s.Npc) is null || s.World.PersonaOf(s.User) is null)
        {
            yield return $"{s.Id}: the NPC or the user has no persona";
        }
        var scene = s.Scene;
        if (!scene.Cast.Contains(s.Npc) || scene.User != s.User)
        {
            yield return $"{s.Id}: the scene's cast or user does not match the scenario";
        }
        // Both sides say a line at the scene's place, as the first turns of a session would.
        var outcome = Commitment.Commit(state, laws, 1, scene.Place,
            [Proposal.Of(s.Npc, new Spoke(s.OpeningMessage ?? "Hello.", [s.User])), Proposal.Of(s.User, new Spoke("Hello.", [s.Npc]))]);
        foreach (var rejection in outcome.Rejected)
        {
            yield return $"{s.Id}: {rejection.Proposal.Actor} may not speak: {rejection.Reason}";
        }
    }
}
