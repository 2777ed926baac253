namespace WorldPlay.Evaluation.Reports;

/// <summary>The few statistics reports need, written out so that reports stay reproducible and dependency-free.</summary>
public static class Statistics
{
    /// <summary>A 95% percentile interval of <paramref name="statistic"/> over <paramref name="rounds"/> resamples of
    /// <paramref name="units"/> with replacement, drawn from a fixed seed so the same input gives the same interval.</summary>
    public static Interval Bootstrap<T>(IReadOnlyList<T> units, Func<IReadOnlyList<T>, double> statistic, int seed, int rounds = 1000)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(statistic);
        if (units.Count == 0)
        {
            return new Interval(0, 0);
        }
        var random = new Random(seed);
        var values = new double[rounds];
        var sample = new T[units.Count];
        for (var r = 0; r < rounds; r++)
        {
            for (var i = 0; i < sample.Length; i++)
            {
                sample[i] = units[random.Next(units.Count)];
            }
            values[r] = statistic(sample);
        }
        Array.Sort(values);
        return new Interval(Round(values[(int)(rounds * 0.025)]), Round(values[Math.Min(rounds - 1, (int)(rounds * 0.975))]));
    }

    /// <summary>One-sided p-value that proportion 2 (<paramref name="k2"/> of <paramref name="n2"/>) is above proportion 1, by the
    /// two-proportion z-test with a pooled variance.</summary>
    public static double ProportionIncreasePValue(int k1, int n1, int k2, int n2)
    {
        if (n1 == 0 || n2 == 0)
        {
            return 1;
        }
        var p1 = (double)k1 / n1;
        var p2 = (double)k2 / n2;
        var pooled = (double)(k1 + k2) / (n1 + n2);
        var se = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / n1) + (1.0 / n2)));
        if (se == 0)
        {
            return p2 > p1 ? 0 : 1;
        }
        return 1 - NormalCdf((p2 - p1) / se);
    }

    public static double NormalCdf(double z) => 0.5 * (1 + Erf(z / Math.Sqrt(2)));

    /// <summary>The error function (Abramowitz and Stegun 7.1.26, error below 1.5e-7: ample for a p-value threshold).</summary>
    private static double Erf(double x)
    {
        var sign = Math.Sign(x);
        x = Math.Abs(x);
        var t = 1 / (1 + (0.3275911 * x));
        var y = 1 - ((((((1.061405429 * t) - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x);
        return sign * y;
    }

    /// <summary>Four decimals: enough for any reader, and stable across platforms in report.json.</summary>
    public static double Round(double value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);
}
