using System.Collections.Immutable;
using WorldPlay.Evaluation.Detectors;

namespace WorldPlay.Synthesis.Planning;

/// <summary>The clusters of a set of texts: which cluster each text fell in, and a label per cluster made of its three heaviest
/// terms.</summary>
public sealed record TextClustering(ImmutableArray<int> Assignment, ImmutableArray<string> Labels);

/// <summary>Deterministic clustering of short documents (personas and scenes) into tropes: terms are English content-word stems and
/// Chinese content-character bigrams (<see cref="Prose.ContentTokens"/>, so Han text is cut by character), weighted by TF-IDF; the
/// clusters come from spherical k-means started by farthest-first seeding, ties broken by position, so the same texts always give
/// the same clusters.</summary>
public static class TextClusters
{
    private const int Iterations = 25;
    private const int LabelTerms = 3;

    /// <summary>Puts <paramref name="texts"/> into at most <paramref name="k"/> clusters (fewer when texts coincide).</summary>
    public static TextClustering Cluster(IReadOnlyList<string> texts, int k)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (texts.Count == 0)
        {
            return new TextClustering([], []);
        }
        var (vectors, surface) = Vectors(texts);
        var seeds = FarthestFirst(vectors, Math.Min(k, texts.Count));
        var centroids = seeds.Select(s => vectors[s]).ToList();
        var assignment = new int[texts.Count];
        for (var round = 0; round < Iterations; round++)
        {
            var changed = false;
            for (var i = 0; i < vectors.Count; i++)
            {
                var best = Nearest(vectors[i], centroids);
                changed |= best != assignment[i] || round == 0;
                assignment[i] = best;
            }
            var next = Enumerable.Range(0, centroids.Count)
                .Select(c => Centroid(vectors.Where((_, i) => assignment[i] == c).ToList()) ?? centroids[c])
                .ToList();
            centroids = next;
            if (!changed)
            {
                break;
            }
        }
        // Renumber clusters by first appearance and drop empty ones, so labels read in source order.
        var order = assignment.Distinct().ToList();
        var renumbered = assignment.Select(a => order.IndexOf(a)).ToImmutableArray();
        var labels = order.Select(c => Label(centroids[c], surface)).ToList();
        return new TextClustering(renumbered, [.. Distinct(labels)]);
    }

    /// <summary>Unit TF-IDF vectors over terms found in at least two texts (a term of one text says nothing about what texts share),
    /// and the first spelling seen of each stem, for labels.</summary>
    private static (List<Dictionary<string, double>> Vectors, Dictionary<string, string> Surface) Vectors(IReadOnlyList<string> texts)
    {
        var surface = new Dictionary<string, string>(StringComparer.Ordinal);
        var counts = new List<Dictionary<string, int>>();
        foreach (var text in texts)
        {
            var tf = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var token in Prose.ContentTokens(text))
            {
                var term = Cjk.IsHan(token.Text[0]) ? token.Text : token.Stem;
                surface.TryAdd(term, token.Text);
                tf[term] = tf.GetValueOrDefault(term) + 1;
            }
            counts.Add(tf);
        }
        var df = counts.SelectMany(c => c.Keys).GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        var n = texts.Count;
        var vectors = counts.Select(tf =>
        {
            var v = tf.Where(t => df[t.Key] >= 2 || n < 3)
                .ToDictionary(t => t.Key, t => (1 + Math.Log(t.Value)) * Math.Log(1.0 + (double)n / df[t.Key]), StringComparer.Ordinal);
            return Normalized(v);
        }).ToList();
        return (vectors, surface);
    }

    /// <summary>The first seed is the text closest to the mean of all; each next one is the text least like any seed so far.</summary>
    private static List<int> FarthestFirst(List<Dictionary<string, double>> vectors, int k)
    {
        var mean = Centroid(vectors) ?? [];
        var seeds = new List<int> { ArgMax(vectors.Count, i => Cosine(vectors[i], mean)) };
        var closest = vectors.Select(v => Cosine(v, vectors[seeds[0]])).ToArray();
        while (seeds.Count < k)
        {
            var next = ArgMax(vectors.Count, i => seeds.Contains(i) ? double.NegativeInfinity : -closest[i]);
            seeds.Add(next);
            for (var i = 0; i < vectors.Count; i++)
            {
                closest[i] = Math.Max(closest[i], Cosine(vectors[i], vectors[next]));
            }
        }
        return seeds;
    }

    private static int Nearest(Dictionary<string, double> vector, List<Dictionary<string, double>> centroids) =>
        ArgMax(centroids.Count, c => Cosine(vector, centroids[c]));

    /// <summary>The first index with the greatest value (so ties go to the earlier text).</summary>
    private static int ArgMax(int count, Func<int, double> value)
    {
        var best = 0;
        var bestValue = double.NegativeInfinity;
        for (var i = 0; i < count; i++)
        {
            var v = value(i);
            if (v > bestValue)
            {
                (best, bestValue) = (i, v);
            }
        }
        return best;
    }

    private static Dictionary<string, double>? Centroid(List<Dictionary<string, double>> members)
    {
        if (members.Count == 0)
        {
            return null;
        }
        var sum = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            foreach (var (term, weight) in member)
            {
                sum[term] = sum.GetValueOrDefault(term) + weight;
            }
        }
        return Normalized(sum);
    }

    private static Dictionary<string, double> Normalized(Dictionary<string, double> vector)
    {
        var norm = Math.Sqrt(vector.Values.Sum(w => w * w));
        return norm == 0 ? vector : vector.ToDictionary(t => t.Key, t => t.Value / norm, StringComparer.Ordinal);
    }

    private static double Cosine(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var dot = 0.0;
        foreach (var (term, weight) in small)
        {
            if (large.TryGetValue(term, out var other))
            {
                dot += weight * other;
            }
        }
        return dot;
    }

    private static string Label(Dictionary<string, double> centroid, Dictionary<string, string> surface)
    {
        var terms = centroid.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).Take(LabelTerms)
            .Select(t => surface.GetValueOrDefault(t.Key, t.Key)).ToList();
        return terms.Count == 0 ? "misc" : string.Join(" · ", terms);
    }

    /// <summary>Labels made unique by a number when two clusters share their heaviest terms.</summary>
    private static IEnumerable<string> Distinct(List<string> labels)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var label in labels)
        {
            var n = seen[label] = seen.GetValueOrDefault(label) + 1;
            yield return n == 1 ? label : $"{label} ({n})";
        }
    }
}
