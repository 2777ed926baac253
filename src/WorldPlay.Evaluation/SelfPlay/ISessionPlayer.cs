using System.Collections.Immutable;
using WorldPlay.Core.Scenes;

namespace WorldPlay.Evaluation.SelfPlay;

/// <summary>Plays one self-play session on a WorldPlay silo and returns its committed turns: <see cref="GrainSessionPlayer"/>
/// through the client library, or a scripted player in tests of the run itself.</summary>
public interface ISessionPlayer
{
    /// <summary>Creates the session's world, opens its scene with the NPC and user minds and the session's seed, plays
    /// <paramref name="turns"/> turns (the scenario's opening message first when it has one, then NPC and user taking turns as
    /// <see cref="Scenarios.Scenario.Alternation"/> says), and returns the scene's transcript.</summary>
    Task<ImmutableArray<TurnRecord>> PlayAsync(SelfPlaySession session, int turns, CancellationToken cancellationToken);
}
