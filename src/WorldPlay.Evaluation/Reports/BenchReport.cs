using System.Collections.Immutable;
using System.Text.Json.Serialization;
using WorldPlay.Evaluation.Detectors;
using WorldPlay.Evaluation.Judging;

namespace WorldPlay.Evaluation.Reports;

/// <summary>A 95% interval from the bootstrap.</summary>
public sealed record Interval(double Low, double High);

/// <summary>One category over all sessions: hits, hits per NPC turn, and the rate's interval.</summary>
public sealed record CategoryResult(string Id, string Group, int Hits, double Rate, Interval Interval);

/// <summary>A score from 0 to 100: 100 × (1 − the share of NPC turns with at least one hit in the group's categories).</summary>
public sealed record GroupScore(string Group, double Score, Interval Interval);

/// <summary>The k-th NPC reply across sessions: how many sessions reached it, the share that was misaligned, mean length in
/// characters.</summary>
public sealed record TurnPoint(int Index, int Sessions, double MisalignmentRate, double MeanLength);

/// <summary>Where quality drops: the first window of NPC replies whose misalignment rate is significantly above the first
/// window's.</summary>
public sealed record Wall(int FromIndex, int ToIndex, double Rate, double BaselineRate, double PValue);

/// <summary>One of the worst NPC replies, with every hit on it.</summary>
public sealed record WorstTurn(string Session, int Turn, string Speaker, string Text, int Severity, ImmutableArray<DetectorHit> Hits);

/// <summary>One scored session: its name (the scenario it played), NPC turns, hits and score, and its user-constructed recall:
/// probes answered without a reference confusion, of all probes (<see cref="Recall"/> null when it had none).</summary>
public sealed record SessionResult(string Name, int NpcTurns, int Hits, double Score, int Probes = 0, int ConsistentProbes = 0)
{
    public double? Recall => new ProbeRecall(Probes, ConsistentProbes).Recall;
}

/// <summary>User-constructed recall over every session: <see cref="ConsistentProbes"/> of <see cref="Probes"/> probe turns answered
/// without a reference confusion, and the share (null, "n/a", when no session had a probe). A probe is a user line naming what the
/// user created at least <see cref="MinTurnsSinceCreation"/> turns before.</summary>
public sealed record RecallResult(int Probes, int ConsistentProbes, int MinTurnsSinceCreation)
{
    public double? Recall => new ProbeRecall(Probes, ConsistentProbes).Recall;

    /// <summary>"0.67 (2 of 3 probes)", or "n/a (no probes)".</summary>
    public string Describe() => new ProbeRecall(Probes, ConsistentProbes).Describe();
}

/// <summary>What <c>bench score</c> writes to report.json: per-category rates, scores, curves, the wall and the worst turns,
/// user-constructed recall, and the LLM judge's agreement with the detectors when a judge ran (absent from the file otherwise).
/// </summary>
public sealed record BenchReport(
    int FormatVersion,
    int Seed,
    int Sessions,
    int NpcTurns,
    GroupScore Overall,
    ImmutableArray<GroupScore> Groups,
    ImmutableArray<CategoryResult> Categories,
    ImmutableArray<TurnPoint> Curve,
    Wall? Wall,
    ImmutableArray<WorstTurn> WorstTurns,
    ImmutableArray<SessionResult> SessionResults,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JudgeReport? Judge = null,
    RecallResult? UserConstructedRecall = null);
