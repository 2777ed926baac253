using WorldPlay.Core;
using WorldPlay.Core.Minds;

namespace WorldPlay.Minds.Procedural;

/// <summary>Which form of a kin word fits someone, read from their pronouns ("she", "he/him", "they/them", ...).</summary>
internal enum Gender
{
    Male,
    Female,
    Neutral,
}

/// <summary>A goal as the persona card states it, reworded for the character's own mouth: a verb phrase ("find the
/// logbook") fits "I mean to ...", a noun phrase ("my brother's forgiveness") fits "I'm after ...".</summary>
internal sealed record GoalPhrase(string Text, bool IsVerbPhrase)
{
    /// <summary>A noun phrase for any goal: "a chance to find the logbook", or the noun phrase itself.</summary>
    public string AsNounPhrase => IsVerbPhrase ? $"a chance to {Text}" : Text;
}

/// <summary>Wording for names, places, time, goals and facts, so the same entity is always spoken of the same way.</summary>
internal static class Naming
{
    // Arrays for Trim, which would otherwise allocate its params array on every call.
    private static readonly char[] GoalEnds = ['.', '!', ';'];
    private static readonly char[] WordEdges = [',', '.', '!', '?'];
    private static readonly char[] ClauseEndsZh = ['。', '.', '！', '!', '；', ';', '，', ','];

    private static readonly HashSet<string> NounStarts = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "my", "her", "his", "their", "our", "some", "no", "revenge", "vengeance", "justice", "freedom", "peace", "power",
        "wealth", "love", "glory", "respect", "forgiveness", "safety", "money",
    };

    private static readonly HashSet<string> NotPossessed = new(StringComparer.Ordinal)
    {
        "to", "the", "a", "an", "that", "this", "about", "of", "in", "on", "at", "with", "for", "from", "and", "or", "back", "go", "know",
        "alone", "away", "out", "up", "down", "off", "again", "be", "stay", "leave", "see", "understand", "believe",
    };

    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "mr", "mrs", "ms", "miss", "dr", "doctor", "sir", "dame", "lady", "lord", "captain", "master", "mistress", "father",
        "mother", "brother", "sister", "old", "young", "professor", "uncle", "aunt", "king", "queen", "prince", "princess", "saint",
        "st", "madam", "madame", "señor", "herr", "frau", "judge", "magistrate", "officer", "sergeant", "constable", "agent", "detective",
    };

    /// <summary>The name people use once they know who is meant: the first name ("Ada Holt" is "Ada"), a title with the last
    /// name ("Captain Ilse Varn" is "Captain Varn"), or the whole of a short name ("The Soldier", "林月").</summary>
    public static string Short(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length <= 1)
        {
            return name.Trim();
        }
        if (Titles.Contains(words[0].TrimEnd('.')))
        {
            return words.Length == 2 ? string.Join(' ', words) : $"{words[0]} {words[^1]}";
        }
        return words[0];
    }

    public static Gender GenderOf(string pronouns) => pronouns.Trim().ToLowerInvariant() switch
    {
        var t when t.StartsWith("she", StringComparison.Ordinal) || t.StartsWith("her", StringComparison.Ordinal) => Gender.Female,
        var t when t.StartsWith("he", StringComparison.Ordinal) => Gender.Male,
        _ => Gender.Neutral,
    };

    /// <summary>"brass lantern" becomes "the brass lantern"; "a sealed letter" becomes "the sealed letter"; proper names stay.</summary>
    public static string Definite(string name)
    {
        var n = name.Trim();
        var bare = Bare(n);
        if (bare.Length != n.Length)
        {
            return "the " + bare;
        }
        return n.Length > 0 && char.IsUpper(n[0]) ? n : "the " + n;
    }

    /// <summary>The name without a leading article.</summary>
    public static string Bare(string name)
    {
        var n = name.Trim();
        foreach (var article in (string[])["the ", "a ", "an "])
        {
            if (n.StartsWith(article, StringComparison.OrdinalIgnoreCase) && n.Length > article.Length)
            {
                return n[article.Length..].TrimStart();
            }
        }
        return n;
    }

    /// <summary>The part of the day of a story minute, counted from midnight of day zero.</summary>
    public static string TimeOfDay(long storyMinute)
    {
        var minute = ((storyMinute % 1440) + 1440) % 1440;
        return minute switch
        {
            < 300 => "night",
            < 420 => "dawn",
            < 720 => "morning",
            < 840 => "midday",
            < 1080 => "afternoon",
            < 1260 => "evening",
            _ => "night",
        };
    }

    /// <summary>"morning", "afternoon" or "evening", for greetings.</summary>
    public static string DayPart(long storyMinute)
    {
        var minute = ((storyMinute % 1440) + 1440) % 1440;
        return minute switch
        {
            >= 240 and < 720 => "morning",
            >= 720 and < 1080 => "afternoon",
            _ => "evening",
        };
    }

    public static GoalPhrase Goal(string goal)
    {
        var text = goal.Trim().TrimEnd(GoalEnds);
        if (text.StartsWith("to ", StringComparison.OrdinalIgnoreCase))
        {
            text = text[3..].TrimStart();
        }
        if (text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1]))
        {
            text = char.ToLowerInvariant(text[0]) + text[1..];
        }
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            var next = i + 1 < words.Count ? words[i + 1].ToLowerInvariant() : "";
            words[i] = words[i] switch
            {
                "his" or "their" when next != "" => "my",
                "her" when next != "" && !NotPossessed.Contains(next) => "my",
                "himself" or "herself" or "themselves" or "themself" => "myself",
                "him" => "me",
                var w => w,
            };
        }
        var first = words.Count > 0 ? words[0].ToLowerInvariant() : "";
        var isVerb = first.Length > 0 && !NounStarts.Contains(first) && !first.EndsWith("ing", StringComparison.Ordinal);
        return new GoalPhrase(string.Join(' ', words), isVerb);
    }

    /// <summary>A known fact as the character would state it: "I owe the harbourmaster a favour", "the lantern hides a note".</summary>
    public static string Statement(FactView fact, EntityId self)
    {
        var predicate = Words(fact.Predicate);
        var value = fact.Value.Trim().TrimEnd('.');
        return fact.Subject == self
            ? $"I {FirstPerson(predicate)} {value}"
            : $"{Definite(fact.SubjectName)} {predicate} {value}";
    }

    private static readonly HashSet<string> ClauseWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "never", "always", "not", "can't", "won't", "doesn't", "don't", "who", "that", "which", "and", "or", "but", "to", "of", "with",
    };

    private static readonly HashSet<string> ThirdPerson = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "him", "his", "her", "hers", "they", "them", "their", "himself", "herself", "themselves",
    };

    // The importer's lore and story-so-far facts brief a model on the setting; no one says them aloud.
    private static readonly HashSet<string> BriefingSubjects = new(StringComparer.Ordinal) { "lore", "story-so-far" };

    /// <summary>A trait that fits "I'm too ..." and "being ...": one adjective ("stubborn", "strong-willed") or an adverb and
    /// one ("fiercely loyal"); null for a clause such as "never forgets a debt".</summary>
    public static string? Adjective(string trait)
    {
        var words = trait.Trim().TrimEnd('.').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 2 || words.Any(ClauseWords.Contains)
            || words.Any(w => !w.All(c => char.IsLetter(c) || c is '-' or '\'')))
        {
            return null;
        }
        if (words.Length == 2 && !words[0].EndsWith("ly", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var head = words[^1].ToLowerInvariant();
        var verbLike = head.EndsWith('s') && !head.EndsWith("ous", StringComparison.Ordinal)
            && !head.EndsWith("ss", StringComparison.Ordinal);
        return verbLike ? null : string.Join(' ', words).ToLowerInvariant();
    }

    /// <summary>True when a fact can be said aloud in a sentence: short, plain, not a briefing, and when it is about the speaker,
    /// free of he/she/they (stated in the first person, "he has not been wrong" would be about someone else).</summary>
    public static bool Speakable(FactView fact, EntityId self)
    {
        if (BriefingSubjects.Contains(fact.Subject.Value))
        {
            return false;
        }
        var words = fact.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 12 || fact.Value.Contains(';', StringComparison.Ordinal) || fact.Value.Count(c => c == ',') > 1)
        {
            return false;
        }
        return fact.Subject != self || !words.Any(w => ThirdPerson.Contains(w.Trim(WordEdges)));
    }

    /// <summary>What an objective is about, in a few words: the first person, item or place the perspective knows that the
    /// objective names ("Brann", "the scales"), so speech can point at it instead of reciting the objective.</summary>
    public static string? Topic(string objective, Perspective p)
    {
        var candidates = new List<(string Name, string Said)>();
        candidates.AddRange((p.Present.IsDefault ? [] : p.Present).Where(x => x.Id != p.Self).Select(x => (x.Name, Short(x.Name))));
        candidates.AddRange((p.Relationships.IsDefault ? [] : p.Relationships).SelectMany(r => (string[])[r.FromName, r.ToName])
            .Where(n => n != p.Persona.Name).Select(n => (n, Short(n))));
        candidates.AddRange((p.Items.IsDefault ? [] : p.Items).Select(i => (Bare(i.Name), Definite(i.Name))));
        candidates.AddRange((p.Place.Exits.IsDefault ? [] : p.Place.Exits).Select(e => (Bare(e.Name), Definite(e.Name))));
        candidates.Add((Bare(p.Place.Name), Definite(p.Place.Name)));
        var best = candidates
            .Where(c => c.Name.Length >= 3)
            .Select(c => (c.Said, At: objective.IndexOf(c.Name, StringComparison.OrdinalIgnoreCase)))
            .Where(c => c.At >= 0)
            .OrderBy(c => c.At)
            .FirstOrDefault();
        return best.Said;
    }

    /// <summary>A predicate as written in data ("is-secretly", "owes_money") in words.</summary>
    public static string Words(string predicate) => predicate.Replace('-', ' ').Replace('_', ' ').Trim();

    /// <summary>"is secretly" becomes "am secretly", "owes" becomes "owe", "carries" becomes "carry".</summary>
    public static string FirstPerson(string predicate)
    {
        var words = predicate.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return predicate;
        }
        var verb = words.Length > 1 && words[0].EndsWith("ly", StringComparison.Ordinal) ? 1 : 0;
        words[verb] = Conjugate(words[verb]);
        return string.Join(' ', words);
    }

    private static string Conjugate(string verb) => verb switch
    {
        "is" => "am",
        "was" => "was",
        "has" => "have",
        "does" => "do",
        "goes" => "go",
        _ when verb.Length > 4 && verb.EndsWith("ies", StringComparison.Ordinal) => verb[..^3] + "y",
        _ when verb.EndsWith("sses", StringComparison.Ordinal) || verb.EndsWith("shes", StringComparison.Ordinal)
            || verb.EndsWith("ches", StringComparison.Ordinal) || verb.EndsWith("xes", StringComparison.Ordinal) => verb[..^2],
        _ when verb.Length > 2 && verb.EndsWith('s') && !verb.EndsWith("ss", StringComparison.Ordinal)
            && !verb.EndsWith("us", StringComparison.Ordinal) => verb[..^1],
        _ => verb,
    };

    /// <summary>A goal, objective or fact as written, without its closing stop, so a template can carry on after it.</summary>
    public static string AsWrittenZh(string text) => text.Trim().TrimEnd(ClauseEndsZh);

    /// <summary>A trait short enough to say as one word ("固执", "心直口快"); a longer description stays unsaid.</summary>
    public static string? TraitZh(string trait) => AsWrittenZh(trait) is { Length: > 0 and <= 6 } t ? t : null;

    /// <summary>The part of the day of a story minute, in Chinese.</summary>
    public static string TimeOfDayZh(long storyMinute) => (((storyMinute % 1440) + 1440) % 1440) switch
    {
        < 300 => "深夜",
        < 420 => "黎明",
        < 720 => "上午",
        < 840 => "中午",
        < 1080 => "下午",
        < 1260 => "傍晚",
        _ => "夜里",
    };

    /// <summary>"早上", "下午" or "晚上", for greetings.</summary>
    public static string DayPartZh(long storyMinute) => (((storyMinute % 1440) + 1440) % 1440) switch
    {
        >= 240 and < 720 => "早上",
        >= 720 and < 1080 => "下午",
        _ => "晚上",
    };
}
