using System.Collections.Immutable;
using System.Text.Json;
using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Calibration;

/// <summary>One label: the labeller says the NPC reply of <paramref name="Turn"/> shows <paramref name="Category"/>, and why.</summary>
public sealed record ReplyLabel(int Turn, string Category, string Why);

/// <summary>A labelled session: its transcript, the setting's language as the labeller states it, the half of the corpus it
/// sits in (<c>dev</c>, <c>test</c>, or null outside both), and its labels. Every NPC reply whose turn carries no label is
/// clean in all thirteen categories.</summary>
public sealed record LabelledSession(string File, string? Half, string Language, Transcript Transcript, ImmutableArray<ReplyLabel> Labels)
{
    /// <summary>The fewest NPCs in a scene's cast for the session to count as an ensemble.</summary>
    public const int EnsembleCast = 3;

    /// <summary>The NPC lines: every one is labelled, clean unless a label names its turn.</summary>
    public int NpcReplies => Transcript.NpcLines.Count();

    /// <summary>The NPCs in the scene's cast, read from the world line; 0 without one.</summary>
    public int CastNpcs => Transcript.Setting?.Characters.Count(c => c.IsPresent && !c.IsUser) ?? 0;

    /// <summary>Three or more NPCs in the cast of a world line.</summary>
    public bool IsEnsemble => CastNpcs >= EnsembleCast;

    public bool IsLabelled(int turn, string category) => Labels.Any(l => l.Turn == turn && l.Category == category);
}

/// <summary>Reads a labelled corpus: every <c>&lt;name&gt;.jsonl</c> transcript under a folder (at any depth) with the
/// <c>&lt;name&gt;.labels.json</c> beside it. Strict, because a label that silently names nothing would pass for a clean
/// reply: a file without its partner, a label on a turn that is not an NPC line, an unknown category or language, an unknown
/// field, or two lines sharing a turn stop the read with a message naming the file and the field.</summary>
public static class LabelledCorpus
{
    public const string TranscriptSuffix = ".jsonl";
    public const string LabelsSuffix = ".labels.json";

    /// <summary>The languages a labels file may state.</summary>
    public static readonly ImmutableArray<string> Languages = ["en", "zh"];

    /// <summary>The halves of a corpus: tune on <c>dev</c>, report on <c>test</c>.</summary>
    public static readonly ImmutableArray<string> Halves = ["dev", "test"];

    private static readonly ImmutableArray<string> FileFields = ["language", "labels"];
    private static readonly ImmutableArray<string> LabelFields = ["turn", "category", "why"];
    private static readonly JsonDocumentOptions Strict = new() { AllowTrailingCommas = false };

    /// <summary>Every labelled session under <paramref name="folder"/>, in path order.</summary>
    /// <exception cref="LabelledCorpusException">The folder is missing or holds no session, or a file is not valid.</exception>
    /// <exception cref="TranscriptFormatException">A transcript line is not valid.</exception>
    /// <exception cref="WorldPlay.Core.Worlds.WorldFileException">A transcript's world line is not a valid world.</exception>
    public static ImmutableArray<LabelledSession> Read(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            throw new LabelledCorpusException(folder, null,
                "no such folder; give the folder holding <name>.jsonl transcripts with <name>.labels.json beside them (or the parent " +
                "of its dev/ and test/ halves)");
        }
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var transcripts = files.Where(f => f.EndsWith(TranscriptSuffix, StringComparison.Ordinal)).ToList();
        var labels = files.Where(f => f.EndsWith(LabelsSuffix, StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        if (transcripts.Count == 0 && labels.Count == 0)
        {
            throw new LabelledCorpusException(folder, null,
                "no labelled sessions in it or below it; a session is <name>.jsonl (a transcript) with <name>.labels.json beside it");
        }
        foreach (var orphan in labels.Order(StringComparer.Ordinal))
        {
            var partner = orphan[..^LabelsSuffix.Length] + TranscriptSuffix;
            if (!transcripts.Contains(partner))
            {
                throw new LabelledCorpusException(orphan, null,
                    $"no transcript {partner} beside it; every labels file labels one transcript");
            }
        }
        var sessions = ImmutableArray.CreateBuilder<LabelledSession>(transcripts.Count);
        foreach (var transcript in transcripts)
        {
            var partner = transcript[..^TranscriptSuffix.Length] + LabelsSuffix;
            if (!labels.Contains(partner))
            {
                throw new LabelledCorpusException(transcript, null,
                    $"no labels file {partner} beside it; write {{\"language\": \"en\", \"labels\": []}} there when every reply is clean");
            }
            sessions.Add(ReadSession(folder, transcript, partner));
        }
        return sessions.MoveToImmutable();
    }

    private static LabelledSession ReadSession(string folder, string transcriptFile, string labelsFile)
    {
        var transcript = TranscriptReader.Parse(File.ReadAllText(Path.Combine(folder, transcriptFile)), transcriptFile);
        if (transcript.Lines.GroupBy(l => l.Turn).FirstOrDefault(g => g.Count() > 1) is { } shared)
        {
            throw new LabelledCorpusException(transcriptFile, "turn",
                $"turn {shared.Key} is given to {shared.Count()} lines ({string.Join(", ", shared.Select(l => l.Speaker))}); in a " +
                "labelled corpus every line has its own turn, so that a label names one reply");
        }
        using var document = ParseJson(Path.Combine(folder, labelsFile), labelsFile);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new LabelledCorpusException(labelsFile, null,
                "expected one JSON object, {\"language\": \"en\", \"labels\": [{\"turn\": 4, \"category\": \"prefs.no_hook\", " +
                "\"why\": \"...\"}]}");
        }
        RejectUnknownFields(root, FileFields, labelsFile, "");
        var language = root.TryGetProperty("language", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString()! : null;
        if (language is null || !Languages.Contains(language))
        {
            throw new LabelledCorpusException(labelsFile, "language",
                $"{(language is null ? "missing or not a string" : $"'{language}' is not a language of the corpus")}; " +
                $"use {string.Join(" or ", Languages)}, the setting's language");
        }
        if (!root.TryGetProperty("labels", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw new LabelledCorpusException(labelsFile, "labels",
                "expected a list of {\"turn\", \"category\", \"why\"} objects (empty when every NPC reply is clean)");
        }
        var read = new List<ReplyLabel>();
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var label = ReadLabel(item, $"labels[{index}]", labelsFile, transcriptFile, transcript);
            if (read.FindIndex(r => r.Turn == label.Turn && r.Category == label.Category) is var earlier and >= 0)
            {
                throw new LabelledCorpusException(labelsFile, $"labels[{index}]",
                    $"turn {label.Turn} is already labelled {label.Category} by labels[{earlier}]");
            }
            read.Add(label);
            index++;
        }
        var half = transcriptFile.Split('/') is { Length: > 1 } parts && Halves.Contains(parts[0]) ? parts[0] : null;
        return new LabelledSession(transcriptFile, half, language, transcript, [.. read]);
    }

    private static ReplyLabel ReadLabel(JsonElement item, string at, string labelsFile, string transcriptFile, Transcript transcript)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new LabelledCorpusException(labelsFile, at, "expected an object {\"turn\": 4, \"category\": \"prefs.no_hook\", " +
                "\"why\": \"...\"}");
        }
        RejectUnknownFields(item, LabelFields, labelsFile, at + ".");
        if (!item.TryGetProperty("turn", out var t) || t.ValueKind != JsonValueKind.Number || !t.TryGetInt32(out var turn))
        {
            throw new LabelledCorpusException(labelsFile, $"{at}.turn", "expected a whole number, the turn of an NPC reply");
        }
        var line = transcript.Lines.FirstOrDefault(x => x.Turn == turn)
            ?? throw new LabelledCorpusException(labelsFile, $"{at}.turn", $"no line of {transcriptFile} has turn {turn}");
        if (!line.IsNpc)
        {
            throw new LabelledCorpusException(labelsFile, $"{at}.turn",
                $"turn {turn} is a {line.Role.ToString().ToLowerInvariant()} line ({line.Speaker}), not an NPC reply; only NPC " +
                "replies are labelled");
        }
        var category = item.TryGetProperty("category", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : null;
        if (category is null || !BenchCategory.All.Contains(category))
        {
            throw new LabelledCorpusException(labelsFile, $"{at}.category",
                $"{(category is null ? "missing or not a string" : $"'{category}' is not a category")}; known: " +
                string.Join(", ", BenchCategory.All));
        }
        var why = "";
        if (item.TryGetProperty("why", out var w))
        {
            why = w.ValueKind == JsonValueKind.String ? w.GetString()!
                : throw new LabelledCorpusException(labelsFile, $"{at}.why", "expected a string: why the reply shows the category");
        }
        return new ReplyLabel(turn, category, why);
    }

    private static JsonDocument ParseJson(string path, string file)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllText(path), Strict);
        }
        catch (JsonException e)
        {
            throw new LabelledCorpusException(file, null,
                $"malformed JSON at line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}");
        }
    }

    private static void RejectUnknownFields(JsonElement item, ImmutableArray<string> known, string file, string prefix)
    {
        foreach (var property in item.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                throw new LabelledCorpusException(file, prefix + property.Name,
                    $"not a field here; known fields: {string.Join(", ", known)}");
            }
        }
    }
}
