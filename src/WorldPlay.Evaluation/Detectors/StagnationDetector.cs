using System.Collections.Immutable;
using System.Text.RegularExpressions;
using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Detectors;

/// <summary>diversity.stagnation: several replies in a row that move nothing: no world event beyond talk, no new information
/// (a person, place or thing not named before, a new number, a decision) and too little new wording. In an ensemble, a reply that
/// follows another character's without the user between must bring new information or much new wording: a cast where each
/// speaker repeats the last in other words is stagnant. Chinese wording is measured in character bigrams, not words.</summary>
public sealed partial class StagnationDetector : IDetector
{
    /// <summary>Replies in a row without anything new before it counts as stagnation.</summary>
    public const int StagnantRun = 4;

    /// <summary>A reply moves the story when at least this share of its content units (English content words, Chinese character
    /// bigrams) never appeared earlier in the session...</summary>
    public const double MinNovelty = 0.25;

    /// <summary>...or when it has at least this many new English content words (a long reply with a new place in it moves it
    /// too)...</summary>
    public const int MinNewWords = 4;

    /// <summary>...or this many new Chinese character bigrams.</summary>
    public const int MinNewBigrams = 8;

    /// <summary>An ensemble reply (one that follows another character's reply, the user silent between) with no new information
    /// moves the story only with at least this many new English content words and <see cref="MinEnsembleNovelty"/> of them new:
    /// rewording the last speaker brings a few new words, not this many.</summary>
    public const int MinEnsembleNewWords = 8;

    /// <summary>The Chinese counterpart of <see cref="MinEnsembleNewWords"/>, in character bigrams.</summary>
    public const int MinEnsembleNewBigrams = 16;

    /// <summary>The share of new content units an ensemble reply without new information needs besides their number.</summary>
    public const double MinEnsembleNovelty = 0.5;

    public const int Severity = 2;

    /// <summary>An ensemble reply (one that follows another character's) restates the last lines when at least this share of its
    /// content units was said in the last <see cref="RestateWindow"/> lines and it brings no new information: it moves nothing
    /// even on its own. Two-person replies answer the user in the user's words, so only the run counts there.</summary>
    public const double RestateOverlap = 0.45;

    /// <summary>The Chinese counterpart of <see cref="RestateOverlap"/>, in character bigrams: a paraphrase in Chinese shares fewer
    /// bigrams than an English one shares words (measured on Labelled/dev: restatements from 0.31, fresh replies up to 0.28).</summary>
    public const double ChineseRestateOverlap = 0.3;

    /// <summary>How many earlier lines a restatement is measured against.</summary>
    public const int RestateWindow = 3;

    /// <summary>A reply needs at least this many content units to be judged a restatement (a one-word answer is left to the run).
    /// </summary>
    public const int MinRestateUnits = 4;

    /// <summary>Words of deciding: a reply that settles something moves the story however it is worded.</summary>
    [GeneratedRegex(
        @"\b(?:decided|decide to|agreed|it's settled|it’s settled|settled, then|deal\b|we leave at|we ride at|I accept|I refuse|" +
        @"I'll do it|I’ll do it|you have my word)|决定|说定了|一言为定|就这么办|成交|答应你|我接受|我拒绝|我答应",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Decision();

    /// <summary>A capitalised word not opening a sentence (a name the session may not have heard), or a number.</summary>
    [GeneratedRegex(@"(?<![.!?…""“*]\s*|^)(?<=\s)(?<name>\p{Lu}[\p{Ll}'’-]{2,})|(?<number>\d+(?:[.,]\d+)?)", RegexOptions.CultureInvariant)]
    private static partial Regex NameOrNumber();

    public string Category => BenchCategory.Stagnation;

    public IEnumerable<DetectorHit> Detect(Transcript transcript)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var seenNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var states = TranscriptWorld.StatesBefore(transcript);
        var knownNames = (transcript.Setting?.KnownNames ?? []).Where(n => n.Trim().Length > 1).ToList();
        var run = 0;
        TranscriptLine? previous = null;
        for (var i = 0; i < transcript.Lines.Length; i++)
        {
            var line = transcript.Lines[i];
            var units = Units(line.Text);
            var distinct = units.Distinct().ToList();
            var fresh = distinct.Count(s => !seen.Contains(s));
            seen.UnionWith(units);
            var names = Names(line.Text, knownNames, states?[i]);
            var newNames = names.Where(n => !seenNames.Contains(n)).ToList();
            seenNames.UnionWith(names);
            var ensemble = previous is { IsNpc: true } && line.IsNpc && previous.Speaker != line.Speaker;
            previous = line;
            if (!line.IsNpc)
            {
                continue;
            }
            var chinese = WorldGrounding.IsChinese(line.Text);
            var changedWorld = line.Events.Any(e => e.Change.Kind != "spoke");
            var information = newNames.Count > 0 || Decision().IsMatch(line.Text);
            var novelty = distinct.Count == 0 ? 0 : (double)fresh / distinct.Count;
            var worded = ensemble
                ? fresh >= (chinese ? MinEnsembleNewBigrams : MinEnsembleNewWords) && novelty >= MinEnsembleNovelty
                : fresh >= (chinese ? MinNewBigrams : MinNewWords) || (distinct.Count > 0 && novelty >= MinNovelty);
            var moves = changedWorld || information || worded;
            run = moves ? 0 : run + 1;
            var recent = transcript.Lines.Skip(Math.Max(0, i - RestateWindow)).Take(i - Math.Max(0, i - RestateWindow))
                .SelectMany(l => Units(l.Text)).ToHashSet(StringComparer.Ordinal);
            var restated = distinct.Count(recent.Contains);
            var restates = ensemble && !changedWorld && !information && distinct.Count >= MinRestateUnits
                && (double)restated / distinct.Count >= (chinese ? ChineseRestateOverlap : RestateOverlap);
            if (restates && run < StagnantRun)
            {
                yield return new DetectorHit(line.Turn, i, line.Speaker, Category, Severity, Evidence.WholeLine(line.Text),
                    $"restates the last lines: {restated} of its {distinct.Count} {(chinese ? "character pairs" : "content words")} were " +
                    $"said in the last {RestateWindow} lines, with no new name, number or decision" +
                    $"{(transcript.HasEvents ? " and no world change" : "")}");
            }
            else if (run >= StagnantRun)
            {
                yield return new DetectorHit(line.Turn, i, line.Speaker, Category, Severity, Evidence.WholeLine(line.Text),
                    $"{run} replies in a row with nothing new ({fresh} new {(chinese ? "character pairs" : "content words")} here, " +
                    $"no new name, number or decision{(ensemble ? ", rewording the last speaker" : "")}" +
                    $"{(transcript.HasEvents ? ", no world change" : "")})");
            }
        }
    }

    /// <summary>The content units of a line: English content-word stems, and the character bigrams of its Chinese runs.</summary>
    private static List<string> Units(string text)
    {
        var units = Prose.ContentWords(text).Where(w => !w.Text.Any(WorldGrounding.IsHan)).Select(w => w.Stem).ToList();
        foreach (Match run in Regex.Matches(text, @"[\u3400-\u9fff\uf900-\ufaff]+"))
        {
            for (var k = 0; k + 1 < run.Value.Length; k++)
            {
                units.Add(run.Value.Substring(k, 2));
            }
            if (run.Value.Length == 1)
            {
                units.Add(run.Value);
            }
        }
        return units;
    }

    /// <summary>The names and numbers a line says: world entities (the setting's people and places, and what the state holds at
    /// that line), capitalised words inside English sentences, numbers.</summary>
    private static HashSet<string> Names(string text, List<string> knownNames, WorldPlay.Core.WorldState? state)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in knownNames.Concat(state?.Entities.Values.SelectMany(e => e.Aliases.IsDefault ? [e.Name] : e.Aliases.Prepend(e.Name))
            ?? []))
        {
            if (name.Trim().Length > 1 && WorldPlay.Core.NameMention.IndexOf(text, name) >= 0)
            {
                names.Add(name);
            }
        }
        foreach (Match m in NameOrNumber().Matches(text))
        {
            names.Add(m.Value);
        }
        return names;
    }
}
