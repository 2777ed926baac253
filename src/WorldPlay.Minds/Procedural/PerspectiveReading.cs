using System.Collections.Immutable;
using WorldPlay.Core;
using WorldPlay.Core.Minds;

namespace WorldPlay.Minds.Procedural;

/// <summary>The kinds of change a participant may propose, as named in refusals.</summary>
[Flags]
internal enum ChangeKinds
{
    None = 0,
    Moved = 1,
    Gave = 2,
    Took = 4,
    Relationship = 8,
    Fact = 16,
    Time = 32,
    All = Moved | Gave | Took | Relationship | Fact | Time,
}

/// <summary>What a procedural participant reads off its perspective: its own past lines, who and what is around,
/// and which kinds of proposal were refused last turn.</summary>
internal static class PerspectiveReading
{
    private static readonly (string Cue, ChangeKinds Kinds)[] RefusalCues =
    [
        ("moved", ChangeKinds.Moved), ("connected-moves", ChangeKinds.Moved), ("one-place-at-a-time", ChangeKinds.Moved),
        ("cannot walk", ChangeKinds.Moved), ("already at", ChangeKinds.Moved), ("travel", ChangeKinds.Moved),
        ("gave", ChangeKinds.Gave), ("cannot give", ChangeKinds.Gave), ("cannot hand", ChangeKinds.Gave),
            ("cannot receive", ChangeKinds.Gave),
        ("holder-gives", ChangeKinds.Gave | ChangeKinds.Took), ("dead-do-not-act", ChangeKinds.Gave),
        ("took", ChangeKinds.Took), ("cannot take", ChangeKinds.Took), ("already holds", ChangeKinds.Took),
        ("relationship", ChangeKinds.Relationship), ("strength", ChangeKinds.Relationship),
        ("fact", ChangeKinds.Fact), ("forbidden-concepts", ChangeKinds.Fact), ("does not exist in", ChangeKinds.Fact),
        ("time-advanced", ChangeKinds.Time), ("time can only", ChangeKinds.Time),
        ("present-to-act", ChangeKinds.All), ("integrity", ChangeKinds.All),
    ];

    /// <summary>The kinds of proposal to leave alone this turn. A refusal that names no kind keeps all of them back.</summary>
    public static ChangeKinds Refused(Perspective p)
    {
        var refused = ChangeKinds.None;
        foreach (var line in p.Cue.RefusedLastTurn.IsDefault ? [] : p.Cue.RefusedLastTurn)
        {
            var kinds = ChangeKinds.None;
            foreach (var (cue, k) in RefusalCues)
            {
                if (line.Contains(cue, StringComparison.OrdinalIgnoreCase))
                {
                    kinds |= k;
                }
            }
            refused |= kinds == ChangeKinds.None ? ChangeKinds.All : kinds;
        }
        return refused;
    }

    /// <summary>What the participant itself said lately, as far as its perspective shows: its recent lines, and the
    /// "(turn n) Name said: ..." lines of its summary.</summary>
    public static IEnumerable<string> OwnPastLines(Perspective p)
    {
        var prefix = $"{p.Persona.Name} said: ";
        foreach (var line in p.Summary.IsDefault ? [] : p.Summary)
        {
            var at = line.IndexOf(prefix, StringComparison.Ordinal);
            if (at >= 0)
            {
                yield return line[(at + prefix.Length)..].TrimEnd('…');
            }
        }
        foreach (var line in p.RecentLines.IsDefault ? [] : p.RecentLines)
        {
            if (line.Speaker == p.Self)
            {
                yield return line.Text;
            }
        }
    }

    /// <summary>The participant's own recent lines, with whom they were for.</summary>
    public static IEnumerable<HeardLine> OwnLinesWithAddressees(Perspective p) =>
        (p.RecentLines.IsDefault ? [] : p.RecentLines).Where(l => l.Speaker == p.Self);

    /// <summary>The line to answer, when someone else said it.</summary>
    public static HeardLine? Heard(Perspective p) => p.Cue.AnswerTo is { } line && line.Speaker != p.Self ? line : null;

    public static IReadOnlyList<PresentView> Present(Perspective p) =>
        p.Present.IsDefault ? [] : p.Present.Where(x => x.Id != p.Self).ToList();

    public static IReadOnlyList<ItemView> Items(Perspective p) => p.Items.IsDefault ? [] : p.Items;

    public static IReadOnlyList<ItemView> OwnItems(Perspective p) => Items(p).Where(i => i.Holder == p.Self).ToList();

    public static IReadOnlyList<ItemView> LooseItems(Perspective p) => Items(p).Where(i => i.Holder is null).ToList();

    /// <summary>Items held by someone present other than the participant.</summary>
    public static IReadOnlyList<ItemView> HeldByOthers(Perspective p)
    {
        var present = Present(p).Select(x => x.Id).ToHashSet();
        return Items(p).Where(i => i.Holder is { } h && h != p.Self && present.Contains(h)).ToList();
    }

    public static IReadOnlyList<FactView> Facts(Perspective p) => p.Facts.IsDefault ? [] : p.Facts;

    public static IReadOnlyList<FactView> OwnSecrets(Perspective p) => Facts(p).Where(f => f.IsOwnSecret).ToList();

    public static IReadOnlyList<ExitView> Exits(Perspective p) => p.Place.Exits.IsDefault ? [] : p.Place.Exits;

    /// <summary>A list drawn from the persona card, empty when the card leaves it out.</summary>
    public static IReadOnlyList<string> Listed(ImmutableArray<string> values) =>
        values.IsDefault ? [] : values.Where(v => !string.IsNullOrWhiteSpace(v)).ToList();

    /// <summary>A trait as it reads mid-sentence: "Stubborn" becomes "stubborn".</summary>
    public static string Lowered(string text)
    {
        var t = text.Trim().TrimEnd('.');
        return t.Length > 1 && char.IsUpper(t[0]) && char.IsLower(t[1]) ? char.ToLowerInvariant(t[0]) + t[1..] : t;
    }
}
