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

    /// <summary>A two-person reply that restates the speaker's own last reply after the user asked something new shares at least
    /// <see cref="MinSelfRestateOverlap"/> with that reply but less than this share: a near-verbatim copy is basics.repetition, not
    /// stagnation.
    /// Only replies to a question count: after "Okay." or "Hm." a restating run is left to <see cref="StagnantRun"/>.</summary>
    public const double MaxSelfRestateOverlap = 0.8;

    /// <summary>The share of a two-person reply's content words its own last reply must hold to count as restating it: a reply
    /// answering a new question in the same scene keeps some of its words (on Labelled/dev fresh answers share up to 0.63, the
    /// restatement 0.61 in bigrams).</summary>
    public const double MinSelfRestateOverlap = 0.65;

    /// <summary>The Chinese counterpart of <see cref="MinSelfRestateOverlap"/>, in character bigrams (fresh answers on
    /// Labelled/dev share up to 0.48).</summary>
    public const double ChineseMinSelfRestateOverlap = 0.55;

    /// <summary>Words of deciding: a reply that settles something moves the story however it is worded.</summary>
    [GeneratedRegex(
        @"\b(?:decided|decide to|agreed|it's settled|it’s settled|settled, then|deal\b|we leave at|we ride at|I accept|I refuse|" +
        @"I'll do it|I’ll do it|you have my word)|决定|说定了|一言为定|就这么办|成交|答应你|我接受|我拒绝|我答应",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Decision();

    /// <summary>A capitalised word not opening a sentence (a name the session may not have heard), or a number.</summary>
    [GeneratedRegex(@"(?<![.!?…""“*]\s*|^)(?<=\s)(?<name>\p{Lu}[\p{Ll}'’-]{2,})|(?<number>\d+(?:[.,]\d+)?)", RegexOptions.CultureInvariant)]
    private static partial Regex NameOrNumber();

    /// <summary>Forms of address that are capitalised but name nobody new.</summary>
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Madam", "Lady", "Lord",
    };

    public string Category => BenchCategory.Stagnation;

    public IEnumerable<DetectorHit> Detect(Transcript transcript)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var seenNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var states = TranscriptWorld.StatesBefore(transcript);
        var knownNames = (transcript.Setting?.KnownNames ?? []).Where(n => n.Trim().Length > 1).ToList();
        // Every word said so far (and the speakers' names): a capitalised word already said, even opening a sentence or as a
        // speaker's name, is no new name when it comes again mid-sentence.
        var saidWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
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
            var newNames = names.Where(n => !seenNames.Contains(n) && !AlreadySaid(n, saidWords)).ToList();
            seenNames.UnionWith(names);
            saidWords.UnionWith(Words(line.Text));
            saidWords.UnionWith(Words(line.Speaker));
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
            var selfRestated = 0;
            var ownLast = SelfRestateCandidate(transcript, i);
            if (!restates && ownLast is not null && !changedWorld && !information && distinct.Count >= MinRestateUnits)
            {
                var own = Units(ownLast.Text).ToHashSet(StringComparer.Ordinal);
                selfRestated = distinct.Count(own.Contains);
                var share = (double)selfRestated / distinct.Count;
                restates = share >= (chinese ? ChineseMinSelfRestateOverlap : MinSelfRestateOverlap) && share < MaxSelfRestateOverlap;
            }
            if (restates && run < StagnantRun && selfRestated > 0)
            {
                yield return new DetectorHit(line.Turn, i, line.Speaker, Category, Severity, Evidence.WholeLine(line.Text),
                    $"restates its own last reply after the user asked something new: {selfRestated} of its {distinct.Count} " +
                    $"{(chinese ? "character pairs" : "content words")} were in it, with no new name, number or decision");
            }
            else if (restates && run < StagnantRun)
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

    /// <summary>The speaker's own last reply when the line answers a user question that came right after it (NPC, user with a
    /// question, the same NPC), else null.</summary>
    private static TranscriptLine? SelfRestateCandidate(Transcript transcript, int i)
    {
        if (i < 2)
        {
            return null;
        }
        var (line, user, own) = (transcript.Lines[i], transcript.Lines[i - 1], transcript.Lines[i - 2]);
        return line.IsNpc && !user.IsNpc && (user.Text.Contains('?') || user.Text.Contains('？')) && own.IsNpc
            && own.Speaker == line.Speaker ? own : null;
    }

    /// <summary>Whether a capitalised word was already said in the session (possessive stripped) or is a title of address.</summary>
    private static bool AlreadySaid(string name, HashSet<string> saidWords)
    {
        var bare = Regex.Replace(name, @"['’]s$", "");
        return Titles.Contains(bare) || (bare.Length > 0 && char.IsUpper(bare[0]) && saidWords.Contains(bare));
    }

    private static IEnumerable<string> Words(string text) =>
        Regex.Matches(text, @"\p{L}[\p{L}-]*").Select(m => m.Value);

    /// <summary>The content units of a line: English content-word stems, and the character bigrams of its Chinese runs.</summary>
    private static List<string> Units(string text)
    {
        var units = Prose.ContentWords(text).Where(w => !w.Text.Any(Cjk.IsHan)).Select(w => w.Stem).ToList();
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
        foreach (var name in knownNames.Concat(state?.Entities.Values
                        .SelectMany(e => e.Aliases.IsDefault ? [e.Name] : e.Aliases.Prepend(e.Name))
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
