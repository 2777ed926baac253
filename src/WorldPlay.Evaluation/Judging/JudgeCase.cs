using System.Collections.Immutable;

namespace WorldPlay.Evaluation.Judging;

/// <summary>Why the judge looks at a reply: to confirm what the detectors flagged on it, or to audit a reply they left alone.</summary>
public enum JudgePurpose
{
    Confirm,
    Audit,
}

/// <summary>One NPC reply put to the judge: which session and line, and the categories asked about (the flagged ones for a
/// confirmation, all thirteen for an audit).</summary>
public sealed record JudgeCase(int Session, string SessionName, int Line, int Turn, string Speaker, JudgePurpose Purpose,
    ImmutableArray<string> Categories);

/// <summary>The judge's word on one category: whether the reply shows it, the words that show it, and why.</summary>
public sealed record JudgeVerdict(string Category, bool Present, string Evidence, string Reason);

/// <summary>How a question to the judge ended: answered with readable verdicts, answered with something that cannot be read,
/// or not answered at all (the endpoint kept failing).</summary>
public enum JudgeOutcome
{
    Answered,
    Unreadable,
    Failed,
}

/// <summary>The judge's answer to one <see cref="JudgeCase"/>; <see cref="Problem"/> says what went wrong when it is not
/// answered.</summary>
public sealed record Judgement(JudgeCase Case, JudgeOutcome Outcome, ImmutableArray<JudgeVerdict> Verdicts, string? Problem)
{
    /// <summary>The verdict on <paramref name="category"/>, or null when there is none: for an audit, a readable answer that does
    /// not name a category means the reply does not show it; a confirmation needs the verdict spelled out.</summary>
    public bool? Present(string category)
    {
        if (Outcome != JudgeOutcome.Answered || !Case.Categories.Contains(category))
        {
            return null;
        }
        var verdict = Verdicts.FirstOrDefault(v => v.Category == category);
        return verdict?.Present ?? (Case.Purpose == JudgePurpose.Audit ? false : null);
    }
}
