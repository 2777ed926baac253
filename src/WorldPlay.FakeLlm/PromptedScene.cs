using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using WorldPlay.Core;

namespace WorldPlay.FakeLlm;

/// <summary>Someone the prompt lists under <c>## Present</c>, with the ties the speaker sees (as rendered: "A type B 0.6").</summary>
internal sealed record PresentPerson(EntityId Id, string Name, bool IsUser, ImmutableArray<string> Ties);

internal sealed record ItemInView(EntityId Id, string Name, string? HolderName);

internal sealed record ExitInView(EntityId To, string Name, int Minutes);

internal sealed record SaidLine(string SpeakerName, string Text);

/// <summary>The scene as a prompt rendered by <c>PerspectiveBuilder.Render</c> describes it: who speaks, who is present,
/// items, exits, what was just said and which line to answer. Parts the prompt lacks are empty; nothing here is guessed
/// beyond what the text says, so a reply built from it only names what the prompt named.</summary>
internal sealed partial record PromptedScene(
    string? SpeakerName,
    EntityId? SpeakerId,
    string? PlaceName,
    ImmutableArray<PresentPerson> Present,
    ImmutableArray<ItemInView> Items,
    ImmutableArray<ExitInView> Exits,
    ImmutableArray<string> Goals,
    ImmutableArray<SaidLine> JustSaid,
    SaidLine? AnswerTo,
    string? Pacing,
    string? OffstageFrom)
{
    /// <summary>True when the prompt is a character's perspective (it says who the speaker is).</summary>
    public bool IsPerspective => SpeakerName is not null;

    /// <summary>Someone present by name (case-insensitive), if any.</summary>
    public PresentPerson? PresentNamed(string name) =>
        Present.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads the scene from the prompt text. When several perspectives appear, the last one counts.</summary>
    public static PromptedScene Read(string prompt)
    {
        var lines = prompt.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var start = Array.FindLastIndex(lines, l => l.StartsWith("# You are ", StringComparison.Ordinal));
        string? speakerName = null;
        EntityId? speakerId = null;
        if (start >= 0)
        {
            var header = Header().Match(lines[start]);
            if (header.Success)
            {
                speakerName = header.Groups["name"].Value;
                speakerId = header.Groups["id"].Success ? new EntityId(header.Groups["id"].Value) : (EntityId?)null;
            }
        }
        if (speakerId is null && OwnIdStatement().Match(prompt) is { Success: true } own
            && EntityId.IsSlug(own.Groups["id"].Value.ToLowerInvariant()))
        {
            speakerId = new EntityId(own.Groups["id"].Value.ToLowerInvariant());
        }

        string? place = null, pacing = null, offstage = null;
        SaidLine? answer = null;
        var present = ImmutableArray.CreateBuilder<PresentPerson>();
        var items = ImmutableArray.CreateBuilder<ItemInView>();
        var exits = ImmutableArray.CreateBuilder<ExitInView>();
        var goals = ImmutableArray.CreateBuilder<string>();
        var said = ImmutableArray.CreateBuilder<SaidLine>();
        var section = "";
        foreach (var line in lines.AsSpan(Math.Max(start, 0)))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                section = line.Length > 3 ? line[3..].Split(':', 2)[0].Trim() : "";
                if (line.StartsWith("## Where: ", StringComparison.Ordinal))
                {
                    place = WhereName().Match(line[10..]) is { Success: true } w ? w.Groups["name"].Value : line[10..].Trim();
                }
                else if (line.StartsWith("## Now: ", StringComparison.Ordinal))
                {
                    offstage = Offstage().Match(line) is { Success: true } o ? o.Groups["place"].Value : null;
                    pacing = PacingWord().Match(line) is { Success: true } p ? p.Groups["pacing"].Value : null;
                }
                continue;
            }
            if (line.StartsWith("Goals: ", StringComparison.Ordinal))
            {
                goals.AddRange(line[7..].Split("; ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
            else if (line.StartsWith("Exits: ", StringComparison.Ordinal))
            {
                exits.AddRange(Exit().Matches(line[7..]).Select(e =>
                    new ExitInView(new EntityId(e.Groups["id"].Value), e.Groups["name"].Value.Trim(' ', ','),
                        int.Parse(e.Groups["minutes"].Value, CultureInfo.InvariantCulture))));
            }
            else if (line.StartsWith("Items: ", StringComparison.Ordinal))
            {
                items.AddRange(Item().Matches(line[7..]).Select(i =>
                    new ItemInView(new EntityId(i.Groups["id"].Value), i.Groups["name"].Value.Trim(' ', ','),
                        i.Groups["holder"].Success ? i.Groups["holder"].Value : null)));
            }
            else if (line.StartsWith("Answer ", StringComparison.Ordinal) && Answer().Match(line) is { Success: true } a)
            {
                answer = new SaidLine(a.Groups["name"].Value, a.Groups["text"].Value);
            }
            else if (section == "Present" && Person().Match(line) is { Success: true } person)
            {
                var about = person.Groups["about"].Value;
                var ties = person.Groups["ties"].Value.Split("; ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                present.Add(new PresentPerson(new EntityId(person.Groups["id"].Value), person.Groups["name"].Value,
                    about.EndsWith("the user", StringComparison.Ordinal), [.. ties]));
            }
            else if (section == "Just said" && Said().Match(line) is { Success: true } heard)
            {
                said.Add(new SaidLine(heard.Groups["name"].Value, heard.Groups["text"].Value));
            }
        }
        return new PromptedScene(speakerName, speakerId, place, present.ToImmutable(), items.ToImmutable(), exits.ToImmutable(),
            goals.ToImmutable(), said.ToImmutable(), answer, pacing, offstage);
    }

    /// <summary>Every id in square brackets that is not an item's or an exit's, in order of appearance: the candidates when a
    /// prompt lists people without a <c>## Present</c> section.</summary>
    public static ImmutableArray<EntityId> BracketedIds(string prompt)
    {
        var ids = new List<EntityId>();
        foreach (var line in prompt.Split('\n'))
        {
            if (line.StartsWith("Items: ", StringComparison.Ordinal) || line.StartsWith("Exits: ", StringComparison.Ordinal))
            {
                continue;
            }
            ids.AddRange(Bracketed().Matches(line).Select(m => new EntityId(m.Groups["id"].Value)));
        }
        return [.. ids.Distinct()];
    }

    private const string Slug = "[a-z0-9][a-z0-9-]{0,63}";

    [GeneratedRegex(@"^# You are (?<name>.+?)(?: \[(?<id>" + Slug + @")\])? in .+$")]
    private static partial Regex Header();

    // "Your id is mira", "your id: mira", "(id: mira)": how a prompt may name the speaker's own id, which the perspective omits.
    [GeneratedRegex(@"\b(?:your (?:own )?(?:entity )?id|self id)\s*(?:is|:|=)\s*[`'""\[]?(?<id>" + Slug + @")\b", RegexOptions.IgnoreCase)]
    private static partial Regex OwnIdStatement();

    [GeneratedRegex(@"^(?<name>.+?) \(turn \d+")]
    private static partial Regex WhereName();

    [GeneratedRegex(@"away from the scene at (?<place>.+?); pacing")]
    private static partial Regex Offstage();

    [GeneratedRegex(@"; pacing (?<pacing>[a-z]+)")]
    private static partial Regex PacingWord();

    [GeneratedRegex(@"(?<name>[^,\[]+?) \[(?<id>" + Slug + @")\] (?<minutes>\d+)m")]
    private static partial Regex Exit();

    [GeneratedRegex(@"(?<name>[^\[]+?) \[(?<id>" + Slug + @")\](?: held by (?<holder>.+?))?(?=, [^\[]+ \[" + Slug + @"\]|$)")]
    private static partial Regex Item();

    [GeneratedRegex(@"^Answer (?<name>[^:]+): (?<text>.*)$")]
    private static partial Regex Answer();

    [GeneratedRegex(@"^- (?<name>.+?) \[(?<id>" + Slug + @")\] \((?<about>[^)]*)\)(?:; (?<ties>.*))?$")]
    private static partial Regex Person();

    [GeneratedRegex(@"^(?<name>[^:]{1,80}): (?<text>.*)$")]
    private static partial Regex Said();

    [GeneratedRegex(@"\[(?<id>" + Slug + @")\]")]
    private static partial Regex Bracketed();
}
