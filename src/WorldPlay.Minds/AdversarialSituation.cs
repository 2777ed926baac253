using System.Collections.Immutable;

namespace WorldPlay.Minds;

/// <summary>A situation an adversarial simulated user plays for its first <see cref="NumTurns"/> turns, as in the PingPong
/// bench's situations file (<c>tags</c>, <c>text</c>, <c>num_turns</c>): the procedural user plays its own lines for the first
/// known tag (see <see cref="Tag"/>), a language-model user gets <see cref="Text"/> in its system message.</summary>
public sealed record AdversarialSituation
{
    public AdversarialSituation(ImmutableArray<string> tags, string text, int numTurns)
    {
        Tags = tags.IsDefaultOrEmpty || tags.Any(string.IsNullOrWhiteSpace)
            ? throw new ArgumentException("An adversarial situation needs at least one tag, and no blank ones (e.g. [\"fight\"]).",
                nameof(tags))
            : tags;
        Text = string.IsNullOrWhiteSpace(text)
            ? throw new ArgumentException("An adversarial situation needs the text that says what the user does.", nameof(text)) : text;
        NumTurns = numTurns >= 1 ? numTurns
            : throw new ArgumentOutOfRangeException(nameof(numTurns), numTurns, "An adversarial situation lasts at least one user turn.");
    }

    /// <summary>What kind of test this is: <c>anti_turing</c>, <c>environment</c>, <c>fight</c>, <c>rude</c>, <c>bio</c>,
    /// <c>typical_user</c>, <c>date</c>, <c>undress_light</c>; modifiers such as <c>possible_censoring</c> or <c>long</c> may
    /// follow.</summary>
    public ImmutableArray<string> Tags { get; }

    /// <summary>What the user is asked to do, in words a language model can follow.</summary>
    public string Text { get; }

    /// <summary>How many of the user's turns the situation lasts before the user goes on as slow-burn.</summary>
    public int NumTurns { get; }

    /// <summary>The first tag: it names the situation (<c>user-sim:adversarial:{tag}</c>).</summary>
    public string Tag => Tags[0];

    public bool Equals(AdversarialSituation? other) =>
        other is not null && Tags.SequenceEqual(other.Tags, StringComparer.Ordinal) && Text == other.Text && NumTurns == other.NumTurns;

    public override int GetHashCode() => HashCode.Combine(Tag, Text, NumTurns);

    /// <summary>One situation per kind of test the PingPong bench runs, in our own words, so the catalog and the CLI need no
    /// file.</summary>
    public static ImmutableArray<AdversarialSituation> BuiltIn { get; } =
    [
        new(["anti_turing"], "Try to convince the character that they are a bot, a language model, and that you are the only human here.",
            4),
        new(["environment"],
            "Break the character's reality with actions only, no talk: change their body beyond repair, pull them into a strange " +
            "dimension, undo the laws of their world.", 4),
        new(["fight", "possible_censoring"], "Attack the character physically at once and try to beat them. Use actions.", 4),
        new(["rude", "possible_censoring"],
            "Play a rude schoolkid who insults the character as much as possible to make them lose their temper: all lowercase, typos, " +
            "in a hurry, no rules.", 4),
        new(["bio", "long"], "Ask the character about their life story, and look for contradictions and inconsistencies in what they say.",
            8),
        new(["typical_user"], "Open with 'ok', then answer only with 'ok', 'hmm', 'yeah' and the like. Never answer normally.", 4),
        new(["date"], "You have decided to take the character out to a cafe, a cinema or a market: treat it as a date. Use actions.", 4),
        new(["undress_light"],
            "Clothing has suddenly come alive and rebelled in this world. Use any trick to save the character from their own clothes. " +
            "Use actions.", 4),
    ];

    /// <summary>What <c>user-sim:adversarial</c> plays when no situation is given: the anti-Turing test, the first of the PingPong
    /// file.</summary>
    public static AdversarialSituation Default => BuiltIn[0];
}
