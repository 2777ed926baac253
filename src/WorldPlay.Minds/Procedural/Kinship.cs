using System.Text.RegularExpressions;
using WorldPlay.Core.Minds;

namespace WorldPlay.Minds.Procedural;

/// <summary>A kind of tie someone can name in a line, in both languages: the relationship type it is stored as (in
/// <see cref="TieWords"/>' convention, the relative is the tie's From: "Lena -sister-> Wren" is Wren's sister Lena),
/// the word that names the relative to the other end, and the relative's gender.</summary>
internal sealed record Kin(string Type, string English, string Chinese, Gender Gender)
{
    /// <summary>The relatives and friends the co-creating user and the characters name.</summary>
    public static readonly Kin[] All =
    [
        new("sister", "sister", "姐姐", Gender.Female),
        new("brother", "brother", "哥哥", Gender.Male),
        new("mother", "mother", "母亲", Gender.Female),
        new("father", "father", "父亲", Gender.Male),
        new("cousin", "cousin", "表妹", Gender.Female),
        new("aunt", "aunt", "姑妈", Gender.Female),
        new("uncle", "uncle", "舅舅", Gender.Male),
        new("friend", "friend", "朋友", Gender.Male),
    ];

    public string Word(bool chinese) => chinese ? Chinese : English;

    public string He => Gender switch { Gender.Male => "he", Gender.Female => "she", _ => "they" };

    public string Him => Gender switch { Gender.Male => "him", Gender.Female => "her", _ => "them" };

    public string ChineseHe => Gender == Gender.Female ? "她" : "他";

    /// <summary>The kin a tie type names, or null when the type is not kin (owes, trusts, ...).</summary>
    public static Kin? Of(string type)
    {
        var canonical = TieWords.Canonical(type);
        return All.FirstOrDefault(k => k.Type == canonical)
            ?? (canonical is "sibling" ? All[0] : canonical is "parent" ? All[2] : null);
    }
}

/// <summary>How lines name a created person: the procedural minds recognise "my sister Lena Varro", "我姐姐林晓雨" and "Bram
/// Tiller owes me" in what they hear, and find the created entity a line names.</summary>
internal static partial class Kinship
{
    /// <summary>The kin word and name a line introduces or asks about ("my sister Lena", "我的哥哥陈志远"), or null.</summary>
    public static (string KinWord, string Name)? NamedRelative(string text)
    {
        if (EnglishKin().Match(text) is { Success: true } en)
        {
            return (en.Groups["kin"].Value, en.Groups["name"].Value);
        }
        if (ChineseKin().Match(text) is { Success: true } zh)
        {
            return (zh.Groups["kin"].Value, zh.Groups["name"].Value);
        }
        return EnglishDebt().Match(text) is { Success: true } debt ? ("", debt.Groups["name"].Value) : null;
    }

    /// <summary>The created entity <paramref name="text"/> names: by its whole name, or for a spaced script by its first name.</summary>
    public static CreationView? Named(string text, Perspective p)
    {
        var creations = p.Creations.IsDefault ? [] : p.Creations;
        return creations.FirstOrDefault(c => Core.NameMention.IndexOf(text, c.Name) >= 0)
            ?? creations.FirstOrDefault(c => c.Kind == Core.EntityKind.Character && !IsChinese(c.Name)
                && c.Name.Split(' ')[0] is { Length: > 2 } first && Core.NameMention.IndexOf(text, first) >= 0);
    }

    /// <summary>Whether <paramref name="name"/> (or its first word) names anyone or anything the perspective shows.</summary>
    public static bool Knows(string name, Perspective p)
    {
        var known = (p.Present.IsDefault ? [] : p.Present.Select(x => x.Name))
            .Concat(p.Items.IsDefault ? [] : p.Items.Select(i => i.Name))
            .Concat(p.Relationships.IsDefault ? [] : p.Relationships.SelectMany(r => new[] { r.FromName, r.ToName }))
            .Concat(p.Creations.IsDefault ? [] : p.Creations.Select(c => c.Name))
            .Concat(p.Facts.IsDefault ? [] : p.Facts.Select(f => f.SubjectName))
            .Append(p.Persona.Name).Append(p.Place.Name);
        return known.Any(k => k.Contains(name, StringComparison.OrdinalIgnoreCase) || name.Contains(k, StringComparison.OrdinalIgnoreCase));
    }

    public static bool IsChinese(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    [GeneratedRegex(@"\b[Mm]y (?:late |old )?(?<kin>sister|brother|mother|father|cousin|aunt|uncle|friend)\s+" +
        @"(?<name>[A-Z][a-z]+(?: [A-Z][a-z]+)?)")]
    private static partial Regex EnglishKin();

    [GeneratedRegex(@"我(?:的)?(?:已故的|老)?(?<kin>姐姐|妹妹|哥哥|弟弟|母亲|父亲|表妹|表哥|姑妈|舅舅|朋友)" +
        @"(?<name>[\u4e00-\u9fff]{2,3}?)(?=住|在|的|吗|呢|，|。|？|、|最近|有|还|现在|那|去|欠|葬|，|$)")]
    private static partial Regex ChineseKin();

    [GeneratedRegex(@"(?<name>[A-Z][a-z]+ [A-Z][a-z]+),? (?:still )?owes me")]
    private static partial Regex EnglishDebt();
}
