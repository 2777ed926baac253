using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Detectors;

/// <summary>basics.mixed_language: a sentence in another language than the setting's, or a run of another script inside a
/// sentence.</summary>
public sealed class MixedLanguageDetector : IDetector
{
    /// <summary>Sentences shorter than this are not judged: "Merci." or a name is colour, not a switch.</summary>
    public const int MinWords = 4;

    /// <summary>Letters of a foreign script that count as a switch inside a sentence (one CJK character can be a typo; two is a
    /// word).</summary>
    public const int MinForeignScriptLetters = 2;

    /// <summary>The language assumed when the transcript carries no setting.</summary>
    public const string DefaultLanguage = "en";

    public const int Severity = 3;

    public string Category => BenchCategory.MixedLanguage;

    public IEnumerable<DetectorHit> Detect(Transcript transcript)
    {
        var expected = transcript.Setting?.LanguageTag ?? DefaultLanguage;
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
        }
        return null;
    }
}
