using System.Collections.Immutable;

namespace WorldPlay.Synthesis.Preferences;

/// <summary>What <c>prefs denoise</c> did: the input, each step with what it removed or down-weighted and why, each group's base
/// rates, the planted-bias figures before and after, and what was kept.</summary>
public sealed record DenoiseReport(
    int Signals,
    int Pairs,
    ImmutableArray<DenoiseStep> Steps,
    ImmutableArray<GroupRates> Groups,
    BiasShift Bias,
    int KeptSignals,
    int KeptPairs,
    double TotalWeight);

/// <summary>One step of the denoiser: its rule, the signals and pairs it removed (and down-weighted), by group and by reason, with
/// examples.</summary>
public sealed record DenoiseStep(
    string Step,
    string Rule,
    int RemovedSignals,
    int RemovedPairs,
    int DownweightedPairs,
    ImmutableSortedDictionary<string, int> RemovedByGroup,
    ImmutableSortedDictionary<string, int> RemovedByReason,
    ImmutableArray<DenoiseExample> Examples);

/// <summary>A removed signal or pair, trimmed: where it was, whose it was, the kept reply (and the discarded one), and why it
/// went.</summary>
public sealed record DenoiseExample(string Root, int Turn, string Group, string Chosen, string? Rejected, string Reason);

/// <summary>A user group's base rates (each beside its reference, see <see cref="SignalDenoiser"/>) and the factors the denoiser
/// drew from them. <c>ChoseLonger</c>: share of pairs (lengths more than 10 % apart) whose kept reply is the longer;
/// <c>ChoseFirst</c>: share
/// of pairs with the first-shown reply whose kept reply is it; <c>RegenerationsPerTurn</c>: regenerations per turn of the group's
/// sessions; <c>PivotShare</c>: share of its signals at narrative pivots; <c>KeptChoseLonger</c>: the longer-reply share over its
/// kept pairs, weighed (null when none has lengths apart).</summary>
public sealed record GroupRates(
    string Group,
    int Signals,
    int Sessions,
    int Pairs,
    double ChoseLonger,
    double ChoseLongerReference,
    double LongerExcess,
    double ChoseFirst,
    double ChoseFirstReference,
    double FirstExcess,
    double RegenerationsPerTurn,
    double RegenerationsPerTurnReference,
    double RegenerationFactor,
    double PivotShare,
    int KeptPairs,
    double KeptWeight,
    double? KeptChoseLonger);

/// <summary>The biases a planted group brings, measured over every input pair (before) and over the kept pairs, weighed (after):
/// the share of kept replies that are the longer, that are the first shown, and each group's share of the pairs.</summary>
public sealed record BiasShift(
    double ChoseLongerBefore,
    double ChoseLongerAfter,
    double ChoseFirstBefore,
    double ChoseFirstAfter,
    ImmutableSortedDictionary<string, double> GroupShareBefore,
    ImmutableSortedDictionary<string, double> GroupShareAfter);
