using System.Collections.Immutable;
using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Synthesis.Diversity;

/// <summary>Measures how varied the NPC replies of a set of transcripts are (distinct-n, self-BLEU, opener repetition, n-gram and
/// opener entropy, speaker and rhythm distribution) and compares two sets, the early-stopping signal of preference training:
/// when entropy drops, the model is collapsing onto a few ways of saying things.</summary>
public static class DiversityMeter
{
    /// <summary>The default entropy drop, in percent, beyond which <see cref="Compare"/> says training should stop early.</summary>
    public const double DefaultThresholdPercent = 10;

    /// <summary>Tokens that make a reply's opener.</summary>
    public const int OpenerLength = 3;

    /// <summary>BLEU's order: precisions of 1- to 4-grams, equally weighted.</summary>
    public const int BleuOrder = 4;

    /// <summary>What NLTK's smoothing method 1 puts in place of a zero n-gram match count (as Texygen's Self-BLEU does).</summary>
    public const double BleuEpsilon = 0.1;

    // Tokens never hold this character, so n-grams joined with it cannot collide.
    private const char Joint = '\u001f';

    public static DiversityFigures Measure(IReadOnlyList<Transcript> transcripts)
    {
        ArgumentNullException.ThrowIfNull(transcripts);
        var replies = transcripts.SelectMany(t => t.NpcLines).ToList();
        var tokens = replies.Select(r => ReplyTokens.Of(r.Text)).ToList();
        var unigrams = tokens.SelectMany(t => NGrams(t, 1)).ToList();
        var bigrams = tokens.SelectMany(t => NGrams(t, 2)).ToList();
        var openers = tokens.Where(t => t.Length > 0).Select(t => string.Join(Joint, t.Take(OpenerLength))).ToList();
        var openerCounts = Counts(openers);
        return new DiversityFigures(
            replies.Count,
            unigrams.Count,
            DistinctShare(unigrams),
            DistinctShare(bigrams),
            SelfBleu([.. tokens.Where(t => t.Length > 0)]),
            openers.Count == 0 ? 0 : (double)openers.Count(o => openerCounts[o] > 1) / openers.Count,
            Entropy(unigrams),
            Entropy(bigrams),
            Entropy(openers),
            replies.GroupBy(r => r.Speaker, StringComparer.Ordinal)
                .ToImmutableSortedDictionary(g => g.Key, g => (double)g.Count() / replies.Count, StringComparer.Ordinal),
            Rhythm(transcripts));
    }

    /// <summary>Each figure's change from <paramref name="before"/> to <paramref name="after"/>, and the early-stopping verdict:
    /// stop when the unigram, bigram or opener entropy dropped by more than <paramref name="thresholdPercent"/> percent.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is negative or not a number.</exception>
    public static DiversityComparison Compare(
        DiversityFigures before, DiversityFigures after, double thresholdPercent = DefaultThresholdPercent)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (!double.IsFinite(thresholdPercent) || thresholdPercent < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(thresholdPercent), thresholdPercent,
                "The early-stop threshold is a drop in percent: a number ≥ 0, such as 10.");
        }
        var drops = new (string Name, double Drop)[]
        {
            ("unigram", DropPercent(before.UnigramEntropy, after.UnigramEntropy)),
            ("bigram", DropPercent(before.BigramEntropy, after.BigramEntropy)),
            ("opener", DropPercent(before.OpenerEntropy, after.OpenerEntropy)),
        };
        return new DiversityComparison(
            before,
            after,
            [.. Scalars(before).Zip(Scalars(after), (b, a) => new FigureChange(b.Name, b.Value, a.Value))],
            drops[0].Drop,
            drops[1].Drop,
            drops[2].Drop,
            thresholdPercent,
            [.. drops.Where(d => d.Drop > thresholdPercent).Select(d => d.Name)]);
    }

    /// <summary>The scalar figures by the names the CLI prints.</summary>
    public static IEnumerable<(string Name, double Value)> Scalars(DiversityFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        yield return ("replies", figures.Replies);
        yield return ("tokens", figures.Tokens);
        yield return ("distinct-1", figures.Distinct1);
        yield return ("distinct-2", figures.Distinct2);
        yield return ("self-bleu", figures.SelfBleu);
        yield return ("opener-repetition", figures.OpenerRepetition);
        yield return ("unigram-entropy", figures.UnigramEntropy);
        yield return ("bigram-entropy", figures.BigramEntropy);
        yield return ("opener-entropy", figures.OpenerEntropy);
        yield return ("rhythm-1", figures.Rhythm.One);
        yield return ("rhythm-2", figures.Rhythm.Two);
        yield return ("rhythm-3+", figures.Rhythm.ThreeOrMore);
    }

    /// <summary>Mean BLEU-4 of each reply against all the others (uniform weights, brevity penalty against the closest reference
    /// length, shorter on ties, NLTK smoothing method 1). Exact for any number of replies: the clipping count of an n-gram against
    /// "all replies but this one" is the largest count among all replies unless this reply holds it, then the second largest, so
    /// keeping the two largest counts per n-gram makes the whole figure linear in the tokens, and no sampling is needed.</summary>
    internal static double SelfBleu(IReadOnlyList<ImmutableArray<string>> replies)
    {
        if (replies.Count < 2)
        {
            return 0;
        }
        var counts = replies.Select(r => Enumerable.Range(1, BleuOrder).Select(n => Counts(NGrams(r, n))).ToArray()).ToArray();
        var leaders = Enumerable.Range(0, BleuOrder).Select(n => Leaders(counts.Select(c => c[n]))).ToArray();
        var lengths = replies.Select(r => r.Length).Order().ToArray();
        var total = 0.0;
        for (var i = 0; i < replies.Count; i++)
        {
            var length = replies[i].Length;
            var logPrecision = 0.0;
            var unigramMatches = 0;
            for (var n = 0; n < BleuOrder; n++)
            {
                var matches = counts[i][n].Sum(g => Math.Min(g.Value, leaders[n][g.Key].Other(i)));
                unigramMatches = n == 0 ? matches : unigramMatches;
                var candidates = Math.Max(1, length - n);
                logPrecision += Math.Log((matches == 0 ? BleuEpsilon : matches) / candidates) / BleuOrder;
            }
            if (unigramMatches == 0)
            {
                continue;
            }
            var reference = ClosestOtherLength(lengths, length);
            var brevity = length > reference ? 1 : Math.Exp(1 - (double)reference / length);
            total += brevity * Math.Exp(logPrecision);
        }
        return total / replies.Count;
    }

    private static ImmutableArray<string> NGrams(ImmutableArray<string> tokens, int n) =>
        [.. Enumerable.Range(0, Math.Max(0, tokens.Length - n + 1)).Select(i => string.Join(Joint, tokens.Skip(i).Take(n)))];

    private static Dictionary<string, int> Counts(IEnumerable<string> items)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            counts[item] = counts.GetValueOrDefault(item) + 1;
        }
        return counts;
    }

    private static double DistinctShare(IReadOnlyCollection<string> grams) =>
        grams.Count == 0 ? 0 : (double)grams.Distinct(StringComparer.Ordinal).Count() / grams.Count;

    private static double Entropy(IReadOnlyCollection<string> items) =>
        -Counts(items).Values.Select(c => (double)c / items.Count).Sum(p => p * Math.Log2(p));

    private static double DropPercent(double before, double after) => before > 0 ? (before - after) / before * 100 : 0;

    /// <summary>For each n-gram, its two largest counts over the replies and which reply holds the largest.</summary>
    private static Dictionary<string, Leader> Leaders(IEnumerable<Dictionary<string, int>> perReply)
    {
        var leaders = new Dictionary<string, Leader>(StringComparer.Ordinal);
        var index = 0;
        foreach (var counts in perReply)
        {
            foreach (var (gram, count) in counts)
            {
                var leader = leaders.GetValueOrDefault(gram, new Leader(0, -1, 0));
                leaders[gram] = count > leader.Top
                    ? new Leader(count, index, leader.Top)
                    : leader with { Second = Math.Max(leader.Second, count) };
            }
            index++;
        }
        return leaders;
    }

    /// <summary>The reference length BLEU's brevity penalty uses: the length closest to <paramref name="length"/> among the other
    /// replies (one occurrence of <paramref name="length"/> in <paramref name="sorted"/> is the reply itself), shorter on ties.</summary>
    private static int ClosestOtherLength(int[] sorted, int length)
    {
        var first = LowerBound(sorted, length);
        var after = LowerBound(sorted, length + 1);
        if (after - first >= 2)
        {
            return length;
        }
        int? below = first > 0 ? sorted[first - 1] : null;
        int? above = after < sorted.Length ? sorted[after] : null;
        return (below, above) switch
        {
            ({ } b, { } a) => length - b <= a - length ? b : a,
            ({ } b, null) => b,
            (null, { } a) => a,
            _ => length,
        };
    }

    private static int LowerBound(int[] sorted, int value)
    {
        var index = Array.BinarySearch(sorted, value);
        if (index < 0)
        {
            return ~index;
        }
        while (index > 0 && sorted[index - 1] == value)
        {
            index--;
        }
        return index;
    }

    /// <summary>Runs of consecutive NPC replies by the same speaker in each transcript; any other line (the user's, the narrator's,
    /// a given opening, another character's) ends a run.</summary>
    private static RhythmShares Rhythm(IReadOnlyList<Transcript> transcripts)
    {
        var runs = new List<int>();
        foreach (var transcript in transcripts)
        {
            string? speaker = null;
            var length = 0;
            foreach (var line in transcript.Lines)
            {
                if (line.IsNpc && string.Equals(line.Speaker, speaker, StringComparison.Ordinal))
                {
                    length++;
                    continue;
                }
                if (length > 0)
                {
                    runs.Add(length);
                }
                (speaker, length) = line.IsNpc ? (line.Speaker, 1) : (null, 0);
            }
            if (length > 0)
            {
                runs.Add(length);
            }
        }
        return runs.Count == 0
            ? new RhythmShares(0, 0, 0, 0)
            : new RhythmShares(runs.Count, Share(runs, 1), Share(runs, 2), (double)runs.Count(r => r >= 3) / runs.Count);
    }

    private static double Share(List<int> runs, int length) => (double)runs.Count(r => r == length) / runs.Count;

    private readonly record struct Leader(int Top, int TopIndex, int Second)
    {
        public int Other(int index) => index == TopIndex ? Second : Top;
    }
}
