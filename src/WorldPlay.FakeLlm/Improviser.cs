using System.Collections.Immutable;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WorldPlay.Core;
using WorldPlay.Core.Serialization;

namespace WorldPlay.FakeLlm;

/// <summary>What a reply is for, as read from the request.</summary>
internal enum ReplyKind
{
    /// <summary>A character's structured action: speech, narration, addressees, proposals.</summary>
    Action,

    /// <summary>A director's choice of the next speaker.</summary>
    Director,

    /// <summary>JSON following a schema that is neither of the above.</summary>
    Schema,

    /// <summary>Free text.</summary>
    Prose,

    /// <summary>The bench judge's verdicts on one reply.</summary>
    Judge,

    /// <summary>What a person's line creates or declares: creations, ties and facts.</summary>
    Extraction,
}

/// <summary>A good reply before any fault: its text, and its JSON form when it is JSON.</summary>
internal sealed record Reply(ReplyKind Kind, string Content, JsonNode? Json);

/// <summary>Plays every part a model is asked to play, without a model: reads the scene from the prompt and improvises a
/// reply that only names who and what the prompt named. Every choice comes from one seed, so the same seed and request
/// give the same reply.</summary>
internal static partial class Improviser
{
    /// <summary>How JSON replies are written: compact, with apostrophes and accents as they are.</summary>
    public static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Reply Compose(ChatRequest request, int seed)
    {
        var random = new Random(seed);
        var prompt = request.PromptText;
        var scene = PromptedScene.Read(prompt);
        var schemaProperties = SchemaProperties(request.Schema);
        var kind = KindOf(request, scene, schemaProperties);
        var json = request.Format != ReplyFormat.Text;
        switch (kind)
        {
            case ReplyKind.Judge:
                var verdicts = JudgeVerdicts.Compose(prompt);
                return new Reply(kind, verdicts.ToJsonString(Output), verdicts);
            case ReplyKind.Extraction:
                var creations = LineCreations.Compose(prompt);
                return new Reply(kind, creations.ToJsonString(Output), creations);
            case ReplyKind.Action:
                var action = Act(scene, random);
                return new Reply(kind, action.ToJsonString(Output), action);
            case ReplyKind.Director:
                var speaker = ChooseSpeaker(scene, prompt, request.Schema, random);
                if (!json)
                {
                    return new Reply(kind, speaker, null);
                }
                var askedKey = AskedKey().Match(request.InstructionText) is { Success: true } key ? key.Groups["key"].Value : "speaker";
                var choice = request.Schema is { } s
                    ? SchemaFiller.Fill(s, name => IsSpeakerProperty(name) ? speaker : Speech(scene, random).Speech, random)
                    : new JsonObject { [askedKey] = speaker };
                return new Reply(kind, choice.ToJsonString(Output), choice);
            default:
                var text = Prose(scene, prompt, random);
                if (!json)
                {
                    return new Reply(ReplyKind.Prose, text, null);
                }
                var filled = request.Schema is { } schema ? SchemaFiller.Fill(schema, _ => text, random)
                    : new JsonObject { ["reply"] = text };
                return new Reply(ReplyKind.Schema, filled.ToJsonString(Output), filled);
        }
    }

    private static ReplyKind KindOf(ChatRequest request, PromptedScene scene, ImmutableArray<string> schemaProperties)
    {
        if (JudgeVerdicts.AreAskedFor(request, schemaProperties))
        {
            return ReplyKind.Judge;
        }
        if (LineCreations.AreAskedFor(request, schemaProperties))
        {
            return ReplyKind.Extraction;
        }
        if (!schemaProperties.IsEmpty)
        {
            return schemaProperties.Contains("speech") || schemaProperties.Contains("proposals") ? ReplyKind.Action
                : schemaProperties.Any(IsSpeakerProperty) ? ReplyKind.Director
                : ReplyKind.Schema;
        }
        var instructions = request.InstructionText;
        if (instructions.Contains("proposals", StringComparison.OrdinalIgnoreCase)
            || instructions.Contains("\"speech\"", StringComparison.Ordinal))
        {
            return ReplyKind.Action;
        }
        if (AsksForSpeaker().IsMatch(instructions))
        {
            return ReplyKind.Director;
        }
        return scene.IsPerspective ? ReplyKind.Action : ReplyKind.Prose;
    }

    private static bool IsSpeakerProperty(string name) =>
        name.Contains("speaker", StringComparison.OrdinalIgnoreCase) || name.Equals("next", StringComparison.OrdinalIgnoreCase)
        || name.Equals("id", StringComparison.OrdinalIgnoreCase) || name.Equals("character", StringComparison.OrdinalIgnoreCase);

    private static ImmutableArray<string> SchemaProperties(JsonElement? schema) =>
        schema is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty("properties", out var properties)
            && properties.ValueKind == JsonValueKind.Object
            ? [.. properties.EnumerateObject().Select(p => p.Name)]
            : [];

    // ---- the structured action ------------------------------------------------------------------------------------

    private static JsonObject Act(PromptedScene scene, Random random)
    {
        var (speech, addressee) = Speech(scene, random);
        var narration = Narration(scene, addressee, random);
        var proposals = new JsonArray();
        if (Proposal(scene, addressee, random) is { } change)
        {
            proposals.Add(JsonSerializer.SerializeToNode(change, CoreSerialization.Json));
        }
        // Drawn last, so the rest of the reply is what it was before characters could create.
        foreach (var created in Creation(scene, random))
        {
            proposals.Add(JsonSerializer.SerializeToNode(created, CoreSerialization.Json));
        }
        return new JsonObject
        {
            ["speech"] = speech,
            ["narration"] = narration,
            ["addressees"] = addressee is null ? new JsonArray() : new JsonArray(addressee.Id.Value),
            ["proposals"] = proposals,
        };
    }

    /// <summary>Who is spoken to: the one whose line is to be answered, else the last one heard, else anyone present.</summary>
    private static PresentPerson? Addressee(PromptedScene scene, Random random)
    {
        if (scene.Present.IsEmpty)
        {
            return null;
        }
        if (scene.AnswerTo is { } answer && scene.PresentNamed(answer.SpeakerName) is { } asked)
        {
            return asked;
        }
        var heard = scene.JustSaid.LastOrDefault(l => !l.SpeakerName.Equals(scene.SpeakerName, StringComparison.Ordinal));
        if (heard is not null && scene.PresentNamed(heard.SpeakerName) is { } last)
        {
            return last;
        }
        return scene.Present[random.Next(scene.Present.Length)];
    }

    private static (string Speech, PresentPerson? Addressee) Speech(PromptedScene scene, Random random)
    {
        var addressee = Addressee(scene, random);
        var line = scene.AnswerTo ?? scene.JustSaid.LastOrDefault(l => !l.SpeakerName.Equals(scene.SpeakerName, StringComparison.Ordinal));
        var word = line is null ? null : PickWord(line.Text, scene, random);
        var parts = new List<string>(4);
        if (addressee is null)
        {
            parts.Add(Pick(random, Alone));
            if (scene.OffstageFrom is { } away)
            {
                parts.Add(string.Format(CultureInfo.InvariantCulture, Pick(random, Returning), away));
            }
            parts.Add(Pick(random, AloneQuestions));
            return (string.Join(' ', parts), null);
        }
        var name = FirstName(addressee.Name);
        parts.Add(string.Format(CultureInfo.InvariantCulture, Pick(random, Openers), name));
        if (word is not null)
        {
            parts.Add(string.Format(CultureInfo.InvariantCulture, Pick(random, Reactions), word, Capitalized(word)));
        }
        if (Remark(scene, random) is { } remark)
        {
            parts.Add(remark);
        }
        var questions = word is null ? Questions : [.. Questions, .. WordQuestions];
        parts.Add(string.Format(CultureInfo.InvariantCulture, Pick(random, questions), name, word));
        return (string.Join(' ', parts), addressee);
    }

    private static string? Remark(PromptedScene scene, Random random)
    {
        var remarks = new List<string>();
        if (scene.PlaceName is { } place)
        {
            remarks.AddRange(PlaceRemarks.Select(r => string.Format(CultureInfo.InvariantCulture, r, MidSentence(place), place)));
        }
        foreach (var item in scene.Items.Where(i => i.HolderName == scene.SpeakerName && scene.SpeakerName is not null))
        {
            remarks.AddRange(HeldItemRemarks.Select(r => string.Format(CultureInfo.InvariantCulture, r, WithArticle(item.Name))));
        }
        foreach (var exit in scene.Exits)
        {
            remarks.AddRange(ExitRemarks.Select(r => string.Format(CultureInfo.InvariantCulture, r, MidSentence(exit.Name), exit.Minutes)));
        }
        foreach (var goal in scene.Goals)
        {
            remarks.Add($"You know what I am after: {Lowercased(goal.TrimEnd('.'))}.");
        }
        remarks.AddRange(scene.Pacing switch
        {
            "escalate" => EscalatingRemarks,
            "slowdown" => SlowRemarks,
            _ => PlainRemarks,
        });
        // Now and then say nothing beyond the answer and the question, so replies differ in length as well.
        return random.Next(5) == 0 ? null : remarks[random.Next(remarks.Count)];
    }

    private static string Narration(PromptedScene scene, PresentPerson? addressee, Random random)
    {
        if (scene.SpeakerName is not { } speaker)
        {
            return "";
        }
        var options = new List<string>(GeneralGestures.Select(g => string.Format(CultureInfo.InvariantCulture, g, speaker)));
        if (addressee is not null)
        {
            options.AddRange(GesturesToward.Select(g => string.Format(CultureInfo.InvariantCulture, g, speaker, addressee.Name)));
        }
        foreach (var exit in scene.Exits)
        {
            options.Add($"{speaker} glances toward {MidSentence(exit.Name)}.");
        }
        foreach (var item in scene.Items.Where(i => i.HolderName == speaker))
        {
            options.Add($"{speaker} keeps a hand on {WithArticle(item.Name)}.");
        }
        return options[random.Next(options.Count)];
    }

    /// <summary>At most one change, and only one the prompt shows to be possible.</summary>
    private static WorldChange? Proposal(PromptedScene scene, PresentPerson? addressee, Random random)
    {
        if (scene.OffstageFrom is { } scenePlace)
        {
            // Away from the scene: walk back toward it when a path leads there, as the procedural mind does.
            return scene.Exits.FirstOrDefault(e => e.Name.Equals(scenePlace, StringComparison.OrdinalIgnoreCase)) is { } back
                ? new Moved(back.To) : null;
        }
        var chance = scene.Pacing switch { "escalate" => 0.6, "slowdown" => 0.2, _ => 0.35 };
        if (random.NextDouble() >= chance)
        {
            return null;
        }
        var candidates = new List<Func<WorldChange>>
        {
            () => new TimeAdvanced(1 + random.Next(15)),
        };
        if (addressee is not null && scene.SpeakerId is { } self && scene.SpeakerName is { } speaker)
        {
            candidates.Add(() => TieChange(self, speaker, addressee, random));
        }
        if (addressee is not null && scene.SpeakerName is not null)
        {
            foreach (var item in scene.Items.Where(i => i.HolderName == scene.SpeakerName))
            {
                candidates.Add(() => new Gave(item.Id, addressee.Id));
            }
        }
        return candidates[random.Next(candidates.Count)]();
    }

    /// <summary>A tie from the speaker to the addressee moves a little: the one the prompt shows (same type), or a new one.</summary>
    private static RelationshipChanged TieChange(EntityId self, string speaker, PresentPerson addressee, Random random)
    {
        foreach (var tie in addressee.Ties)
        {
            var prefix = speaker + " ";
            var suffix = Tie().Match(tie);
            if (tie.StartsWith(prefix, StringComparison.Ordinal) && suffix.Success
                && suffix.Groups["to"].Value.EndsWith(" " + addressee.Name, StringComparison.Ordinal))
            {
                var middle = suffix.Groups["to"].Value[prefix.Length..^(addressee.Name.Length + 1)];
                var strength = double.Parse(suffix.Groups["strength"].Value, CultureInfo.InvariantCulture);
                var warmer = random.Next(2) == 1;
                var step = 0.1 + (0.1 * random.Next(3));
                return new RelationshipChanged(self, addressee.Id, middle, RelationshipTone.Moved(middle, strength, step, warmer));
            }
        }
        var type = NewTies[random.Next(NewTies.Length)];
        return new RelationshipChanged(self, addressee.Id, type.Type, Math.Round(type.Sign * (0.2 + (0.1 * random.Next(5))), 2));
    }

    /// <summary>Now and then (one turn in <see cref="CreationOdds"/>) a character adds to the world what the prompt shows room
    /// for: a late relative at a place it can see the way to, a place beyond an exit with a path to it, or a new description of
    /// an item it holds. Names are drawn from long lists, so a second creation rarely collides with the first (and if it does,
    /// the world's laws refuse it with a reason, as they would a model's).</summary>
    private static IEnumerable<WorldChange> Creation(PromptedScene scene, Random random)
    {
        if (scene.OffstageFrom is not null || scene.SpeakerId is not { } self || scene.SpeakerName is not { } speaker
            || random.Next(CreationOdds) != 0)
        {
            return [];
        }
        var held = scene.Items.Where(i => i.HolderName == speaker).ToList();
        var choices = new List<Func<IEnumerable<WorldChange>>>();
        if (!scene.Exits.IsEmpty)
        {
            var exit = scene.Exits[random.Next(scene.Exits.Length)];
            var (first, family) = (Pick(random, KinFirstNames), Pick(random, KinFamilyNames));
            var kin = Pick(random, Kin);
            choices.Add(() =>
            [
                new EntityCreated(Slug($"{first} {family}"), EntityKind.Character, $"{first} {family}", [],
                    $"{speaker}'s late {kin}, buried near {MidSentence(exit.Name)}.", exit.To, null, EntityStatus.Dead),
                new RelationshipChanged(self, Slug($"{first} {family}"), kin, 0.6),
            ]);
            var place = $"{Pick(random, PlaceFirstParts)}{Pick(random, PlaceLastParts)}";
            choices.Add(() =>
            [
                new EntityCreated(Slug(place), EntityKind.Place, place, [],
                    $"A place beyond {MidSentence(exit.Name)} that {speaker} knows.", null, null, EntityStatus.Alive),
                new PathOpened(exit.To, Slug(place), 20 + (5 * random.Next(8))),
            ]);
        }
        foreach (var item in held)
        {
            choices.Add(() => [new DescriptionChanged(item.Id, $"{Capitalized(WithArticle(item.Name))}, {Pick(random, Wear)}.")]);
        }
        return choices.Count == 0 ? [] : choices[random.Next(choices.Count)]();
    }

    private static EntityId Slug(string name) =>
        new(string.Join('-', name.ToLowerInvariant().Split([' ', '\'', '-'], StringSplitOptions.RemoveEmptyEntries)));

    private const int CreationOdds = 12;

    private static readonly string[] Kin = ["brother", "sister", "mother", "father", "uncle", "aunt"];

    private static readonly string[] KinFirstNames =
    [
        "Aldo", "Berin", "Cato", "Dagny", "Edda", "Fenna", "Gisli", "Halda", "Ivo", "Jorun", "Ketil", "Liv", "Morna", "Nils",
        "Odda", "Piet", "Runa", "Sigrun", "Tove", "Ulla",
    ];

    private static readonly string[] KinFamilyNames =
    [
        "Ashgrove", "Brack", "Coldwater", "Dunmore", "Eskel", "Farrow", "Gale", "Holm", "Ingle", "Kestrel", "Lowe", "Marsh",
        "Norrow", "Oakes", "Pell", "Quarry", "Rook", "Strand", "Thorne", "Vane",
    ];

    private static readonly string[] PlaceFirstParts = ["Grey", "Salt", "Wind", "Stone", "Reed", "Fern", "Crow", "Mist", "Elder", "Hollow"];

    private static readonly string[] PlaceLastParts = ["water", "mere", "holt", "ford", "crag", "wick", "moor", "stead", "haven", "dale"];

    private static readonly string[] Wear =
    [
        "worn smooth by years of handling", "scratched along one edge", "darker now than it used to be", "lighter than it looks",
    ];

    // ---- the director ---------------------------------------------------------------------------------------------

    /// <summary>Someone named in the last line, else anyone but the last speaker: among the schema's enum, else those
    /// present, else those the prompt lists as <c>- Name [id]</c>, else any id in brackets.</summary>
    private static string ChooseSpeaker(PromptedScene scene, string prompt, JsonElement? schema, Random random)
    {
        var listed = !scene.Present.IsEmpty
            ? scene.Present.Select(p => (Id: p.Id.Value, p.Name)).ToList()
            : Listed().Matches(prompt).Select(m => (Id: m.Groups["id"].Value, Name: m.Groups["name"].Value)).DistinctBy(c => c.Id).ToList();
        var candidates = EnumOfSpeakerProperty(schema) is { IsEmpty: false } allowed ? allowed
            : listed.Count > 0 ? [.. listed.Select(c => c.Id)]
            : [.. PromptedScene.BracketedIds(prompt).Select(id => id.Value)];
        if (candidates.IsEmpty)
        {
            return "";
        }
        var (lastSpeaker, lastText) = scene.JustSaid.LastOrDefault() is { } heard
            ? (scene.PresentNamed(heard.SpeakerName)?.Id.Value, heard.Text)
            : SpokenWithId().Matches(prompt)
                .LastOrDefault() is { } spoken ? (spoken.Groups["id"].Value, spoken.Groups["text"].Value) : (null, "");
        var named = listed.Where(c => c.Id != lastSpeaker && candidates.Contains(c.Id)
            && lastText.Contains(FirstName(c.Name), StringComparison.OrdinalIgnoreCase)).Select(c => c.Id).FirstOrDefault();
        if (named is not null)
        {
            return named;
        }
        var others = candidates.Where(c => c != lastSpeaker).ToArray();
        return others.Length > 0 ? others[random.Next(others.Length)] : candidates[0];
    }

    private static ImmutableArray<string> EnumOfSpeakerProperty(JsonElement? schema)
    {
        if (schema is not { ValueKind: JsonValueKind.Object } s || !s.TryGetProperty("properties", out var properties)
            || properties.ValueKind != JsonValueKind.Object)
        {
            return [];
        }
        foreach (var property in properties.EnumerateObject())
        {
            if (IsSpeakerProperty(property.Name) && property.Value.ValueKind == JsonValueKind.Object
                && property.Value.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array)
            {
                return [.. values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)];
            }
        }
        return [];
    }

    // ---- free text ------------------------------------------------------------------------------------------------

    private static string Prose(PromptedScene scene, string prompt, Random random)
    {
        if (scene.IsPerspective)
        {
            return Speech(scene, random).Speech;
        }
        var lastLine = prompt.TrimEnd().Split('\n')[^1];
        var word = PickWord(lastLine, scene, random);
        return word is null
            ? "Understood. I would keep it short and plain. What would you like to do next?"
            : $"You ask about {word}. I would keep it short and plain, and let the scene show the rest. What would you like to do next?";
    }

    // ---- words ----------------------------------------------------------------------------------------------------

    /// <summary>A word from the line to pick up in the answer: a longer word that is not a name or a common word.</summary>
    private static string? PickWord(string line, PromptedScene scene, Random random)
    {
        var names = scene.Present.SelectMany(p => p.Name.Split(' ')).Concat(scene.SpeakerName?.Split(' ') ?? [])
            .Select(n => n.ToLowerInvariant()).ToHashSet();
        // A capital inside the line marks a proper name (Greaves, Vask), which keeps it; other words are lowercased.
        var words = Word().Matches(line).Select(m => m.Index > 0 && char.IsUpper(m.Value[0]) ? m.Value : m.Value.ToLowerInvariant())
            .Where(w => w.Length >= 4 && !CommonWords.Contains(w.ToLowerInvariant()) && !names.Contains(w.ToLowerInvariant()))
            .Distinct()
            .OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal)
            .Take(4)
            .ToArray();
        return words.Length == 0 ? null : words[random.Next(words.Length)];
    }

    private static string FirstName(string name) => name.Split(' ', 2)[0];

    private static string Capitalized(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    private static string Lowercased(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

    /// <summary>"sealed letter" reads as "the sealed letter"; names that bring their own article or are proper stay.</summary>
    private static string WithArticle(string name) =>
        name.Length == 0 || char.IsUpper(name[0]) || name.StartsWith("the ", StringComparison.Ordinal)
            || name.StartsWith("a ", StringComparison.Ordinal)
            || name.StartsWith("an ", StringComparison.Ordinal)
            ? name
            : "the " + name;

    /// <summary>"The Long Quay" inside a sentence reads "the Long Quay".</summary>
    private static string MidSentence(string name) => name.StartsWith("The ", StringComparison.Ordinal) ? "the " + name[4..] : name;

    private static string Pick(Random random, string[] options) => options[random.Next(options.Length)];

    [GeneratedRegex(
        @"\b(?:next speaker|who (?:should )?speaks? next|speak(?:s|er)? next|choose (?:the )?(?:next )?speaker|" +
        @"pick (?:the )?(?:next )?speaker|speaker id)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksForSpeaker();

    // {"next": "<id>"}: the key a prompt shows for the id it wants.
    [GeneratedRegex(@"\{\s*""(?<key>[A-Za-z_]+)""\s*:\s*""<id>""\s*\}")]
    private static partial Regex AskedKey();

    [GeneratedRegex(@"^- (?<name>[^\[\n]+?) \[(?<id>[a-z0-9][a-z0-9-]*)\]", RegexOptions.Multiline)]
    private static partial Regex Listed();

    // "Tomas Haskel [tomas]: text", as a director's prompt may show the lines spoken.
    [GeneratedRegex(@"^[^\[\n]+ \[(?<id>[a-z0-9][a-z0-9-]*)\]: (?<text>.*)$", RegexOptions.Multiline)]
    private static partial Regex SpokenWithId();

    [GeneratedRegex(@"\p{L}[\p{L}'-]*")]
    private static partial Regex Word();

    [GeneratedRegex(@"^(?<to>.+) (?<strength>-?\d+(?:\.\d+)?)$")]
    private static partial Regex Tie();

    private static readonly (string Type, int Sign)[] NewTies = [("trusts", 1), ("respects", 1), ("owes", 1), ("distrusts", -1),
        ("resents", -1)];

    private static readonly HashSet<string> CommonWords = new(StringComparer.Ordinal)
    {
        "about", "after", "again", "also", "been", "before", "being", "could", "didn't", "does", "doesn't", "don't", "down",
        "each", "even", "ever", "every", "from", "have", "here", "into", "just", "know", "like", "made", "make", "more",
        "most", "much", "must", "never", "only", "other", "over", "said", "same", "should", "some", "still", "such", "than",
        "that", "that's", "their", "them", "then", "there", "these", "they", "thing", "this", "those", "through", "very",
        "want", "well", "were", "what", "when", "where", "which", "while", "will", "with", "would", "your", "you're", "yours",
        "it's", "i'm", "can't", "won't", "shall", "because", "think", "tell", "told", "come", "going", "look", "really",
        "knows", "thinks", "says", "goes", "comes", "gets", "again", "always", "nothing", "something", "anything", "everyone",
    };

    // {0}: the addressee's first name.
    private static readonly string[] Openers =
    [
        "Listen, {0}.", "{0}, a word.", "Ah, {0}.", "Hear me out, {0}.", "Not so fast, {0}.", "Well now, {0}.",
        "Look at me, {0}.", "{0}, wait.", "Easy, {0}.", "You of all people, {0}.",
    ];

    // {0}: the word picked up from the line answered; {1}: the same, capitalized.
    private static readonly string[] Reactions =
    [
        "You said \"{0}\" as if that settles anything.", "{1}? That is not a word I use lightly.",
        "I keep hearing \"{0}\", and I like it less each time.", "So it comes back to \"{0}\".",
        "Don't say \"{0}\" to me like that.", "If it is \"{0}\" that worries you, you are not alone.",
        "{1}. Of all the things to bring up now.", "I heard what you said: \"{0}\".",
        "{1}, you say. I had wondered when that would come up.", "You keep circling back to \"{0}\".",
    ];

    // {0}: the place's name inside a sentence; {1}: at its start.
    private static readonly string[] PlaceRemarks =
    [
        "Not here, not in {0}.", "Half of {0} is listening, so keep your voice down.", "{1} has heard worse than this.",
        "Everyone in {0} will know by morning.",
    ];

    // {0}: an item the speaker holds.
    private static readonly string[] HeldItemRemarks =
    [
        "I still have {0}, and it stays with me for now.", "Don't think I've forgotten {0}.",
    ];

    // {0}: the exit's name inside a sentence; {1}: minutes to walk there.
    private static readonly string[] ExitRemarks =
    [
        "If this goes badly, {0} is only {1} minutes away.", "We could take this to {0}.",
    ];

    private static readonly string[] PlainRemarks =
    [
        "I have said less than I know.", "Some things are better said plainly.", "I have been turning this over all day.",
        "There is more to this than either of us is saying.", "I am not asking for much.",
    ];

    private static readonly string[] EscalatingRemarks =
    [
        "Enough waiting; it has to be settled tonight.", "I am done keeping quiet about it.",
            "Someone here is lying, and I mean to find out who.",
    ];

    private static readonly string[] SlowRemarks =
    [
        "Let us take a breath before we go on.", "There is no hurry; say it when you are ready.", "I want to understand you first.",
    ];

    // {0}: the addressee's first name.
    private static readonly string[] Questions =
    [
        "What would you have me do?", "Who else knows about this?", "And what do you make of it?", "Are you with me or not?",
        "Why tell me now?", "What is it you really want, {0}?", "How long have you known?", "Will you help me, or must I do this alone?",
        "What happens if we say nothing?", "Tell me honestly, what did you see?",
    ];

    // {1}: the word picked up.
    private static readonly string[] WordQuestions =
    [
        "What did you mean by \"{1}\"?", "And who put \"{1}\" in your head?",
    ];

    private static readonly string[] Alone = ["Nobody here, then.", "Quiet, for once.", "So this is where it ends up."];

    // {0}: the scene's place.
    private static readonly string[] Returning = ["I should get back to {0}.", "They will be waiting at {0}."];

    private static readonly string[] AloneQuestions = ["What now?", "Who would have thought it?", "How long until someone comes looking?"];

    // {0}: the speaker's name.
    private static readonly string[] GeneralGestures =
    [
        "{0} waits for an answer.", "For a moment {0} says nothing.", "{0} speaks more quietly now.", "{0} folds both arms.",
    ];

    // {0}: the speaker's name; {1}: the addressee's.
    private static readonly string[] GesturesToward =
    [
        "{0} steps closer to {1}.", "{0} looks {1} in the eye.", "{0} turns to {1}.",
    ];
}
