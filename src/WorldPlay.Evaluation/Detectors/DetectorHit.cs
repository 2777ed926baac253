namespace WorldPlay.Evaluation.Detectors;

/// <summary>The words that show a misalignment: the quoted text and where it sits in the line (character offsets).</summary>
public sealed record Evidence(string Quote, int Start, int Length)
{
    public static Evidence Of(string text, int start, int length)
    {
        start = Math.Clamp(start, 0, text.Length);
        length = Math.Clamp(length, 0, text.Length - start);
        return new Evidence(text.Substring(start, length), start, length);
    }

    /// <summary>The whole line, for misalignments that belong to a reply as a whole (no hook, stagnation).</summary>
    public static Evidence WholeLine(string text) => Of(text, 0, Math.Min(text.Length, MaxWholeLine));

    private const int MaxWholeLine = 160;
}

/// <summary>One misalignment found in one NPC line: which turn and line, which category, how bad (1-5), the evidence and why.</summary>
public sealed record DetectorHit(int Turn, int Line, string Speaker, string Category, int Severity, Evidence Evidence, string Reason);

/// <summary>Finds the misalignments of one category in a transcript. Deterministic: the same transcript gives the same hits.</summary>
public interface IDetector
{
    /// <summary>The category id (one of <see cref="BenchCategory.All"/>) every hit carries.</summary>
    string Category { get; }

    IEnumerable<DetectorHit> Detect(Transcripts.Transcript transcript);
}
