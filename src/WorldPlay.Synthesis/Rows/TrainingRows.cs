using System.Collections.Immutable;

namespace WorldPlay.Synthesis.Rows;

/// <summary>Where a training row came from: the scenario, the world branch and scene it was played on, the turn, the speaking
/// character and the setting's language, so a row can be traced back through the world's lineage.</summary>
/// <param name="Round">The synthesis round (1 for the first pass; 0 for rows that come from preference signals).</param>
/// <param name="Group">The user group or simulator profile whose session produced the row, when there was one.</param>
public sealed record RowSource(
    string Scenario,
    string World,
    string Branch,
    string Scene,
    int Turn,
    string Speaker,
    string Language,
    int Round,
    string? Group = null);

/// <summary>One message of a chat row. <see cref="Role"/> is <c>system</c>, <c>user</c> or <c>assistant</c>;
/// <see cref="Name"/> names the speaker when several characters share the user role (an ensemble seen from one character).</summary>
public sealed record ChatTurn(string Role, string Content, string? Name = null)
{
    public const string System = "system";
    public const string User = "user";
    public const string Assistant = "assistant";
}

/// <summary>A conversation to train one character on: the system prompt (the character's persona and perspective at the first
/// trained turn) and the messages, the character's own lines as <c>assistant</c>. <see cref="Scores"/> holds the bench's
/// figures for the kept lines (e.g. <c>misaligned</c>: replies with a detector finding).</summary>
public sealed record ChatSample(
    RowSource Source,
    string System,
    ImmutableArray<ChatTurn> Messages,
    ImmutableSortedDictionary<string, double> Scores);

/// <summary>Where a preference came from: best-of-K ranking, a reviewed segment's rewrite, or a user's choice between
/// regenerated replies.</summary>
public static class PreferenceOrigin
{
    public const string BestOfK = "best-of-k";
    public const string Rewrite = "rewrite";
    public const string Choice = "choice";
}

/// <summary>A preference pair: for the same context (<see cref="System"/> and <see cref="Prompt"/>, ending with the line the
/// reply answers) the chosen and the rejected reply, with the score each got and the pair's weight (1 unless a denoiser
/// weighed it).</summary>
public sealed record PreferencePair(
    RowSource Source,
    string System,
    ImmutableArray<ChatTurn> Prompt,
    string Chosen,
    string Rejected,
    string Origin,
    double ChosenScore,
    double RejectedScore,
    double Weight = 1.0);

/// <summary>An unpaired row (KTO): one reply to a context, labelled desirable or not.</summary>
public sealed record KtoRow(
    RowSource Source,
    string System,
    ImmutableArray<ChatTurn> Prompt,
    string Completion,
    bool Label,
    string Origin,
    double Score,
    double Weight = 1.0);
