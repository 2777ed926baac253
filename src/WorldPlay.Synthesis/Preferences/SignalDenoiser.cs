using System.Collections.Immutable;
using WorldPlay.Evaluation.Detectors;
using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Synthesis.Preferences;

/// <summary>The kept signals of <c>prefs denoise</c>, each with its weights, and the report of what was removed.</summary>
public sealed record DenoiseResult(ImmutableArray<ChoiceSignal> Kept, DenoiseReport Report);

/// <summary>Turns raw choice signals into weighed pairs (docs/preferences.md, "Denoising"), in three deterministic steps:
/// <list type="number">
/// <item>Quality floor: a signal whose kept reply has a finding of the bench's detectors, read in the signal's context, is
/// removed; the categories are the reason.</item>
/// <item>Stratification: every user group's base rates (how often it keeps the longer reply, the first shown, how often it
/// regenerates) are set beside a reference r_o: the median of all groups' rates and the neutral 0.5. For a bias, the group's
/// excess is e = (r_g - r_o) / (1 - r_o) when its rate r_g (smoothed with <see cref="PseudoCount"/> pseudo-pairs at 0.5) is above
/// r_o, or (r_o - r_g) / r_o towards the other side. A pair whose choice goes the way of the group's bias gets the factor 1 - e
/// (a choice against it keeps 1); the pair is
/// removed when the product over the biases falls below <see cref="StratificationFloor"/>: its choice is explained by the group's
/// own bias. A group that regenerates more per turn than the median group has every pair multiplied by
/// min(1, median rate / its rate), so it weighs no more than a usual group.</item>
/// <item>Confidence: c = (0.7 (1 - e^(-seconds/600)) + 0.3 (1 - e^(-turns/40))) x (0.5 + 0.5 (1 - e^(-after/6))) x (0.25 if
/// the user abandoned the session right after the reply): session duration weighs above turn count, turns played after the choice
/// raise it, abandonment cuts it. A pair's weight is its stratification factor times c; a pair under <see cref="WeightFloor"/> is
/// removed.</item>
/// </list></summary>
public static class SignalDenoiser
{
    public const double StratificationFloor = 0.2;
    public const double WeightFloor = 0.05;
    public const int PseudoCount = 4;

    /// <summary>Two replies whose lengths differ by at most this share of the longer count as equally long.</summary>
    public const double LengthTie = 0.1;

    public const double DurationShare = 0.7;
    public const double DurationScaleSeconds = 600;
    public const double TurnScale = 40;
    public const double AfterScale = 6;
    public const double AbandonFactor = 0.25;

    private const int ExamplesPerStep = 3;
    private const int ExampleLength = 120;

    /// <summary>Denoises <paramref name="signals"/>.</summary>
    public static DenoiseResult Denoise(IReadOnlyList<ChoiceSignal> signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var rates = BaseRates(signals).ToDictionary(g => g.Group, StringComparer.Ordinal);
        var pairs = signals.Sum(s => s.Rejected.Length);

        var floor = new StepLog();
        var afterFloor = new List<(ChoiceSignal Signal, int[] Rejected)>();
        foreach (var signal in signals)
        {
            var findings = Findings(signal);
            if (findings.Count > 0)
            {
                var reason = string.Join(", ", findings.Select(h => h.Category).Distinct());
                floor.Remove(signal, null, signal.Rejected.Length, findings.Select(h => h.Category).Distinct(),
                    $"{reason}: {findings[0].Reason}");
                continue;
            }
            afterFloor.Add((signal, [.. Enumerable.Range(0, signal.Rejected.Length)]));
        }

        var strata = new StepLog();
        var confidence = new StepLog();
        var kept = ImmutableArray.CreateBuilder<ChoiceSignal>();
        foreach (var (signal, rejected) in afterFloor)
        {
            var group = rates[signal.Group];
            var c = Confidence(signal);
            var keptRejected = new List<(SignalReply Reply, double Factor, double Weight)>();
            foreach (var r in rejected)
            {
                var reply = signal.Rejected[r];
                var explained =
                    Factor(LengthDirection(signal.Chosen, reply), group.LongerExcess, group.ChoseLonger, group.ChoseLongerReference)
                    * Factor(FirstDirection(signal.Chosen, reply), group.FirstExcess, group.ChoseFirst, group.ChoseFirstReference);
                if (explained < StratificationFloor)
                {
                    strata.Remove(signal, reply, 1, [Explanation(signal, reply, group)],
                        $"explained by {signal.Group}'s own bias (factor {explained:0.00}): {Explanation(signal, reply, group)}");
                    continue;
                }
                var factor = explained * group.RegenerationFactor;
                if (factor < 1)
                {
                    strata.DownWeight();
                }
                var weight = factor * c;
                if (weight < WeightFloor)
                {
                    var why = signal.Abandoned
                        ? "abandoned right after the reply"
                        : $"{signal.SessionSeconds:0} s, {signal.SessionTurns} turns";
                    confidence.Remove(signal, reply, 1, [signal.Abandoned ? "abandoned" : "short session"],
                        $"weight {weight:0.000} < {WeightFloor} (confidence {c:0.00}, {why})");
                    continue;
                }
                keptRejected.Add((reply, Math.Round(factor, 4), Math.Round(weight, 4)));
            }
            if (keptRejected.Count == 0)
            {
                continue;
            }
            kept.Add(signal with
            {
                Rejected = [.. keptRejected.Select(k => k.Reply)],
                Denoise = new SignalWeights(
                    Math.Round(c, 4), [.. keptRejected.Select(k => k.Factor)], [.. keptRejected.Select(k => k.Weight)]),
            });
        }
        // A signal that lost every pair is counted under the last step that removed one of them.
        confidence.CountSignals(afterFloor.Select(a => a.Signal), kept);
        strata.CountSignals(afterFloor.Select(a => a.Signal).Where(s => !confidence.Touched(s)), kept);

        var keptList = kept.ToImmutable();
        var groups = rates.Values.OrderBy(g => g.Group, StringComparer.Ordinal).Select(g => g with
        {
            KeptPairs = keptList.Where(s => s.Group == g.Group).Sum(s => s.Rejected.Length),
            KeptWeight = Math.Round(keptList.Where(s => s.Group == g.Group).Sum(s => s.Denoise!.Weights.Sum()), 3),
            KeptChoseLonger = Share(Weighed(keptList.Where(s => s.Group == g.Group)), LengthDirection) is var share && share >= 0
                ? share : null,
        }).ToImmutableArray();
        var report = new DenoiseReport(
            signals.Count,
            pairs,
            [
                floor.Step("quality-floor", "a signal whose kept reply has a detector finding in its context is removed"),
                strata.Step("stratification", $"a pair whose choice its group's bias explains (factor < {StratificationFloor}) is " +
                    "removed; the others are weighed by 1 - excess per bias and by the group's regeneration factor"),
                confidence.Step("confidence", $"a pair whose weight (stratification x confidence) is under {WeightFloor} is removed"),
            ],
            groups,
            Shift(signals, keptList),
            keptList.Length,
            keptList.Sum(s => s.Rejected.Length),
            Math.Round(keptList.Sum(s => s.Denoise!.Weights.Sum()), 3));
        return new DenoiseResult(keptList, report);
    }

    /// <summary>Every group's base rates over <paramref name="signals"/>, each beside its reference: for a choice bias the median of
    /// every group's rate and the neutral 0.5 (one planted group cannot move it far), for regenerations the median of the groups'
    /// rates.</summary>
    public static ImmutableArray<GroupRates> BaseRates(IReadOnlyList<ChoiceSignal> signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var byGroup = signals.GroupBy(s => s.Group, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var longer = byGroup.ToDictionary(g => g.Key, g => Smooth(Rate(g, LengthDirection), 0.5));
        var first = byGroup.ToDictionary(g => g.Key, g => Smooth(Rate(g, FirstDirection), 0.5));
        var regen = byGroup.ToDictionary(g => g.Key, g => RegenerationsPerTurn(g));
        var longerReference = Median([0.5, .. longer.Values]);
        var firstReference = Median([0.5, .. first.Values]);
        var regenReference = byGroup.Count == 0 ? 0 : Median([.. regen.Values]);
        return [.. byGroup.Select(g => new GroupRates(
            g.Key,
            g.Count(),
            g.Select(s => s.Session).Distinct(StringComparer.Ordinal).Count(),
            g.Sum(s => s.Rejected.Length),
            Math.Round(longer[g.Key], 4),
            Math.Round(longerReference, 4),
            Math.Round(Excess(longer[g.Key], longerReference), 4),
            Math.Round(first[g.Key], 4),
            Math.Round(firstReference, 4),
            Math.Round(Excess(first[g.Key], firstReference), 4),
            Math.Round(regen[g.Key], 4),
            Math.Round(regenReference, 4),
            Math.Round(regen[g.Key] <= regenReference ? 1 : regenReference / regen[g.Key], 4),
            Math.Round(g.Count(s => s.Pivot) / (double)g.Count(), 4),
            0,
            0,
            null))];
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /// <summary>+1 when the kept reply is the longer of the pair, -1 when it is the shorter, 0 when they are about as long.</summary>
    public static int LengthDirection(SignalReply chosen, SignalReply rejected)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        ArgumentNullException.ThrowIfNull(rejected);
        var (a, b) = (chosen.Text.Trim().Length, rejected.Text.Trim().Length);
        return Math.Abs(a - b) <= LengthTie * Math.Max(a, b) ? 0 : Math.Sign(a - b);
    }

    /// <summary>+1 when the kept reply is the one shown first, -1 when the discarded one is, 0 when neither is.</summary>
    public static int FirstDirection(SignalReply chosen, SignalReply rejected)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        ArgumentNullException.ThrowIfNull(rejected);
        return chosen.Position == 0 ? 1 : rejected.Position == 0 ? -1 : 0;
    }

    /// <summary>The session confidence of a signal (see the class summary).</summary>
    public static double Confidence(ChoiceSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var engagement = (DurationShare * (1 - Math.Exp(-signal.SessionSeconds / DurationScaleSeconds)))
            + ((1 - DurationShare) * (1 - Math.Exp(-signal.SessionTurns / TurnScale)));
        var after = 0.5 + (0.5 * (1 - Math.Exp(-signal.TurnsAfter / AfterScale)));
        return engagement * after * (signal.Abandoned ? AbandonFactor : 1);
    }

    /// <summary>The detectors' findings on the kept reply of <paramref name="signal"/> (or on <paramref name="reply"/>), read after its
    /// context lines.</summary>
    public static IReadOnlyList<DetectorHit> Findings(ChoiceSignal signal, string? reply = null)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var context = signal.Context.IsDefault ? [] : signal.Context;
        var lines = context.Select(l => new TranscriptLine(l.Turn, l.Speaker, Role(l.Role), l.Text, []))
            .Append(new TranscriptLine(signal.Turn, signal.Speaker, SpeakerRole.Npc, reply ?? signal.Chosen.Text, []))
            .ToImmutableArray();
        var names = lines.Select(l => (l.Speaker, l.Role)).Distinct().ToList();
        var characters = names.Where(n => n.Role != SpeakerRole.Narrator)
            .Select(n => new BenchCharacter(n.Speaker, n.Speaker, [], Gender.Unknown, n.Speaker == signal.User, true, true))
            .ToImmutableArray();
        if (signal.User is { } user && characters.All(c => c.Name != user))
        {
            characters = characters.Add(new BenchCharacter(user, user, [], Gender.Unknown, true, true, true));
        }
        var setting = new BenchSetting(signal.Language, characters, [], [], [], signal.User);
        var transcript = new Transcript($"{signal.Root}-t{signal.Turn}", setting, lines);
        var last = lines.Length - 1;
        return [.. TranscriptScorer.Score(transcript).Hits.Where(h => h.Line == last)];
    }

    private static SpeakerRole Role(string role) => role switch
    {
        "user" => SpeakerRole.User,
        "narrator" => SpeakerRole.Narrator,
        _ => SpeakerRole.Npc,
    };

    private static double Factor(int direction, double excess, double rate, double reference)
    {
        if (direction == 0 || excess <= 0)
        {
            return 1;
        }
        var biasDirection = rate > reference ? 1 : -1;
        return direction == biasDirection ? 1 - excess : 1;
    }

    private static double Excess(double rate, double reference) =>
        rate > reference ? (rate - reference) / Math.Max(1e-9, 1 - reference)
        : rate < reference ? (reference - rate) / Math.Max(1e-9, reference)
        : 0;

    private static (int Yes, int Of) Rate(IEnumerable<ChoiceSignal> signals, Func<SignalReply, SignalReply, int> direction)
    {
        var directions = signals.SelectMany(s => s.Rejected.Select(r => direction(s.Chosen, r))).Where(d => d != 0).ToList();
        return (directions.Count(d => d > 0), directions.Count);
    }

    private static double Smooth((int Yes, int Of) rate, double prior) => (rate.Yes + (PseudoCount * prior)) / (rate.Of + PseudoCount);

    private static double RegenerationsPerTurn(IEnumerable<ChoiceSignal> signals)
    {
        var sessions = signals.GroupBy(s => s.Session, StringComparer.Ordinal).ToList();
        var turns = sessions.Sum(s => s.Max(x => x.SessionTurns));
        return turns == 0 ? 0 : sessions.Sum(s => s.Sum(x => x.Regenerations)) / (double)turns;
    }

    private static string Explanation(ChoiceSignal signal, SignalReply rejected, GroupRates group)
    {
        var longer = LengthDirection(signal.Chosen, rejected) != 0 && group.LongerExcess > 0;
        return longer
            ? $"keeps the {(group.ChoseLonger > group.ChoseLongerReference ? "longer" : "shorter")} reply " +
              $"{group.ChoseLonger:0.00} vs {group.ChoseLongerReference:0.00}"
            : $"keeps the {(group.ChoseFirst > group.ChoseFirstReference ? "first" : "regenerated")} reply " +
              $"{group.ChoseFirst:0.00} vs {group.ChoseFirstReference:0.00}";
    }

    private static BiasShift Shift(IReadOnlyList<ChoiceSignal> before, ImmutableArray<ChoiceSignal> after)
    {
        var all = before.SelectMany(s => s.Rejected.Select(r => (s, r, Weight: 1.0))).ToList();
        var weighed = Weighed(after);
        return new BiasShift(
            Math.Max(0, Share(all, LengthDirection)),
            Math.Max(0, Share(weighed, LengthDirection)),
            Math.Max(0, Share(all, FirstDirection)),
            Math.Max(0, Share(weighed, FirstDirection)),
            GroupShares(all),
            GroupShares(weighed));
    }

    private static List<(ChoiceSignal Signal, SignalReply Rejected, double Weight)> Weighed(IEnumerable<ChoiceSignal> kept) =>
        [.. kept.SelectMany(s => s.Rejected.Select((r, i) => (s, r, Weight: s.Denoise!.Weights[i])))];

    /// <summary>The weighed share of pairs going +1 among those with a direction; -1 when none has one.</summary>
    private static double Share(
        List<(ChoiceSignal Signal, SignalReply Rejected, double Weight)> pairs, Func<SignalReply, SignalReply, int> direction)
    {
        var counted = pairs.Select(p => (Direction: direction(p.Signal.Chosen, p.Rejected), p.Weight))
            .Where(p => p.Direction != 0).ToList();
        var total = counted.Sum(p => p.Weight);
        return total == 0 ? -1 : Math.Round(counted.Where(p => p.Direction > 0).Sum(p => p.Weight) / total, 4);
    }

    private static ImmutableSortedDictionary<string, double> GroupShares(
        List<(ChoiceSignal Signal, SignalReply Rejected, double Weight)> pairs)
    {
        var total = pairs.Sum(p => p.Weight);
        return pairs.GroupBy(p => p.Signal.Group, StringComparer.Ordinal)
            .ToImmutableSortedDictionary(
                g => g.Key, g => total == 0 ? 0 : Math.Round(g.Sum(p => p.Weight) / total, 4), StringComparer.Ordinal);
    }

    /// <summary>What one step removed, counted by group and reason, with the first examples.</summary>
    private sealed class StepLog
    {
        private readonly SortedDictionary<string, int> _byGroup = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, int> _byReason = new(StringComparer.Ordinal);
        private readonly List<DenoiseExample> _examples = [];
        private readonly HashSet<ChoiceSignal> _touched = [];
        private int _signals;
        private int _pairs;
        private int _downWeighted;

        public void Remove(ChoiceSignal signal, SignalReply? rejected, int pairs, IEnumerable<string> reasons, string why)
        {
            _pairs += pairs;
            _byGroup[signal.Group] = _byGroup.GetValueOrDefault(signal.Group) + pairs;
            foreach (var reason in reasons)
            {
                _byReason[reason] = _byReason.GetValueOrDefault(reason) + pairs;
            }
            if (rejected is null)
            {
                _signals++;
            }
            _touched.Add(signal);
            if (_examples.Count < ExamplesPerStep)
            {
                _examples.Add(new DenoiseExample(signal.Root, signal.Turn, signal.Group, Trim(signal.Chosen.Text),
                    rejected is null ? null : Trim(rejected.Text), why));
            }
        }

        public void DownWeight() => _downWeighted++;

        /// <summary>True when this step removed a pair of <paramref name="signal"/>.</summary>
        public bool Touched(ChoiceSignal signal) => _touched.Contains(signal);

        /// <summary>Counts the signals of <paramref name="seen"/> this step touched that were not kept.</summary>
        public void CountSignals(IEnumerable<ChoiceSignal> seen, IEnumerable<ChoiceSignal> kept)
        {
            var keptKeys = kept.Select(Key).ToHashSet();
            _signals += seen.Count(s => _touched.Contains(s) && !keptKeys.Contains(Key(s)));
        }

        public DenoiseStep Step(string name, string rule) => new(
            name, rule, _signals, _pairs, _downWeighted, _byGroup.ToImmutableSortedDictionary(StringComparer.Ordinal),
            _byReason.ToImmutableSortedDictionary(StringComparer.Ordinal), [.. _examples]);

        private static (string, string, int) Key(ChoiceSignal s) => (s.Root, s.Scene, s.Turn);

        private static string Trim(string text) => text.Length <= ExampleLength ? text : text[..ExampleLength] + "…";
    }
}
