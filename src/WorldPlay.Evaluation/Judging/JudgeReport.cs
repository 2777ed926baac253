using System.Collections.Immutable;

namespace WorldPlay.Evaluation.Judging;

/// <summary>Judge and detectors on one category. Flagged side: the (reply, category) pairs the detectors flagged, how many the
/// judge confirmed or rejected, and how many got no verdict. Audit side: the audited replies the judge answered readably and how
/// many of them it found showing the category. <c>precision</c> = confirmed / (confirmed + rejected); <c>missRate</c> = found /
/// audited; <c>kappa</c> = Cohen's kappa of detector against judge over the flagged and audited pairs (null where undefined).</summary>
public sealed record JudgeCategoryAgreement(
    string Id,
    int Flagged,
    int Confirmed,
    int Rejected,
    int FlaggedNoVerdict,
    int Audited,
    int Found,
    double? Precision,
    double? MissRate,
    double? Kappa);

/// <summary>A reply where judge and detectors disagree: a flagged category the judge rejected, or one the judge found in an
/// audit.</summary>
public sealed record JudgeDisagreement(string Session, int Turn, string Speaker, string Category, string Kind, string Evidence,
    string Reason);

/// <summary>The <c>judge</c> section of report.json: what was asked (model, audit share and seed), how the calls went, the
/// agreement overall (all categories' pairs pooled) and per category, and the disagreements to read.</summary>
public sealed record JudgeReport(
    string Model,
    double SampleFraction,
    int Seed,
    int Questions,
    int Unreadable,
    int Failed,
    int Flagged,
    int Confirmed,
    int Rejected,
    int FlaggedNoVerdict,
    int UnflaggedReplies,
    int AuditSampled,
    int Audited,
    int AuditFindings,
    int AuditRepliesWithFindings,
    double? Precision,
    double? MissRate,
    double? Kappa,
    ImmutableArray<JudgeCategoryAgreement> Categories,
    ImmutableArray<JudgeDisagreement> Disagreements);
