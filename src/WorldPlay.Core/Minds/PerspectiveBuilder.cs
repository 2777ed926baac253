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

    public static Perspective Build(Persona persona, CharacterMemory memory, WorldSlice slice, SceneCue cue, int budget, TokenCounter tokens)
    {
        var lines = memory.RecentSpeech
            .TakeLast(RecentLines)
            .Select(e => new HeardLine(e.Seq, e.Turn, e.Actor, memory.NameOf(e.Actor), ((Spoke)e.Change).Text, ((Spoke)e.Change).Addressees))
            .ToImmutableArray();
        var perspective = new Perspective(
            persona, slice.WorldName, slice.Language, slice.Turn, slice.StoryMinute, slice.Place, slice.Present, slice.Items,
            slice.Relationships, slice.Facts, memory.Summary, lines, cue, 0, budget);

        // Trim the least needed first: old summary, distant facts and ties, then older lines, until it fits.
        var count = tokens.Count(Render(perspective));
        if (count <= budget)
        {
            return perspective with { TokenCount = count };
        }
        // Each step removes a line, so the count falls from step to step: a binary search finds the first step that fits
        // (or the last step) with a few counts rather than one count per step. Counting is most of the cost of a turn.
        var steps = new List<Perspective>();
        for (var step = Trim(perspective); step is not null; step = Trim(step))
        {
            steps.Add(step);
        }
        if (steps.Count == 0)
        {
            return perspective with { TokenCount = count };
        }
        var counts = new int?[steps.Count];
        int CountOf(int i) => counts[i] ??= tokens.Count(Render(steps[i]));
        int lo = 0, hi = steps.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (CountOf(mid) <= budget)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }
        return steps[lo] with { TokenCount = CountOf(lo) };
    }

    private static Perspective? Trim(Perspective p) => p switch
    {
        { Summary.Length: > 2 } => p with { Summary = p.Summary.RemoveAt(0) },
        { Facts.Length: > 4 } => p with { Facts = p.Facts.RemoveAt(p.Facts.Length - 1) },
        { Relationships.Length: > 4 } => p with { Relationships = p.Relationships.RemoveAt(p.Relationships.Length - 1) },
        { RecentLines.Length: > 3 } => p with { RecentLines = p.RecentLines.RemoveAt(0) },
        { Summary.Length: > 0 } => p with { Summary = p.Summary.RemoveAt(0) },
        { Facts.Length: > 0 } => p with { Facts = p.Facts.RemoveAt(p.Facts.Length - 1) },
        { Relationships.Length: > 0 } => p with { Relationships = p.Relationships.RemoveAt(p.Relationships.Length - 1) },
        { Persona.ExampleLines.Length: > 0 } => p with { Persona = p.Persona with { ExampleLines = p.Persona.ExampleLines.RemoveAt(0) } },
        { RecentLines.Length: > 1 } => p with { RecentLines = p.RecentLines.RemoveAt(0) },
        _ => null,
    };

    /// <summary>The perspective as text, in the order a model should read it. Token counts are taken of this text.</summary>
    public static string Render(Perspective p)
    {
        var s = new StringBuilder();
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
        s.Append("## Where: ").Append(p.Place.Name).Append(" (turn ").Append(p.Turn).Append(", minute ").Append(p.StoryMinute).AppendLine(")");
        if (p.Place.Description.Length > 0)
        {
            s.AppendLine(p.Place.Description);
        }
        s.Append("Exits: ").AppendJoin(", ", p.Place.Exits.Select(e => $"{e.Name} [{e.To}] {e.Minutes}m")).AppendLine();
        s.AppendLine("## Present");
        foreach (var who in p.Present)
        {
            s.Append("- ").Append(who.Name).Append(" [").Append(who.Id).Append("] (").Append(who.Pronouns).Append(who.IsUser ? ", the user" : "").Append(')');
            foreach (var tie in who.Ties)
            {
                s.Append("; ").Append(tie.FromName).Append(' ').Append(tie.Type).Append(' ').Append(tie.ToName).Append($" {tie.Strength:0.0}");
            }
            s.AppendLine();
        }
        if (p.Items.Length > 0)
        {
            s.Append("Items: ").AppendJoin(", ", p.Items.Select(i => i.HolderName is { } h ? $"{i.Name} [{i.Id}] held by {h}" : $"{i.Name} [{i.Id}]")).AppendLine();
        }
        if (p.Relationships.Length > 0)
        {
            s.AppendLine("## Ties");
            foreach (var r in p.Relationships)
            {
                s.Append("- ").Append(r.FromName).Append(' ').Append(r.Type).Append(' ').Append(r.ToName).AppendLine($" {r.Strength:0.0}");
            }
        }
        if (p.Facts.Length > 0)
        {
            s.AppendLine("## Known");
            foreach (var f in p.Facts)
            {
                s.Append("- ").Append(f.IsOwnSecret ? "(secret) " : "").Append(f.SubjectName).Append(' ').Append(f.Predicate).Append(' ').AppendLine(f.Value);
            }
        }
        if (p.Summary.Length > 0)
        {
            s.AppendLine("## Earlier");
            foreach (var line in p.Summary)
            {
                s.AppendLine(line);
            }
        }
        s.AppendLine("## Just said");
        foreach (var line in p.RecentLines)
        {
            s.Append(line.SpeakerName).Append(": ").AppendLine(line.Text);
        }
        var cue = p.Cue;
        s.Append("## Now: ").Append(cue.Offstage ? $"you are away from the scene at {cue.ScenePlaceName}" : "your turn").Append("; pacing ").AppendLine(cue.Pacing.ToString().ToLowerInvariant());
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
        return s.ToString();
    }
}
