using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Detectors;

/// <summary>basics.mixed_language: a sentence in another language than the setting's, a run of another script inside a sentence,
/// or (in a Chinese, Japanese or Korean setting) a phrase of several Latin words inside a sentence.</summary>
public sealed class MixedLanguageDetector : IDetector
{
    /// <summary>Sentences shorter than this are not judged: "Merci." or a name is colour, not a switch.</summary>
    public const int MinWords = 4;

    /// <summary>Letters of a foreign script that count as a switch inside a sentence (one CJK character can be a typo; two is a
    /// word).</summary>
    public const int MinForeignScriptLetters = 2;

    /// <summary>Latin words in a row that make a phrase in another language inside a Chinese sentence: a name ("Marco"), a brand
    /// ("iPhone 15 Pro"), a unit or an "OK" stays below it.</summary>
    public const int MinLatinPhraseWords = 4;

    /// <summary>Share of a Latin run's words that must start in lower case for it to be language, not a string of names or a title
    /// ("New York Times Square").</summary>
    public const double MinLowercaseShare = 0.5;

    public const int Severity = 3;

    public string Category => BenchCategory.MixedLanguage;

    public IEnumerable<DetectorHit> Detect(Transcript transcript)
    {
        var expected = LanguageIdentifier.OfTranscript(transcript);
        foreach (var (line, index) in transcript.NpcReplies)
        {
            if (Find(line.Text, expected) is { } hit)
            {
                yield return new DetectorHit(line.Turn, index, line.Speaker, Category, Severity, hit.Evidence, hit.Reason);
            }
        }
    }

    private static (Evidence Evidence, string Reason)? Find(string text, string expected)
    {
        var unspaced = expected is "zh" or "ja" or "ko";
        foreach (var sentence in Prose.Sentences(text))
        {
            var words = Prose.Words(sentence.Text).Length;
            var language = LanguageIdentifier.ScriptOf(sentence.Text)
                ?? (words >= MinWords ? LanguageIdentifier.Identify(sentence.Text) : null);
            if (language is not null && language != expected && !(expected == "ja" && language == "zh"))
            {
                return (Evidence.Of(text, sentence.Start, sentence.Text.Length),
                    $"sentence in '{language}' in a setting whose language is '{expected}'");
            }
            if (LanguageIdentifier.ForeignScriptRun(sentence.Text, expected, MinForeignScriptLetters) is { } run)
            {
                return (Evidence.Of(text, sentence.Start + run.Start, run.Length),
                    $"'{run.Language}' script inside a '{expected}' sentence");
            }
            if (unspaced && LatinPhrase(sentence.Text) is { } phrase)
            {
                return (Evidence.Of(text, sentence.Start + phrase.Start, phrase.Length),
                    $"a phrase of {phrase.Words} Latin words inside a '{expected}' sentence");
            }
        }
        return null;
    }

    /// <summary>The first run of at least <see cref="MinLatinPhraseWords"/> Latin words joined only by blanks and light punctuation,
    /// mostly in lower case, or null.</summary>
    private static (int Start, int Length, int Words)? LatinPhrase(string sentence)
    {
        var words = Prose.Words(Cjk.RemoveHan(sentence)).Where(w => w.Text[0] is >= 'a' and <= 'z').ToList();
        var runStart = 0;
        for (var i = 1; i <= words.Count; i++)
        {
            var joined = i < words.Count && sentence[(words[i - 1].Start + words[i - 1].Length)..words[i].Start]
                .All(c => c is ' ' or ',' or '\'' or '-' or ';' or ':');
            if (joined)
            {
                continue;
            }
            var run = words.GetRange(runStart, i - runStart);
            var lower = run.Count(w => char.IsLower(sentence[w.Start]));
            if (run.Count >= MinLatinPhraseWords && lower >= MinLowercaseShare * run.Count)
            {
                var end = run[^1].Start + run[^1].Length;
                return (run[0].Start, end - run[0].Start, run.Count);
            }
            runStart = i;
        }
        return null;
    }
}
