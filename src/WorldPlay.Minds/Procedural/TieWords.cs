using WorldPlay.Core;
using WorldPlay.Core.Minds;

namespace WorldPlay.Minds.Procedural;

/// <summary>How a tie reads from the speaker's side: the other is "my sister", or is someone "who still owes me", or
/// someone "whom I trust". Only ties the perspective holds are ever put into words; unknown types give just the name.
/// Convention: "Mira -sister-> Tomas" means Mira is Tomas's sister; "Tomas -owes-> Mira" means Tomas owes Mira.</summary>
internal static class TieWords
{
    private static readonly Dictionary<string, (string Male, string Female, string Neutral)> Symmetric = new(StringComparer.Ordinal)
    {
        ["sibling"] = ("brother", "sister", "sibling"),
        ["sister"] = ("brother", "sister", "sibling"),
        ["brother"] = ("brother", "sister", "sibling"),
        ["twin"] = ("twin", "twin", "twin"),
        ["cousin"] = ("cousin", "cousin", "cousin"),
        ["spouse"] = ("husband", "wife", "spouse"),
        ["wife"] = ("husband", "wife", "spouse"),
        ["husband"] = ("husband", "wife", "spouse"),
        ["friend"] = ("friend", "friend", "friend"),
        ["rival"] = ("rival", "rival", "rival"),
        ["partner"] = ("partner", "partner", "partner"),
        ["ally"] = ("ally", "ally", "ally"),
        ["enemy"] = ("enemy", "enemy", "enemy"),
        ["lover"] = ("lover", "lover", "lover"),
        ["colleague"] = ("colleague", "colleague", "colleague"),
        ["neighbour"] = ("neighbour", "neighbour", "neighbour"),
        ["neighbor"] = ("neighbor", "neighbor", "neighbor"),
        ["crewmate"] = ("crewmate", "crewmate", "crewmate"),
        ["shipmate"] = ("shipmate", "shipmate", "shipmate"),
        ["comrade"] = ("comrade", "comrade", "comrade"),
        ["companion"] = ("companion", "companion", "companion"),
        ["betrothed"] = ("betrothed", "betrothed", "betrothed"),
    };

    // "Ada -mother-> Kit": Ada is Kit's mother, so to Kit she is "my mother" and to Ada he is "my son".
    private static readonly Dictionary<string, (string[] Forms, string[] Inverse)> Directed = new(StringComparer.Ordinal)
    {
        ["parent"] = (["father", "mother", "parent"], ["son", "daughter", "child"]),
        ["mother"] = (["father", "mother", "parent"], ["son", "daughter", "child"]),
        ["father"] = (["father", "mother", "parent"], ["son", "daughter", "child"]),
        ["child"] = (["son", "daughter", "child"], ["father", "mother", "parent"]),
        ["son"] = (["son", "daughter", "child"], ["father", "mother", "parent"]),
        ["daughter"] = (["son", "daughter", "child"], ["father", "mother", "parent"]),
        ["mentor"] = (["mentor", "mentor", "mentor"], ["apprentice", "apprentice", "apprentice"]),
        ["teacher"] = (["teacher", "teacher", "teacher"], ["pupil", "pupil", "pupil"]),
        ["apprentice"] = (["apprentice", "apprentice", "apprentice"], ["mentor", "mentor", "mentor"]),
        ["pupil"] = (["pupil", "pupil", "pupil"], ["teacher", "teacher", "teacher"]),
        ["aunt"] = (["uncle", "aunt", "aunt"], ["nephew", "niece", "niece"]),
        ["uncle"] = (["uncle", "aunt", "uncle"], ["nephew", "niece", "nephew"]),
        ["grandparent"] = (["grandfather", "grandmother", "grandparent"], ["grandson", "granddaughter", "grandchild"]),
        ["guardian"] = (["guardian", "guardian", "guardian"], ["ward", "ward", "ward"]),
    };

    // Feelings and dealings one has toward another: "From trusts To".
    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal)
    {
        "owes", "loves", "trusts", "distrusts", "resents", "fears", "admires", "hates", "suspects", "protects", "envies", "likes",
        "dislikes", "respects", "serves", "pities", "despises", "blames", "misses", "mistrusts", "adores", "worships", "obeys",
    };

    /// <summary>Someone present as the speaker names them to a third party: "my sister Mira",
    /// "Tomas, who still owes me forty crowns,", "Ada, whom I trust,", or just "Tomas". A relative clause carries its
    /// closing comma; <see cref="Phrasing.Finish"/> drops it before a full stop.</summary>
    public static string Describe(PresentView who, Perspective p)
    {
        var tie = Strongest(who, p);
        if (tie is null)
        {
            return who.Name;
        }
        var type = Canonical(tie.Type);
        var theyAreFrom = tie.From == who.Id;
        if (Noun(type, theyAreFrom, Naming.GenderOf(who.Pronouns)) is { } noun)
        {
            return $"my {noun} {who.Name}";
        }
        if (!Verbs.Contains(type))
        {
            return who.Name;
        }
        var verb = Base(type);
        if (theyAreFrom)
        {
            // Never put a feeling into the user's heart, even in a description.
            if (who.IsUser && type != "owes")
            {
                return who.Name;
            }
            return type == "owes"
                ? $"{who.Name}, who still owes me{Debt(p, who.Id, who.Name)},"
                : Faded(tie) ? $"{who.Name}, who no longer {type} me," : $"{who.Name}, who {type} me,";
        }
        return type == "owes"
            ? $"{who.Name}, whom I still owe{Debt(p, p.Self, who.Name)},"
            : Faded(tie) ? $"{who.Name}, whom I no longer {verb}," : $"{who.Name}, whom I {verb}{Intensity(type, tie.Strength)},";
    }

    /// <summary>The tie said to the other's face, about the speaker's side only: "you're my sister", "you still owe me
    /// forty crowns", "I trust you"; null when the tie is unknown or is a feeling of theirs (that is theirs to say).</summary>
    public static string? ToFace(PresentView who, Perspective p)
    {
        var tie = Strongest(who, p);
        if (tie is null)
        {
            return null;
        }
        var type = Canonical(tie.Type);
        var theyAreFrom = tie.From == who.Id;
        if (Noun(type, theyAreFrom, Naming.GenderOf(who.Pronouns)) is { } noun)
        {
            return $"you are my {noun}";
        }
        if (!Verbs.Contains(type))
        {
            return null;
        }
        if (theyAreFrom)
        {
            return type == "owes" ? $"you still owe me{Debt(p, who.Id, who.Name)}" : null;
        }
        return type == "owes"
            ? $"I still owe you{Debt(p, p.Self, who.Name)}"
            : Faded(tie) ? $"I no longer {Base(type)} you" : $"I {Base(type)} you";
    }

    /// <summary>The tie from the speaker toward <paramref name="to"/> worth nudging: the strongest one the speaker holds.</summary>
    public static RelationshipView? OwnTieToward(EntityId to, Perspective p) =>
        AllTies(p, to).Where(r => r.From == p.Self).OrderByDescending(r => Math.Abs(r.Strength)).ThenBy(r => r.Type, StringComparer.Ordinal)
            .FirstOrDefault();

    private static RelationshipView? Strongest(PresentView who, Perspective p) =>
        AllTies(p, who.Id)
            .OrderByDescending(r => IsWordable(r) ? 1 : 0)
            .ThenByDescending(r => Math.Abs(r.Strength))
            .ThenBy(r => r.Type, StringComparer.Ordinal)
            .FirstOrDefault();

    private static IEnumerable<RelationshipView> AllTies(Perspective p, EntityId other)
    {
        var present = p.Present.FirstOrDefault(x => x.Id == other);
        var ties = present?.Ties.IsDefault == false ? present.Ties : [];
        return ties.Concat(p.Relationships.IsDefault ? [] : p.Relationships)
            .Where(r => (r.From == p.Self && r.To == other) || (r.From == other && r.To == p.Self))
            .DistinctBy(r => (r.From, r.Type, r.To));
    }

    private static bool IsWordable(RelationshipView r)
    {
        var type = Canonical(r.Type);
        return Symmetric.ContainsKey(type) || Directed.ContainsKey(type) || Verbs.Contains(type);
    }

    private static string? Noun(string type, bool theyAreFrom, Gender gender)
    {
        var index = (int)gender;
        if (Symmetric.TryGetValue(type, out var forms))
        {
            return index switch { 0 => forms.Male, 1 => forms.Female, _ => forms.Neutral };
        }
        if (Directed.TryGetValue(type, out var directed))
        {
            return theyAreFrom ? directed.Forms[index] : directed.Inverse[index];
        }
        return null;
    }

    private static string Debt(Perspective p, EntityId debtor, string creditorName)
    {
        var debt = p.Facts.FirstOrDefault(f => f.Subject == debtor && f.Predicate.Contains("owe", StringComparison.OrdinalIgnoreCase)
            && !f.IsOwnSecret);
        return debt is { } d && d.Value.Length <= 40 && !LineGist.Mentions(d.Value, creditorName) ? " " + d.Value.Trim().TrimEnd('.') : "";
    }

    // Strength is a feeling's sign (negative is hostile): a warm tie gone negative, or a hostile one warmed to nothing, has faded.
    private static bool Faded(RelationshipView tie) => RelationshipTone.IsHostile(tie.Type) ? tie.Strength > -0.05 : tie.Strength < -0.2;

    private static string Intensity(string type, double strength) => (type, strength) switch
    {
        ("trusts", >= 0.75) => " with my life",
        ("loves" or "adores", >= 0.75) => " more than I say",
        ("admires" or "respects", >= 0.75) => " more than most",
        (_, > 0 and < 0.3) when !RelationshipTone.IsHostile(type) => " a little",
        (_, < 0 and > -0.3) when RelationshipTone.IsHostile(type) => " a little",
        _ => "",
    };

    /// <summary>The type in lowercase, with "owes-money" or "owes_debt" read as "owes".</summary>
    public static string Canonical(string type)
    {
        var t = type.Trim().ToLowerInvariant();
        var cut = t.AsSpan().IndexOfAny('-', '_', ' ');
        var head = cut > 0 ? t[..cut] : t;
        return Verbs.Contains(head) || Symmetric.ContainsKey(head) || Directed.ContainsKey(head) ? head : t;
    }

    private static string Base(string verb) => verb switch
    {
        "envies" => "envy",
        "pities" => "pity",
        "misses" => "miss",
        _ => verb.EndsWith('s') ? verb[..^1] : verb,
    };
}
