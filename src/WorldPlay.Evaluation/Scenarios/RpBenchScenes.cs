using System.Collections.Immutable;
using System.Text.Json;

namespace WorldPlay.Evaluation.Scenarios;

/// <summary>RPBench-Auto's <c>scenes.jsonl</c>: one scene setting per line, with an NPC profile, the setting's background,
/// a plot recap, objectives and an opening NPC message.</summary>
internal static class RpBenchScenes
{
    private static readonly ImmutableHashSet<string> ProfileFieldsMapped =
        ["name", "age", "personality", "interests", "communication_style", "background"];

    public static IEnumerable<Func<RecordOutcome>> Records(string path, ScenarioImportOptions options) =>
        JsonLines.Records(path, fields => Import(fields, options));

    private static RecordOutcome Import(RecordFields f, ScenarioImportOptions options)
    {
        var id = f.Text("id", required: true);
        var name = f.Object("npc_profile") ? f.Text("npc_profile.name", required: true) : null;
        var background = f.Text("background", required: true);
        var npc = name ?? "";
        string Text(string? text) => SourceText.Substitute(text ?? "", npc, options.UserName);

        var description = new List<string>();
        if (f.Text("npc_profile.background") is { } life)
        {
            description.Add(Sentence(life));
        }
        if (f.Text("npc_profile.age") is { } age)
        {
            description.Add($"Age: {Sentence(age)}");
        }
        if (f.Text("npc_profile.interests") is { } interests)
        {
            description.Add($"Interests: {Sentence(interests)}");
        }
        // Some profiles carry fields of their own (housemates, family relations); they describe the NPC too.
        if (f.Element("npc_profile") is { ValueKind: JsonValueKind.Object } profile)
        {
            foreach (var extra in profile.EnumerateObject().Where(p => !ProfileFieldsMapped.Contains(p.Name)))
            {
                if (f.Text($"npc_profile.{extra.Name}") is { } value)
                {
                    description.Add($"{RecordFields.Label(extra.Name)}: {Sentence(value)}");
                }
            }
        }
        var personality = f.Text("npc_profile.personality");
        var facts = ImmutableArray.CreateBuilder<FactDraft>();
        facts.AddRange(SourceText.Bullets(background).Select(b => new FactDraft(FactTopic.Lore, Text(b))));
        facts.AddRange(SourceText.Bullets(f.Text("plot_recap")).Select(b => new FactDraft(FactTopic.StorySoFar, Text(b))));
        if (f.Text("npc_status") is { } status)
        {
            facts.Add(new FactDraft(FactTopic.NpcState, Text(status)));
        }
        var opening = OpeningMessage(f);
        if (f.Problems.Count > 0)
        {
            return RecordOutcome.Failed(f.Problems);
        }
        var draft = new SceneDraft(
            ScenarioId: $"rpbench-scenes-{SourceText.Slug(id)}",
            Format: ScenarioFormat.RpBenchScene,
            Title: $"{npc} (RPBench-Auto scene {id})",
            Genre: "role-play scene from RPBench-Auto",
            Lore: Text(string.Join(" ", SourceText.Bullets(background).Select(Sentence))),
            Language: options.Language,
            Npc: new CastDraft(
                npc,
                Text(description.Count > 0 ? string.Join(" ", description) : personality ?? npc),
                [.. SourceText.Traits(personality).Select(Text)],
                f.Text("npc_profile.communication_style") is { } style ? Text(style) : null,
                []),
            User: new CastDraft(options.UserName, "The person the user plays, whom the scene addresses as \"you\".", [], null, []),
            Facts: facts.ToImmutable(),
            Objectives: [.. SourceText.Bullets(f.Text("objectives")).Select(Text)],
            Progression: [.. SourceText.Bullets(f.Text("progression")).Select(Text)],
            OpeningMessage: opening is null ? null : Text(opening),
            AlternateGreetings: [],
            Instructions: null);
        return RecordOutcome.Of(draft.Build(f.Where with { RecordId = id }));
    }

    /// <summary>The first NPC turn of the record's conversation, its sentences one per line.</summary>
    public static string? OpeningMessage(RecordFields f)
    {
        var turns = f.List("conversation");
        for (var i = 0; i < turns.Length; i++)
        {
            if (turns[i].ValueKind != JsonValueKind.Object)
            {
                f.Problem($"conversation[{i}]",
                    $"is {RecordFields.Kind(turns[i])}, expected an object {{ \"from\": ..., \"sentences\": [...] }}");
                continue;
            }
            var turn = f.Within(turns[i], $"conversation[{i}]");
            var from = turn.Text("from", required: true);
            var sentences = turn.Texts("sentences");
            if (from == "npc")
            {
                if (sentences.IsEmpty)
                {
                    turn.Problem("sentences", "is missing or empty; the NPC's opening turn needs at least one sentence");
                    return null;
                }
                return string.Join("\n", sentences);
            }
        }
        return null;
    }

    private static string Sentence(string text)
    {
        var t = text.Trim();
        return t.Length == 0 || ".!?…\"'".Contains(t[^1], StringComparison.Ordinal) ? t : t + ".";
    }
}
