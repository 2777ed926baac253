using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace WorldPlay.Evaluation.Scenarios;

/// <summary>RPBench-Auto's <c>characters.jsonl</c>: one community character profile per line (name, title, description,
/// definition texts) with an opening NPC message.</summary>
internal static partial class RpBenchCharacters
{
    public static IEnumerable<Func<RecordOutcome>> Records(string path, ScenarioImportOptions options) =>
        JsonLines.Records(path, fields => Import(fields, options));

    private static RecordOutcome Import(RecordFields f, ScenarioImportOptions options)
    {
        var id = f.Text("id", required: true);
        var name = f.Object("npc_profile") ? f.Text("npc_profile.name_text", required: true) : null;
        var npc = name ?? "";
        string Text(string? text) => SourceText.Substitute(text ?? "", npc, options.UserName).Trim();

        var description = f.Text("npc_profile.description");
        var longDefinition = f.Text("npc_profile.long_definition_text");
        var shortDefinition = f.Text("npc_profile.short_definition_text");
        var title = f.Text("npc_profile.title");
        // In this data long_definition_text rephrases description; it stands in when description is empty.
        var who = description ?? longDefinition ?? shortDefinition ?? title;
        if (who is null && name is not null)
        {
            f.Problem("npc_profile.description",
                "is missing, and so are long_definition_text, short_definition_text and title; one of them must say who the character is");
        }
        var (exampleLines, story) = Definition(Text(f.Text("npc_profile.definition_text")), npc, options.UserName);
        var opening = RpBenchScenes.OpeningMessage(f);
        var instructions = f.Text("background");
        if (f.Problems.Count > 0)
        {
            return RecordOutcome.Failed(f.Problems);
        }
        var facts = ImmutableArray.CreateBuilder<FactDraft>();
        facts.AddRange(SourceText.Paragraphs(Text(who)).Select(p => new FactDraft(FactTopic.StorySoFar, p)));
        facts.AddRange(story.Select(p => new FactDraft(FactTopic.StorySoFar, p)));
        var draft = new SceneDraft(
            ScenarioId: $"rpbench-characters-{SourceText.Slug(id)}",
            Format: ScenarioFormat.RpBenchCharacter,
            Title: $"{npc} (RPBench-Auto character {id})",
            Genre: "role-play chat from RPBench-Auto",
            Lore: Text(who),
            Language: options.Language,
            Npc: new CastDraft(npc, Text(who), [.. SourceText.Traits(Text(shortDefinition ?? title))], null, exampleLines),
            User: new CastDraft(options.UserName, "The person the user plays, whom the character addresses as \"you\".", [], null, []),
            Facts: facts.ToImmutable(),
            Objectives: [],
            Progression: [],
            OpeningMessage: opening is null ? null : Text(opening),
            AlternateGreetings: [],
            Instructions: instructions);
        return RecordOutcome.Of(draft.Build(f.Where with { RecordId = id }));
    }

    /// <summary>A definition text cut into the NPC's own lines of an example dialogue ("Marco: ...") and the paragraphs of
    /// narration around it; the lines of the user and of other speakers (<c>{{random_user_1}}: ...</c>) are dropped.</summary>
    public static (ImmutableArray<string> ExampleLines, ImmutableArray<string> Narration) Definition(string text, string npc, string user)
    {
        var lines = ImmutableArray.CreateBuilder<string>();
        var narration = new List<string>();
        var npcPrefix = npc + ":";
        var userPrefix = user + ":";
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = paragraph.Trim();
            if (line.StartsWith(npcPrefix, StringComparison.OrdinalIgnoreCase))
            {
                if (line[npcPrefix.Length..].Trim() is { Length: > 0 } said)
                {
                    lines.Add(said);
                }
            }
            else if (!line.StartsWith(userPrefix, StringComparison.OrdinalIgnoreCase)
                && !line.Equals("<START>", StringComparison.OrdinalIgnoreCase)
                && !OtherSpeaker().IsMatch(line))
            {
                narration.Add(line);
            }
        }
        return (lines.ToImmutable(), SourceText.Paragraphs(string.Join("\n", narration)));
    }

    [GeneratedRegex(@"^\{\{[^}]+\}\}\s*:")]
    private static partial Regex OtherSpeaker();
}
