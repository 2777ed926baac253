using System.Collections.Immutable;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace WorldPlay.FakeLlm;

/// <summary>Plays the bench's LLM judge without a model: reads the reply to judge, the lines before it, the setting and the
/// categories asked about from the prompt (the layout of <c>WorldPlay.Evaluation.Judging.JudgePrompt</c>), and marks a category
/// present when its most obvious trigger is in the reply: an assistant-ism for <c>content.ooc</c>, second-person narration for
/// <c>prefs.speaks_for_user</c>, no question, "you" or user's name for <c>prefs.no_hook</c>, and so on. Everything comes from the
/// request, so the same request gets the same verdicts. Categories it cannot tell from one reply (single pattern, stagnation)
/// are always absent.</summary>
internal static partial class JudgeVerdicts
{
    /// <summary>The category ids the bench uses, so a prompt that lists none can still be answered from the ids it mentions.</summary>
    private static readonly ImmutableArray<string> Known =
    [
        "basics.mixed_language", "basics.repetition", "basics.formatting", "logic.reference_confusion", "knowledge.law_violation",
        "diversity.single_pattern", "diversity.stagnation", "diversity.filler", "content.ooc", "prefs.speaks_for_user",
        "prefs.ignores_user", "prefs.no_hook", "prefs.boundary",
    ];

    /// <summary>True when the request asks for judge verdicts: a schema with a <c>verdicts</c> property, or instructions that spell
    /// it.</summary>
    public static bool AreAskedFor(ChatRequest request, ImmutableArray<string> schemaProperties) =>
        schemaProperties.Contains("verdicts") || request.InstructionText.Contains("\"verdicts\"", StringComparison.Ordinal);

    public static JsonObject Compose(string prompt)
    {
        var material = Material.Read(prompt);
        var verdicts = new JsonArray();
        foreach (var category in material.Categories)
        {
            var evidence = Trigger(category, material);
            verdicts.Add(new JsonObject
            {
                ["category"] = category,
                ["present"] = evidence is not null,
                ["evidence"] = evidence ?? "",
                ["reason"] = evidence is null ? "fake judge: no obvious trigger in the reply"
                    : $"fake judge: the reply has the obvious trigger of {category}",
            });
        }
        return new JsonObject { ["verdicts"] = verdicts };
    }

    /// <summary>The words of the reply that trigger <paramref name="category"/>, or null.</summary>
    private static string? Trigger(string category, Material m)
    {
        var reply = m.Reply;
        return category switch
        {
            "basics.mixed_language" => Match(ForeignScript(), reply),
            "basics.repetition" => m.Before.Where(l => l.Speaker == m.Speaker && l.Text.Length > 0)
                .Select(l => FirstWords(l.Text)).FirstOrDefault(w => w.Length > 0 && FirstWords(reply) == w),
            "basics.formatting" => Match(TemplateToken(), reply) ?? (reply.Count(c => c == '*') % 2 == 1 ? "*" : null),
            "logic.reference_confusion" => m.Gone.Select(name => Match(new Regex($@"\b{Regex.Escape(name)} \p{{Ll}}+s\b"), reply))
                .FirstOrDefault(e => e is not null),
            "knowledge.law_violation"
                => m.Forbidden.Select(concept => Match(new Regex($@"\b{Regex.Escape(concept)}(?:e?s)?\b", RegexOptions.IgnoreCase), reply))
                .FirstOrDefault(e => e is not null),
            "diversity.filler" => Match(StockPhrase(), reply) ?? (Words().Count(reply) <= 3 ? reply : null),
            "content.ooc" => Match(AssistantIsm(), reply),
            "prefs.speaks_for_user" => Match(SecondPersonNarration(), reply) ?? Match(UserLabel(), reply)
                ?? (m.UserName is { } user ? Match(new Regex($@"(?:^|\s){Regex.Escape(user)}:"), reply) : null),
            "prefs.ignores_user" => IgnoresQuestion(m),
            "prefs.no_hook" => reply.Contains('?', StringComparison.Ordinal) || SecondPerson().IsMatch(reply)
                || (m.UserName is { } name && reply.Contains(name, StringComparison.OrdinalIgnoreCase)) ? null : reply,
            "prefs.boundary" => Match(Lecture(), reply),
            _ => null,
        };
    }

    private static string? IgnoresQuestion(Material m)
    {
        var question = m.Before.LastOrDefault(l => l.Role == "user");
        if (question is null || !question.Text.Contains('?', StringComparison.Ordinal) || SecondPerson().IsMatch(m.Reply))
        {
            return null;
        }
        static HashSet<string> Long(string text)
            => [.. Words().Matches(text).Select(w => w.Value.ToLowerInvariant()).Where(w => w.Length >= 4)];
        return Long(question.Text).Overlaps(Long(m.Reply)) ? null : m.Reply;
    }

    private static string? Match(Regex pattern, string text) => pattern.Match(text) is { Success: true } m ? m.Value : null;

    private static string FirstWords(string text)
        => string.Join(' ', Words().Matches(text).Take(4).Select(w => w.Value.ToLowerInvariant()));

    private sealed record JudgedLine(string Speaker, string Role, string Text);

    /// <summary>What the judge prompt says, section by section.</summary>
    private sealed record Material(string Reply, string Speaker, ImmutableArray<JudgedLine> Before, ImmutableArray<string> Categories,
        string? UserName, ImmutableArray<string> Gone, ImmutableArray<string> Forbidden)
    {
        public static Material Read(string prompt)
        {
            var section = "";
            JudgedLine? reply = null;
            var before = ImmutableArray.CreateBuilder<JudgedLine>();
            var categories = ImmutableArray.CreateBuilder<string>();
            string? user = null;
            var gone = ImmutableArray.CreateBuilder<string>();
            var forbidden = ImmutableArray.CreateBuilder<string>();
            foreach (var raw in prompt.Split('\n'))
            {
                var line = raw.TrimEnd('\r');
                if (line.StartsWith("## ", StringComparison.Ordinal))
                {
                    section = line[3..].Trim();
                    continue;
                }
                if (line.StartsWith('<'))
                {
                    continue;
                }
                switch (section)
                {
                    case "Setting":
                        var (label, value) = line.IndexOf(": ", StringComparison.Ordinal) is var at and > 0 ? (line[..at], line[(at + 2)..])
                            : ("", "");
                        var items = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                        if (label == "The user plays")
                        {
                            user = value.Trim();
                        }
                        else if (label is "Not in the scene" or "Dead")
                        {
                            gone.AddRange(items);
                        }
                        else if (label == "Forbidden concepts")
                        {
                            forbidden.AddRange(items);
                        }
                        break;
                    case "Before the reply" when Said().Match(line) is { Success: true } said:
                        before.Add(new JudgedLine(said.Groups["name"].Value, said.Groups["role"].Value, said.Groups["text"].Value));
                        break;
                    case "Reply to judge" when reply is null && Said().Match(line) is { Success: true } said:
                        reply = new JudgedLine(said.Groups["name"].Value, said.Groups["role"].Value, said.Groups["text"].Value);
                        break;
                    case "Categories to judge" when line.StartsWith("- ", StringComparison.Ordinal) && Known.Contains(line[2..].Trim()):
                        categories.Add(line[2..].Trim());
                        break;
                }
            }
            var asked = categories.Count > 0 ? categories.ToImmutable()
                : [.. Known.Where(k => prompt.Contains(k, StringComparison.Ordinal))];
            return new Material(reply?.Text ?? "", reply?.Speaker ?? "", before.ToImmutable(), asked, user, gone.ToImmutable(),
                forbidden.ToImmutable());
        }
    }

    [GeneratedRegex(@"^(?<name>.+?) \((?<role>npc|user|narrator)\): (?<text>.*)$")]
    private static partial Regex Said();

    [GeneratedRegex(
        @"[\p{IsCyrillic}\p{IsGreek}\p{IsHebrew}\p{IsArabic}\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}\p{IsHangulSyllables}]+")]
    private static partial Regex ForeignScript();

    [GeneratedRegex(@"\{\{[^}]*\}\}|<\|[^|>]*\|>|\[/?INST\]|<<SYS>>|###")]
    private static partial Regex TemplateToken();

    [GeneratedRegex(@"shivers? down (?:\w+ )?spine|barely above a whisper|the air (?:was |is )?thick with|maybe, just maybe",
        RegexOptions.IgnoreCase)]
    private static partial Regex StockPhrase();

    [GeneratedRegex(@"as an ai\b|language model|\(ooc|\booc:|\brole-?play\b|my guidelines|i cannot help with", RegexOptions.IgnoreCase)]
    private static partial Regex AssistantIsm();

    [GeneratedRegex(@"\*[^*]*\byour?\b[^*]*\*", RegexOptions.IgnoreCase)]
    private static partial Regex SecondPersonNarration();

    [GeneratedRegex(@"(?:^|\s)(?:\{\{user\}\}|User|You):", RegexOptions.IgnoreCase)]
    private static partial Regex UserLabel();

    [GeneratedRegex(@"\byou(?:r|rs|rself)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex SecondPerson();

    [GeneratedRegex(@"it'?s important to remember|i must remind you|not comfortable|professional help|keep things respectful",
        RegexOptions.IgnoreCase)]
    private static partial Regex Lecture();

    [GeneratedRegex(@"\p{L}[\p{L}'-]*")]
    private static partial Regex Words();
}
