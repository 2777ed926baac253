using System.Collections.Immutable;
using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Detectors;

/// <summary>Tells which language a sentence is in: by script for Cyrillic, Greek, Arabic, Hebrew, Han, kana and Hangul; by
/// common function words for the Latin-script languages (en, fr, de, es, it, pt, nl, pl). Small on purpose: it only has to say
/// "not the setting's language" for sentences of a few words, deterministically and offline.</summary>
public static class LanguageIdentifier
{
    /// <summary>A Latin-script guess needs this many function-word hits...</summary>
    public const int MinFunctionWords = 2;

    /// <summary>...and this many more than the runner-up, so that loanwords and names do not decide.</summary>
    public const int MinLead = 2;

    /// <summary>Function words frequent in one language and rare as words in the others.</summary>
    public static readonly ImmutableDictionary<string, ImmutableHashSet<string>> FunctionWords =
        new Dictionary<string, ImmutableHashSet<string>>
    {
        ["en"] = ["the", "and", "is", "are", "was", "you", "of", "to", "with", "that", "this", "it", "for", "not", "have", "what", "my",
            "your", "be", "we", "they", "he", "she", "will", "would", "there", "at", "on"],
        ["fr"] = ["le", "la", "les", "et", "est", "je", "tu", "vous", "nous", "une", "des", "du", "pas", "que", "qui", "pour", "dans",
            "avec", "sur", "ce", "mais", "très", "suis", "êtes", "où", "mon", "ma", "votre", "au", "aux", "c'est", "n'est"],
        ["de"] = ["der", "das", "und", "ist", "ich", "du", "nicht", "ein", "eine", "zu", "mit", "sie", "wir", "auf", "für", "aber", "auch",
            "noch", "sind", "bin", "mein", "dein", "wie", "dem", "den", "ihr", "doch", "hier"],
        ["es"] = ["el", "la", "los", "las", "es", "que", "de", "yo", "tú", "usted", "una", "un", "por", "para", "con", "pero", "muy",
            "estoy", "eres", "está", "mi", "su", "qué", "dónde", "del", "al", "lo", "también"],
        ["it"] = ["il", "lo", "la", "gli", "le", "che", "di", "io", "tu", "non", "una", "un", "per", "con", "ma", "molto", "sono", "sei",
            "mio", "mia", "questo", "del", "della", "cosa", "dove", "anche", "ho", "hai"],
        ["pt"] = ["os", "que", "de", "eu", "você", "não", "uma", "um", "por", "para", "com", "mas", "muito", "estou", "está", "meu",
            "minha", "da", "onde", "isso", "também", "sim", "ao", "em"],
        ["nl"] = ["de", "het", "een", "en", "is", "ik", "je", "jij", "niet", "van", "met", "op", "voor", "maar", "ook", "zijn", "ben",
            "mijn", "jouw", "wat", "waar", "dat", "hier", "er", "naar", "wij", "heb", "nog", "dit"],
        ["pl"] = ["nie", "się", "na", "jest", "że", "jak", "ale", "tak", "mnie", "jestem", "jesteś", "co", "ty", "ja", "mój", "moja",
            "tu", "już", "czy", "po", "od", "dla", "tylko", "gdzie", "bardzo"],
    }.ToImmutableDictionary();

    /// <summary>The language assumed when nothing tells: a transcript with no setting and no words.</summary>
    public const string DefaultLanguage = "en";

    /// <summary>Share of the CJK characters of a text that must be kana for it to be Japanese rather than Chinese (Japanese writes
    /// most words in Han but its grammar in kana).</summary>
    public const double MinKanaShare = 0.1;

    /// <summary>The language a transcript is to be written in: its setting's when it has one, else the language of its own lines
    /// (NPC and user lines together, <see cref="OfTexts"/>).</summary>
    public static string OfTranscript(Transcript transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        return transcript.Setting?.LanguageTag ?? OfTexts(transcript.Lines.Select(l => l.Text));
    }

    /// <summary>The main language of <paramref name="texts"/> read as one: the script with the most units (a Han, kana or Hangul
    /// character, or a word of any other script) decides; among Latin-script languages the function words of all the text decide,
    /// and English when they do not.</summary>
    public static string OfTexts(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var text = string.Join("\n", texts);
        var units = new Dictionary<string, int>();
        foreach (var c in text)
        {
            var script = ScriptLanguage(c);
            if (script is "zh" or "ja" or "ko")
            {
                units[script] = units.GetValueOrDefault(script) + 1;
            }
        }
        var latin = new List<string>();
        foreach (var word in Prose.Words(Cjk.RemoveHan(text)))
        {
            var script = ScriptLanguage(word.Text[0]) ?? "latin";
            if (script is "ja" or "ko")
            {
                continue;
            }
            units[script] = units.GetValueOrDefault(script) + 1;
            if (script == "latin")
            {
                latin.Add(word.Text);
            }
        }
        if (units.Count == 0)
        {
            return DefaultLanguage;
        }
        var best = units.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;
        var kana = units.GetValueOrDefault("ja");
        if (best is "zh" or "ja")
        {
            return kana >= MinKanaShare * (kana + units.GetValueOrDefault("zh")) ? "ja" : "zh";
        }
        if (best != "latin")
        {
            return best;
        }
        var scores = FunctionWords.Select(kv => (Language: kv.Key, Score: latin.Count(kv.Value.Contains)))
            .OrderByDescending(s => s.Score).ThenBy(s => s.Language, StringComparer.Ordinal).First();
        return scores.Score > 0 ? scores.Language : DefaultLanguage;
    }

    /// <summary>The language tag of <paramref name="sentence"/>, or null when it is too short or too mixed to tell.</summary>
    public static string? Identify(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        if (ScriptOf(sentence) is { } script)
        {
            return script;
        }
        var words = Prose.Words(sentence).Select(w => w.Text).ToList();
        var scores = FunctionWords
            .Select(kv => (Language: kv.Key, Score: words.Count(kv.Value.Contains)))
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Language, StringComparer.Ordinal)
            .ToList();
        return scores[0].Score >= MinFunctionWords && scores[0].Score - scores[1].Score >= MinLead ? scores[0].Language : null;
    }

    /// <summary>The language a non-Latin script implies when its letters are the majority of the sentence's letters, or null.</summary>
    public static string? ScriptOf(string text)
    {
        var counts = new Dictionary<string, int>();
        var letters = 0;
        foreach (var c in text.Where(char.IsLetter))
        {
            letters++;
            if (ScriptLanguage(c) is { } language)
            {
                counts[language] = counts.GetValueOrDefault(language) + 1;
            }
        }
        if (counts.Count == 0)
        {
            return null;
        }
        var best = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First();
        // Kana marks Japanese even when most of its letters are Han.
        if (best.Key == "zh" && counts.ContainsKey("ja"))
        {
            return "ja";
        }
        return best.Value * 2 >= letters ? best.Key : null;
    }

    /// <summary>The first run of letters in a non-Latin script within <paramref name="text"/>: (start, length, language), or
    /// null.</summary>
    public static (int Start, int Length, string Language)? ForeignScriptRun(string text, string expected, int minLetters)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (ScriptLanguage(text[i]) is { } language && language != expected && !(expected == "ja" && language == "zh"))
            {
                var end = i;
                while (end < text.Length && (ScriptLanguage(text[end]) is not null || text[end] == ' '))
                {
                    end++;
                }
                var run = text[i..end].TrimEnd();
                if (run.Count(char.IsLetter) >= minLetters)
                {
                    return (i, run.Length, language);
                }
                i = end;
            }
        }
        return null;
    }

    private static string? ScriptLanguage(char c) => c switch
    {
        >= '\u0400' and <= '\u04FF' => "ru",
        >= '\u0370' and <= '\u03FF' => "el",
        >= '\u0590' and <= '\u05FF' => "he",
        >= '\u0600' and <= '\u06FF' => "ar",
        >= '\u3040' and <= '\u30FF' => "ja",
        >= '\u4E00' and <= '\u9FFF' => "zh",
        >= '\uAC00' and <= '\uD7AF' => "ko",
        _ => null,
    };
}
