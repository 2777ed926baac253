using System.Collections.Immutable;
using System.Text.Json;

namespace WorldPlay.Evaluation.Scenarios;

/// <summary>Character Card V2 (<c>{"spec": "chara_card_v2", "spec_version": "2.0", "data": {...}}</c>): one card per JSON file.
/// Lore-book entries become lore facts; disabled entries are left out.</summary>
internal static class CharacterCards
{
    public const string Spec = "chara_card_v2";

    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static IEnumerable<Func<RecordOutcome>> Records(string path, ScenarioImportOptions options)
    {
        yield return () => Import(path, options);
    }

    private static RecordOutcome Import(string path, ScenarioImportOptions options)
    {
        var where = new ScenarioProblem(Path.GetFileName(path), null, null, "", "");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), Options);
        }
        catch (JsonException e)
        {
            var message = $"is not valid JSON at line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}";
            return RecordOutcome.Failed([where with { Message = message }]);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                var message =
                    $"is {RecordFields.Kind(document.RootElement)}; a character card is one JSON object {{ \"spec\": \"{Spec}\", ... }}";
                return RecordOutcome.Failed([where with { Message = message }]);
            }
            return Import(new RecordFields(document.RootElement, where), Path.GetFileNameWithoutExtension(path), options);
        }
    }

    private static RecordOutcome Import(RecordFields f, string stem, ScenarioImportOptions options)
    {
        if (f.Text("spec", required: true) is { } spec && spec != Spec)
        {
            f.Problem("spec", $"is '{spec}'; only Character Card V2 ('{Spec}') is supported");
        }
        if (f.Text("spec_version") is { } version && !version.StartsWith("2", StringComparison.Ordinal))
        {
            f.Problem("spec_version", $"is '{version}'; only version 2.x of '{Spec}' is supported");
        }
        var name = f.Object("data") ? f.Text("data.name", required: true) : null;
        var npc = name ?? "";
        string Text(string? text) => SourceText.Substitute(text ?? "", npc, options.UserName).Trim();

        var description = f.Text("data.description");
        var personality = f.Text("data.personality");
        var scenario = f.Text("data.scenario");
        if (name is not null && description is null && personality is null && scenario is null)
        {
            f.Problem("data.description",
                "is missing, and so are data.personality and data.scenario; one of them must say who the character is");
        }
        var traits = SourceText.Traits(Text(personality));
        var who = description ?? personality ?? scenario ?? "";
        // A personality written as prose, not as a list of words, is kept in the description rather than lost.
        if (personality is not null && who != personality && traits.IsEmpty)
        {
            who = $"{who}\n\nPersonality: {personality}";
        }
        var (exampleLines, _) = RpBenchCharacters.Definition(Text(f.Text("data.mes_example")), npc, options.UserName);
        var lore = LoreBook(f, Text);
        var greetings = f.Texts("data.alternate_greetings");
        var tags = f.Texts("data.tags");
        var opening = f.Text("data.first_mes");
        var instructions = string.Join("\n\n",
            new[] { f.Text("data.system_prompt"), f.Text("data.post_history_instructions") }.OfType<string>());
        if (f.Problems.Count > 0)
        {
            return RecordOutcome.Failed(f.Problems);
        }
        var facts = ImmutableArray.CreateBuilder<FactDraft>();
        facts.AddRange(lore.Select(l => new FactDraft(FactTopic.Lore, l)));
        facts.AddRange(SourceText.Bullets(Text(scenario)).Select(s => new FactDraft(FactTopic.StorySoFar, s)));
        var draft = new SceneDraft(
            ScenarioId: $"card-{SourceText.Slug(stem) ?? SourceText.Slug(name) ?? "character"}",
            Format: ScenarioFormat.CharacterCard,
            Title: npc,
            Genre: tags.IsEmpty ? "character card role-play" : string.Join(", ", tags.Take(3)),
            Lore: Text(scenario ?? who),
            Language: options.Language,
            Npc: new CastDraft(npc, Text(who), traits, null, exampleLines),
            User: new CastDraft(options.UserName, "The person the user plays, the card's {{user}}.", [], null, []),
            Facts: facts.ToImmutable(),
            Objectives: [],
            Progression: [],
            OpeningMessage: opening is null ? null : Text(opening),
            AlternateGreetings: [.. greetings.Select(Text)],
            Instructions: instructions.Length == 0 ? null : Text(instructions));
        return RecordOutcome.Of(draft.Build(f.Where));
    }

    /// <summary>The contents of the enabled lore-book entries, in insertion order (entries without one keep their place at the
    /// end).</summary>
    private static ImmutableArray<string> LoreBook(RecordFields f, Func<string?, string> text)
    {
        if (f.Element("data.character_book") is null)
        {
            return [];
        }
        var entries = new List<(double Order, int Index, string Content)>();
        var list = f.List("data.character_book.entries");
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i].ValueKind != JsonValueKind.Object)
            {
                f.Problem($"data.character_book.entries[{i}]",
                    $"is {RecordFields.Kind(list[i])}, expected an object {{ \"keys\": [...], \"content\": ... }}");
                continue;
            }
            var entry = f.Within(list[i], $"data.character_book.entries[{i}]");
            var enabled = entry.Flag("enabled") ?? true;
            var content = entry.Text("content", required: enabled);
            entry.Texts("keys");
            var order = entry.Number("insertion_order") ?? double.MaxValue;
            if (enabled && content is not null)
            {
                entries.Add((order, i, text(content)));
            }
        }
        return [.. entries.OrderBy(e => e.Order).ThenBy(e => e.Index).SelectMany(e => SourceText.Paragraphs(e.Content))];
    }
}
