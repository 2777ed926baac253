using System.Collections.Immutable;
using WorldPlay.Synthesis.Diversity;
using WorldPlay.Synthesis.Planning;

namespace WorldPlay.Synthesis.Output;

/// <summary>What <c>worldplay synth</c> was asked to do, as synth.json records it (never a key).</summary>
public sealed record SynthesisSettings(
    string Scenarios,
    int? Limit,
    int Offset,
    int Sessions,
    int Turns,
    int BestOf,
    int ReviewEvery,
    int Rounds,
    string Mind,
    ImmutableArray<string> Styles,
    ImmutableArray<string> Users,
    string? Judge,
    int Seed,
    int Concurrency,
    string? Cluster);

/// <summary>One bench category on the same jobs: hits and hits per NPC reply in raw self-play and in the kept data.</summary>
public sealed record CategoryComparison(string Id, string Group, int RawHits, double RawRate, int KeptHits, double KeptRate);

/// <summary>One side of the comparison: transcripts, NPC replies scored, the share of replies with at least one finding
/// (<see cref="Misaligned"/>) and the bench's overall score (100 × (1 − that share)).</summary>
public sealed record MisalignmentSide(int Transcripts, int NpcReplies, double Misaligned, double Score);

/// <summary>Raw self-play against the kept data on the same jobs. <see cref="Jobs"/> counts the jobs compared; jobs left out
/// (failed, or a simulated user broke in either run) are listed in <see cref="LeftOut"/>.</summary>
public sealed record MisalignmentComparison(
    int Jobs, MisalignmentSide Raw, MisalignmentSide Kept, ImmutableArray<CategoryComparison> Categories, ImmutableArray<string> LeftOut);

/// <summary>Best-of-K over every NPC turn ranked: how often the first sample (the reply played on the session's path) was kept and
/// how often a regenerated one beat it. <see cref="Identified"/> counts the turns whose first sample could be told (its world is the
/// world the previous kept reply lives in); the rates are over those.</summary>
public sealed record BestOfKFigures(
    int K,
    int RankedTurns,
    int Identified,
    int FirstKept,
    int RegeneratedKept,
    double FirstKeptRate,
    double RegeneratedWinRate,
    double MeanKeptScore,
    double MeanRejectedScore,
    int KeptWithFindings);

/// <summary>One round over all jobs: sessions that reached it, turns played in it, segments reviewed, flagged (findings) and
/// rewritten.</summary>
public sealed record RoundFigures(int Number, int Sessions, int Turns, int Reviews, int Flagged, int Rewritten);

/// <summary>The rows written: chat samples, pairs by origin, KTO rows by label.</summary>
public sealed record RowCounts(int Chat, int PairsBestOfK, int PairsRewrite, int KtoDesirable, int KtoUndesirable);

/// <summary>What prompt enrichment did to the drawn scenarios: how many were skeletal, enriched, refused by the world loader, and
/// the additions by kind, with a few examples and every refusal.</summary>
public sealed record EnrichmentFigures(
    int Scenarios,
    int Skeletal,
    int Enriched,
    int Refused,
    ImmutableSortedDictionary<string, int> AdditionsByKind,
    ImmutableArray<EnrichmentExample> Examples,
    ImmutableArray<string> Refusals);

/// <summary>One enriched scenario and what was written into its world.</summary>
public sealed record EnrichmentExample(string Scenario, ImmutableArray<WorldAddition> Added);

/// <summary>The plan of the run: the source's size, the draw's dispersion, enrichment, and how styles and users were dealt.</summary>
public sealed record PlanFigures(
    int SourceScenarios,
    int SkippedRecords,
    int Jobs,
    Dispersion Dispersion,
    EnrichmentFigures Enrichment,
    ImmutableSortedDictionary<string, int> Styles,
    ImmutableSortedDictionary<string, int> Users);

/// <summary>A job that could not be played (its raw or its synthesis run), with the first line of the error.</summary>
public sealed record FailedJob(string Name, string Run, string Error);

/// <summary>synth.json: the run's settings, plan, misalignment of raw against kept, best-of-K, rounds, rows and the diversity of raw
/// (<c>before</c>) against kept (<c>after</c>) on the same jobs.</summary>
public sealed record SynthesisReport(
    int FormatVersion,
    SynthesisSettings Settings,
    PlanFigures Plan,
    MisalignmentComparison Misalignment,
    BestOfKFigures BestOfK,
    ImmutableArray<RoundFigures> Rounds,
    RowCounts Rows,
    DiversityComparison Diversity,
    ImmutableArray<FailedJob> Failed,
    long ElapsedMs);
