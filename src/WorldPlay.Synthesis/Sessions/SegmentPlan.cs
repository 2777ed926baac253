using WorldPlay.Core;

namespace WorldPlay.Synthesis.Sessions;

/// <summary>What the planner set for one segment of a round: where the story should go (<see cref="Direction"/>), in what
/// emotional tone, the user-side line that carries it and the turn it is said at, and in an ensemble the character given
/// consecutive turns (<see cref="Run"/> of them from turn <see cref="RunFrom"/>), or none.</summary>
/// <param name="FromTurn">The segment's first turn.</param>
/// <param name="ToTurn">The segment's last turn.</param>
/// <param name="Direction">complication, revelation, confrontation, reconciliation or respite.</param>
/// <param name="Tone">urgent, tense, warm or wistful: the tone the user's line is phrased in.</param>
/// <param name="UserLine">The line the user-side planning agent says in place of the simulated user's, built from the world's
/// people, places, items and facts.</param>
/// <param name="UserLineTurn">The first turn at which the line may be said (it is said at the user's first turn from there).</param>
public sealed record SegmentPlan(
    int FromTurn,
    int ToTurn,
    string Direction,
    string Tone,
    string UserLine,
    int UserLineTurn,
    EntityId? RunSpeaker,
    int RunFrom,
    int Run);
