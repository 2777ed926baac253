using System.Collections.Immutable;
using System.Text;
using WorldPlay.Core.Characters;

namespace WorldPlay.Core.Minds;

/// <summary>Assembles a <see cref="Perspective"/> from a persona, the character's memory and its slice of the world,
/// and trims it until it fits the token budget.</summary>
public static class PerspectiveBuilder
{
    /// <summary>The default budget in tokens.</summary>
    public const int DefaultBudget = 1200;

    /// <summary>Lines heard that stay verbatim.</summary>
    public const int RecentLines = 8;

    /// <summary>Created entities kept before trimming: those named in the lines heard first, then those present, then the newest.</summary>
    public const int MaxCreations = 8;

    public static Perspective Build(Persona persona, CharacterMemory memory, WorldSlice slice, SceneCue cue, int budget,
        TokenCounter tokens)
    {
        var lines = memory.RecentSpeech
            .TakeLast(RecentLines)
            .Select(e => new HeardLine(e.Seq, e.Turn, e.Actor, memory.NameOf(e.Actor), ((Spoke)e.Change).Text,
                ((Spoke)e.Change).Addressees))
            .ToImmutableArray();
        var perspective = new Perspective(
            persona, slice.WorldName, slice.Language, slice.Turn, slice.StoryMinute, slice.Place, slice.Present, slice.Items,
            slice.Relationships, slice.Facts, memory.Summary, lines, cue, 0, budget, Relevant(slice, lines));

        // Trim the least needed first: old summary, distant facts, ties and creations, then older lines, until it fits. Each step
        // removes one item of a list, and the text's count is the sum of its items' counts (see Sections), so each item is counted once and
        // a step's count is arithmetic. Counting is most of the cost of a turn.
        var counts = new TrimCounts(perspective, tokens);
        var total = counts.Of(perspective);
        for (var step = Trim(perspective); total > budget && step is not null; step = Trim(step))
        {
            (perspective, total) = (step, counts.Of(step));
        }
        return perspective with { TokenCount = total };
    }

    /// <summary>The slice's creations most worth a line: the one named last in the lines heard first (a user asking after the sister
    /// planted long ago), then those in front of the participant, then the slice's order (the newest); at most
    /// <see cref="MaxCreations"/>, so the size stays bounded however much was made.</summary>
    private static ImmutableArray<CreationView> Relevant(WorldSlice slice, ImmutableArray<HeardLine> lines)
    {
        if (slice.Creations.IsDefaultOrEmpty)
        {
            return [];
        }
        var present = (slice.Present.IsDefault ? [] : slice.Present).Select(p => p.Id).Append(slice.Place.Id).ToHashSet();
        long LastNamed(CreationView c) => lines.LastOrDefault(l => NameMention.IndexOf(l.Text, c.Name) >= 0)?.Seq ?? -1;
        // A first name ("Anders") may fit several; the full name is surer and goes first.
        long LastFirstNamed(CreationView c) => lines.LastOrDefault(l => NameMention.IndexOfFullOrFirst(l.Text, c.Name) >= 0)?.Seq ?? -1;
        return
        [
            .. slice.Creations.OrderByDescending(LastNamed).ThenByDescending(LastFirstNamed).ThenByDescending(c => present.Contains(c.Id))
                .Take(MaxCreations)
        ];
    }

    private static Perspective? Trim(Perspective p) => p switch
    {
        { Summary.Length: > 2 } => p with { Summary = p.Summary.RemoveAt(0) },
        { Facts.Length: > 4 } => p with { Facts = p.Facts.RemoveAt(p.Facts.Length - 1) },
        { Relationships.Length: > 4 } => p with { Relationships = p.Relationships.RemoveAt(p.Relationships.Length - 1) },
        { Creations.Length: > 3 } => p with { Creations = p.Creations.RemoveAt(p.Creations.Length - 1) },
        { RecentLines.Length: > 3 } => p with { RecentLines = p.RecentLines.RemoveAt(0) },
        { Summary.Length: > 0 } => p with { Summary = p.Summary.RemoveAt(0) },
        { Facts.Length: > 0 } => p with { Facts = p.Facts.RemoveAt(p.Facts.Length - 1) },
        { Relationships.Length: > 0 } => p with { Relationships = p.Relationships.RemoveAt(p.Relationships.Length - 1) },
        { Creations.Length: > 0 } => p with { Creations = p.Creations.RemoveAt(p.Creations.Length - 1) },
        { Persona.ExampleLines.Length: > 0 } => p with { Persona = p.Persona with { ExampleLines = p.Persona.ExampleLines.RemoveAt(0) } },
        { RecentLines.Length: > 1 } => p with { RecentLines = p.RecentLines.RemoveAt(0) },
        _ => null,
    };

    /// <summary>The perspective as text, in the order a model should read it. Token counts are taken of this text.</summary>
    public static string Render(Perspective p)
    {
        // Each section and each list item starts with a character other than white space after the newline that ends what comes
        // before it. cl100k never joins text across such a boundary (see TokenCounter.Count), which TrimCounts relies on.
        var s = new StringBuilder();
        RenderPersona(s, p);
        RenderPlace(s, p);
        RenderPresent(s, p);
        RenderItems(s, p);
        RenderList(s, TiesHeader, p.Relationships, AppendTie);
        RenderList(s, KnownHeader, p.Facts, AppendFact);
        RenderList(s, CreationsHeader(p.Language), p.Creations.IsDefault ? [] : p.Creations, Chinese(p.Language) ? AppendCreationZh
            : AppendCreation);
        RenderList(s, EarlierHeader, p.Summary, AppendSummaryLine);
        s.AppendLine(JustSaidHeader);
        foreach (var line in p.RecentLines)
        {
            AppendHeard(s, line);
        }
        RenderNow(s, p);
        return s.ToString();
    }

    private static void RenderList<T>(StringBuilder s, string header, ImmutableArray<T> items, Action<StringBuilder, T> append)
    {
        if (items.Length > 0)
        {
            s.AppendLine(header);
            foreach (var item in items)
            {
                append(s, item);
            }
        }
    }

    private static void AppendTie(StringBuilder s, RelationshipView r) =>
        s.Append("- ").Append(r.FromName).Append(' ').Append(r.Type).Append(' ').Append(r.ToName).AppendLine($" {r.Strength:0.0}");

    private static void AppendFact(StringBuilder s, FactView f) =>
        s.Append("- ").Append(f.IsOwnSecret ? "(secret) " : "").Append(f.SubjectName).Append(' ').Append(f.Predicate).Append(' ')
            .AppendLine(f.Value);

    private static bool Chinese(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    private static string CreationsHeader(string language) =>
        Chinese(language) ? "## 你所知道的、故事中新出现的人物、地点和物品" : "## What you know of people, places and things made during the story";

    /// <summary>"- Lena [lena] (character, at Vask): a weaver; made by the user (Ren) at turn 12; told by Mira; ties: Lena sister-of
    /// Ren 0.8".</summary>
    private static void AppendCreation(StringBuilder s, CreationView c)
    {
        s.Append("- ").Append(c.Name).Append(" [").Append(c.Id).Append("] (").Append(c.Kind.ToString().ToLowerInvariant());
        if (c.HolderName is { } holder)
        {
            s.Append(", held by ").Append(holder);
        }
        else if (c.PlaceName is { } place)
        {
            s.Append(", at ").Append(place);
        }
        s.Append(')');
        if (c.Description.Length > 0)
        {
            s.Append(": ").Append(c.Description);
        }
        s.Append(c.Source switch
        {
            OriginSource.User => $"; made by the user{(c.ByName is { } u ? $" ({u})" : "")} at turn {c.Turn}",
            OriginSource.Character => $"; made by {c.ByName ?? "someone"} at turn {c.Turn}",
            _ => "; there from the start",
        });
        s.Append(c.ToldByName is { } told ? $"; told by {told}" : "; you were there");
        AppendCreationTies(s, c, "; ties: ", ", ");
        s.AppendLine();
    }

    /// <summary>"- 林月 [lin-yue]（人物，在雾港）：织布的人；由用户（任）在第12回合创造；由米拉告知；关系：林月 sister-of 任 0.8".</summary>
    private static void AppendCreationZh(StringBuilder s, CreationView c)
    {
        s.Append("- ").Append(c.Name).Append(" [").Append(c.Id).Append("]（").Append(c.Kind switch
        {
            EntityKind.Character => "人物",
            EntityKind.Place => "地点",
            EntityKind.Item => "物品",
            EntityKind.Faction => "势力",
            _ => "概念",
        });
        if (c.HolderName is { } holder)
        {
            s.Append("，由").Append(holder).Append("持有");
        }
        else if (c.PlaceName is { } place)
        {
            s.Append("，在").Append(place);
        }
        s.Append('）');
        if (c.Description.Length > 0)
        {
            s.Append('：').Append(c.Description);
        }
        s.Append(c.Source switch
        {
            OriginSource.User => $"；由用户{(c.ByName is { } u ? $"（{u}）" : "")}在第{c.Turn}回合创造",
            OriginSource.Character => $"；由{c.ByName ?? "某人"}在第{c.Turn}回合创造",
            _ => "；从一开始就存在",
        });
        s.Append(c.ToldByName is { } told ? $"；由{told}告知" : "；你当时在场");
        AppendCreationTies(s, c, "；关系：", "，");
        s.AppendLine();
    }

    private static void AppendCreationTies(StringBuilder s, CreationView c, string header, string separator)
    {
        if (!c.Ties.IsDefaultOrEmpty)
        {
            s.Append(header).AppendJoin(separator, c.Ties.Select(t => $"{t.FromName} {t.Type} {t.ToName} {t.Strength:0.0}"));
        }
    }

    private static void AppendSummaryLine(StringBuilder s, string line) => s.AppendLine(line);

    private static void AppendHeard(StringBuilder s, HeardLine line) => s.Append(line.SpeakerName).Append(": ").AppendLine(line.Text);

    /// <summary>Token counts of one perspective's text, and of every trimming of it. The trimmed lists (ties, facts, creations,
    /// summary, lines heard) render one item per line, each starting with a character other than white space, so a list's count is its
    /// header's plus its items'; a trimming keeps a run of each list (the first or last items), whose count is a difference of prefix sums.
    /// The other sections are counted once, and the persona again only when its example lines are trimmed.</summary>
    private sealed class TrimCounts
    {
        private readonly TokenCounter _tokens;

        /// <summary>One buffer every section and item is rendered into to be counted: a line the counter has seen is then counted
        /// without a string being made of it.</summary>
        private readonly StringBuilder _text = new(1024);
        private readonly int _fixed;
        private readonly int[] _ties, _facts, _creations, _summary, _heard;
        private readonly int _tiesHeader, _factsHeader, _creationsHeader, _summaryHeader;
        private Persona _persona;
        private int _personaCount;

        public TrimCounts(Perspective full, TokenCounter tokens)
        {
            _tokens = tokens;
            _fixed = Count(RenderPlace, full) + Count(RenderPresent, full) + Count(RenderItems, full) + Count(RenderNow, full)
                + Count((s, _) => s.AppendLine(JustSaidHeader), full);
            (_persona, _personaCount) = (full.Persona, Count(RenderPersona, full));
            (_tiesHeader, _factsHeader, _summaryHeader) = (Line(TiesHeader), Line(KnownHeader), Line(EarlierHeader));
            _creationsHeader = Line(CreationsHeader(full.Language));
            _ties = PrefixSums(full.Relationships, AppendTie);
            _facts = PrefixSums(full.Facts, AppendFact);
            _creations = PrefixSums(full.Creations, Chinese(full.Language) ? AppendCreationZh : AppendCreation);
            _summary = PrefixSums(full.Summary, AppendSummaryLine);
            _heard = PrefixSums(full.RecentLines, AppendHeard);
        }

        /// <summary>The count of <paramref name="p"/>'s text: <paramref name="p"/> is the perspective or one of its trimmings.</summary>
        public int Of(Perspective p)
        {
            if (!ReferenceEquals(p.Persona, _persona))
            {
                (_persona, _personaCount) = (p.Persona, Count(RenderPersona, p));
            }
            return _fixed + _personaCount
                + List(_ties, _tiesHeader, p.Relationships.Length, fromEnd: false)
                + List(_facts, _factsHeader, p.Facts.Length, fromEnd: false)
                + List(_creations, _creationsHeader, p.Creations.Length, fromEnd: false)
                + List(_summary, _summaryHeader, p.Summary.Length, fromEnd: true)
                + List(_heard, 0, p.RecentLines.Length, fromEnd: true);
        }

        /// <summary>A list kept to its first (or, <paramref name="fromEnd"/>, its last) <paramref name="kept"/> items.</summary>
        private static int List(int[] prefix, int header, int kept, bool fromEnd)
        {
            if (kept == 0)
            {
                return 0;
            }
            var all = prefix.Length - 1;
            return header + (fromEnd ? prefix[all] - prefix[all - kept] : prefix[kept]);
        }

        private int[] PrefixSums<T>(ImmutableArray<T> items, Action<StringBuilder, T> append)
        {
            var sums = new int[items.Length + 1];
            for (var i = 0; i < items.Length; i++)
            {
                append(_text.Clear(), items[i]);
                sums[i + 1] = sums[i] + Counted();
            }
            return sums;
        }

        private int Count(Action<StringBuilder, Perspective> section, Perspective p)
        {
            section(_text.Clear(), p);
            return Counted();
        }

        /// <summary>The count of what <see cref="_text"/> holds: its one chunk as it is, or, past its capacity, as a string.</summary>
        private int Counted()
        {
            foreach (var chunk in _text.GetChunks())
            {
                return chunk.Length == _text.Length ? _tokens.Count(chunk.Span) : _tokens.Count(_text.ToString());
            }
            return 0;
        }

        private int Line(string header) => _tokens.Count(header + Environment.NewLine);
    }

    private const string TiesHeader = "## Ties";
    private const string KnownHeader = "## Known";
    private const string EarlierHeader = "## Earlier";
    private const string JustSaidHeader = "## Just said";

    private static void RenderPersona(StringBuilder s, Perspective p)
    {
        var persona = p.Persona;
        s.Append("# You are ").Append(persona.Name).Append(" in ").Append(p.WorldName).AppendLine();
        s.AppendLine(persona.Description);
        if (persona.Traits.Length > 0)
        {
            s.Append("Personality: ").AppendJoin(", ", persona.Traits).AppendLine();
        }
        if (persona.SpeechStyle.Length > 0)
        {
            s.Append("Speech: ").AppendLine(persona.SpeechStyle);
        }
        foreach (var line in persona.ExampleLines.Take(2))
        {
            s.Append("Example: \"").Append(line).AppendLine("\"");
        }
        if (persona.Goals.Length > 0)
        {
            s.Append("Goals: ").AppendJoin("; ", persona.Goals).AppendLine();
        }
        s.Append("Language: ").AppendLine(p.Language);
    }

    private static void RenderPlace(StringBuilder s, Perspective p)
    {
        s.Append("## Where: ").Append(p.Place.Name).Append(" (turn ").Append(p.Turn).Append(", minute ").Append(p.StoryMinute)
            .AppendLine(")");
        if (p.Place.Description.Length > 0)
        {
            s.AppendLine(p.Place.Description);
        }
        s.Append("Exits: ").AppendJoin(", ", p.Place.Exits.Select(e => $"{e.Name} [{e.To}] {e.Minutes}m")).AppendLine();
    }

    private static void RenderPresent(StringBuilder s, Perspective p)
    {
        s.AppendLine("## Present");
        foreach (var who in p.Present)
        {
            s.Append("- ").Append(who.Name).Append(" [").Append(who.Id).Append("] (").Append(who.Pronouns)
                .Append(who.IsUser ? ", the user" : "").Append(')');
            foreach (var tie in who.Ties)
            {
                s.Append("; ").Append(tie.FromName).Append(' ').Append(tie.Type).Append(' ').Append(tie.ToName)
                    .Append($" {tie.Strength:0.0}");
            }
            s.AppendLine();
        }
    }

    private static void RenderItems(StringBuilder s, Perspective p)
    {
        if (p.Items.Length > 0)
        {
            s.Append("Items: ")
                .AppendJoin(", ", p.Items.Select(i => i.HolderName is { } h ? $"{i.Name} [{i.Id}] held by {h}" : $"{i.Name} [{i.Id}]"))
                .AppendLine();
        }
    }

    private static void RenderNow(StringBuilder s, Perspective p)
    {
        var cue = p.Cue;
        s.Append("## Now: ").Append(cue.Offstage ? $"you are away from the scene at {cue.ScenePlaceName}" : "your turn").Append("; pacing ")
            .AppendLine(cue.Pacing.ToString().ToLowerInvariant());
        if (cue.Objectives.Length > 0)
        {
            s.Append("Scene objectives: ").AppendJoin("; ", cue.Objectives).AppendLine();
        }
        if (cue.AnswerTo is { } answer)
        {
            s.Append("Answer ").Append(answer.SpeakerName).Append(": ").AppendLine(answer.Text);
        }
        foreach (var refused in cue.RefusedLastTurn)
        {
            s.Append("Refused last turn: ").AppendLine(refused);
        }
    }
}
