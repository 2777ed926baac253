using System.Collections.Immutable;
using WorldPlay.Core;
using WorldPlay.Core.Minds;

namespace WorldPlay.Minds.Procedural;

/// <summary>What a procedural character says when the user's line names someone or something made during play: what it
/// knows of it, in the words of its ties (the right kin, the right place), or, when it knows nothing, that it does not know
/// them. Now and then, when the user talks of family, the character names a relative of its own, through a proposal.</summary>
internal static class CreationTalk
{
    private const double OwnRelativeChance = 0.3;

    private static readonly Kin[] OwnKin = [.. Kin.All.Where(k => k.Type is "brother" or "sister" or "cousin" or "father")];
    private static readonly string[] GivenEn = ["Aldo", "Gerrit", "Sander", "Ivo", "Elsa", "Marit", "Ottilie", "Joran"];
    private static readonly string[] GivenZh = ["远山", "秋生", "云舒", "春燕", "立夏", "晚晴"];

    /// <summary><paramref name="action"/> with an answer about the creation the heard line names put first, and perhaps a
    /// relative of the character's own; unchanged when the line is not the user's or names nothing made in play.</summary>
    public static CharacterAction Amend(Perspective p, CharacterAction action)
    {
        if (PerspectiveReading.Heard(p) is not { } heard
            || PerspectiveReading.Present(p).FirstOrDefault(x => x.Id == heard.Speaker) is not { IsUser: true } user)
        {
            return action;
        }
        var chinese = p.Language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var answer = Kinship.Named(heard.Text, p) is { } known
            ? Known(known, user, p, chinese)
            : Kinship.NamedRelative(heard.Text) is { } named && AsksAbout(heard.Text, named.Name) && !Kinship.Knows(named.Name, p)
                ? Unknown(named.Name, chinese)
                : null;
        if (answer is null)
        {
            return action;
        }
        var speech = answer + (chinese ? "" : " ") + action.Speech;
        var random = new Random(StableSeed.Of(p.Cue.Seed, p.Self.Value, "own-relative"));
        // The relative is named before any step away: a character who has left the scene can no longer act in it.
        if (Kinship.NamedRelative(heard.Text) is not null && random.NextDouble() < OwnRelativeChance
            && OwnRelative(p, random, chinese) is { } own)
        {
            return action with { Speech = speech + (chinese ? "" : " ") + own.Line, Proposals = [.. own.Proposals, .. action.Proposals] };
        }
        return action with { Speech = speech };
    }

    /// <summary>An answer about <paramref name="c"/> that says only what its ties and place say.</summary>
    public static string Known(CreationView c, PresentView user, Perspective p, bool chinese)
    {
        var ties = c.Ties.IsDefault ? [] : c.Ties;
        var toUser = ties.FirstOrDefault(t => (t.From == c.Id && t.To == user.Id) || (t.To == c.Id && t.From == user.Id));
        var toSelf = ties.FirstOrDefault(t => (t.From == c.Id && t.To == p.Self) || (t.To == c.Id && t.From == p.Self));
        var kin = toUser is not null ? Kin.Of(toUser.Type) : toSelf is not null ? Kin.Of(toSelf.Type) : null;
        var owes = toUser is not null && TieWords.Canonical(toUser.Type) == "owes" && toUser.From == c.Id;
        var he = kin?.Gender == Gender.Female ? (chinese ? "她" : "she")
            : kin is null ? (chinese ? "他" : "they")
            : chinese ? "他" : "he";
        var place = c.PlaceName;
        if (c.Kind == EntityKind.Item)
        {
            return chinese
                ? place is null ? $"你的{c.Name}？我记得你给我们看过。" : $"{c.Name}？我记得在{place}。"
                : place is null ? $"Your {c.Name}? I remember you showing it to us."
                : $"The {c.Name}? Last I knew it was at {Place(place)}.";
        }
        var who = (kin, toUser is not null, chinese) switch
        {
            ({ } k, true, false) => $"Your {k.English} {c.Name}",
            ({ } k, false, false) => $"My {k.English} {c.Name}",
            ({ } k, true, true) => $"你{k.Chinese}{c.Name}",
            ({ } k, false, true) => $"我{k.Chinese}{c.Name}",
            (null, _, false) => owes ? $"{c.Name}, who owes you" : c.Name,
            (null, _, true) => owes ? $"欠你钱的{c.Name}" : c.Name,
        };
        var told = c.ToldByName is { } by ? chinese ? $"是{by}告诉我的。" : $" {by} told me of {(he == "she" ? "her" : "him")}." : "";
        if (place is null)
        {
            return chinese ? $"{who}？我知道这个人。{told}" : $"{who}? I know of {(he == "she" ? "her" : "him")}.{told}";
        }
        return chinese
            ? $"{who}？我听说{he}还在{place}。{told}"
            : $"{who}? Last I heard, {(he == "they" ? "they were" : he + " was")} still at {Place(place)}.{told}";
    }

    /// <summary>An answer that admits not knowing <paramref name="name"/>, and asserts nothing about them.</summary>
    public static string Unknown(string name, bool chinese) => chinese
        ? $"{name}？我不认识这个人。是谁？"
        : $"{name}? I don't know anyone by that name. Who is that?";

    /// <summary>A relative of the character's own, named at a place it can see from here, living or dead, with the tie.</summary>
    public static (string Line, ImmutableArray<Proposal> Proposals)? OwnRelative(Perspective p, Random random, bool chinese)
    {
        var exits = PerspectiveReading.Exits(p);
        if (exits.Count == 0)
        {
            return null;
        }
        var place = exits[random.Next(exits.Count)];
        var kin = OwnKin[random.Next(OwnKin.Length)];
        var self = p.Persona.Name;
        var given = chinese ? GivenZh[random.Next(GivenZh.Length)] : GivenEn[random.Next(GivenEn.Length)];
        // Family shares a surname, which keeps two characters' relatives from taking the same name.
        var name = chinese ? self[..1] + given : self.Split(' ') is { Length: > 1 } words ? $"{given} {words[^1]}" : $"{given} of {self}";
        if (Kinship.Knows(name, p))
        {
            return null;
        }
        var dead = random.Next(2) == 0;
        var id = new EntityId($"{p.Self.Value}-{kin.Type}-{p.Turn}");
        var description = chinese
            ? $"{self}的{(dead ? "已故的" : "")}{kin.Chinese}。"
            : $"{self}'s {(dead ? "late " : "")}{kin.English}.";
        var proposals = ImmutableArray.Create(
            Proposal.Of(p.Self, new EntityCreated(id, EntityKind.Character, name, [], description, place.To, null,
                dead ? EntityStatus.Dead : EntityStatus.Alive)),
            Proposal.Of(p.Self, new RelationshipChanged(id, p.Self, kin.Type, 0.7)));
        var line = (dead, chinese) switch
        {
            (true, false) =>
                $"My late {kin.English} {name} lies buried out past {Place(place.Name)}; talk of family brings {kin.Him} back.",
            (false, false) => $"My {kin.English} {name} lives out past {Place(place.Name)}; I should visit more than I do.",
            (true, true) => $"我已故的{kin.Chinese}{name}葬在{place.Name}那边，一说起家人我就想起{kin.ChineseHe}。",
            (false, true) => $"我{kin.Chinese}{name}住在{place.Name}那边，我该多去看看{kin.ChineseHe}。",
        };
        return (line, proposals);
    }

    private static string Place(string name) => Naming.Definite(name);

    // Being told of someone new is not being asked about them: only a question naming them gets "who is that?".
    private static bool AsksAbout(string text, string name)
    {
        var end = text.IndexOfAny(['.', '!', '?', ';', '。', '！', '？', '；'], Math.Max(0, text.IndexOf(name, StringComparison.Ordinal)));
        return end >= 0 && text[end] is '?' or '？';
    }
}
