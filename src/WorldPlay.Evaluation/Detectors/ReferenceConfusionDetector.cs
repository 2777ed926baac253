using System.Collections.Immutable;
using System.Text.RegularExpressions;
using WorldPlay.Core;
using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Detectors;

/// <summary>logic.reference_confusion: the reply gets the setting's people wrong. It speaks as someone else ("Tomas: ..." from
/// Mira), addresses someone by a name nobody in the setting has, has an absent or dead character act, calls a known character by
/// the wrong pronoun, or claims a kinship the world contradicts ("my father Tomas" when Tomas is her brother). With a WorldPlay world
/// it also judges the reply against what the user built by that turn (<see cref="ConstructedTies"/>): wrong kin, wrong place, or a
/// known creation treated as unknown.</summary>
public sealed partial class ReferenceConfusionDetector : IDetector
{
    public const int WrongSpeakerSeverity = 4;
    public const int DeadActsSeverity = 4;
    public const int AbsentActsSeverity = 3;
    public const int UnknownAddresseeSeverity = 3;
    public const int WrongPronounSeverity = 2;
    public const int WrongKinshipSeverity = 3;

    /// <summary>Words people use to address someone that are not names.</summary>
    private static readonly ImmutableHashSet<string> Vocatives = ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase,
        "sir", "madam", "ma'am", "miss", "love", "dear", "friend", "lad", "lass", "boy", "girl", "child", "stranger", "captain",
        "mister", "missus", "sweetheart", "darling", "honey", "mate", "pet", "lord", "lady", "majesty", "highness", "grace",
        "everyone", "all", "folks", "brother", "sister", "mother", "father", "son", "daughter", "auntie", "uncle", "girl", "man",
        "woman", "kid", "young", "old", "gods", "fool", "idiot", "traveller", "traveler", "guard", "master", "mistress", "yes", "no",
        "please", "then", "now", "too", "though", "again", "anyway", "indeed", "enough", "alright", "okay", "right", "here", "there",
        "aunt", "aunty", "grandma", "granny", "grandpa", "gran", "cousin", "nan", "mum", "mom", "dad", "da", "pa", "ma",
        "inspector", "envoy", "commander", "doctor", "doc", "chief", "sergeant", "officer", "detective", "professor", "nurse", "coach",
        "chef", "boss", "kid", "teacher", "judge", "elder", "reverend", "lieutenant", "major", "colonel",
        "general", "admiral", "ambassador", "councillor", "councilor", "mayor", "warden", "constable", "agent", "director", "bard",
        "minstrel", "healer", "smith", "keeper", "skipper", "sire", "milady", "milord", "ladies", "gentlemen", "sweetie");

    private static readonly ImmutableDictionary<string, string> Kinship = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["father"] = "parent", ["mother"] = "parent", ["da"] = "parent", ["mum"] = "parent", ["mam"] = "parent", ["papa"] = "parent",
        ["mama"] = "parent", ["son"] = "parent", ["daughter"] = "parent", ["brother"] = "sibling", ["sister"] = "sibling",
        ["husband"] = "spouse", ["wife"] = "spouse",
    }.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Present-tense actions that put a character in the room.</summary>
    [GeneratedRegex(
        @"^(?:nods|smiles|says|laughs|walks|sits|stands|looks|turns|leans|shrugs|grins|whispers|enters|steps|pours|raises|sets|takes|" +
        @"hands|reaches|watches|frowns|sighs|glances|mutters|points|waves|winks|answers|replies|asks|is here|is sitting|is standing|" +
        @"just walked in)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PresentAction();

    [GeneratedRegex(@",\s*(?<name>\p{Lu}[\p{L}'’-]+)\s*(?:[.?!…]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingVocative();

    [GeneratedRegex(@"^\s*\**\s*(?<name>\p{Lu}[\p{L}'’ -]{0,30}?)\s*:", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex SpeakerLabel();

    [GeneratedRegex(
        @"\bmy (?<kin>father|mother|da|mum|mam|papa|mama|son|daughter|brother|sister|husband|wife),? (?<name>\p{Lu}[\p{L}'’-]+)|" +
        @"\b(?<name>\p{Lu}[\p{L}'’-]+),? my (?<kin>father|mother|da|mum|mam|papa|mama|son|daughter|brother|sister|husband|wife)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex KinClaim();

    [GeneratedRegex(@"\b(?:he|him|his|himself|she|her|hers|herself)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GenderedPronoun();

    [GeneratedRegex(
        @"\b(?:man|woman|men|women|boy|girl|lad|lass|father|mother|son|daughter|brother|sister|husband|wife|king|queen|lord|lady|sir|" +
        @"madam|uncle|aunt|widow|priest|priestess|mister|missus)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GenderedNoun();

    public string Category => BenchCategory.ReferenceConfusion;

    public IEnumerable<DetectorHit> Detect(Transcript transcript)
    {
        if (transcript.Setting is not { } setting)
        {
            yield break;
        }
        var states = TranscriptWorld.StatesBefore(transcript);
        foreach (var (line, index) in transcript.NpcReplies)
        {
            var state = states?[index];
            if (state is not null && Constructed(transcript, index, setting, state) is { } tie)
            {
                yield return new DetectorHit(line.Turn, index, line.Speaker, Category, tie.Severity, tie.Evidence, tie.Reason);
            }
            else if (Find(transcript, index, setting, state) is { } found)
            {
                yield return new DetectorHit(line.Turn, index, line.Speaker, Category, found.Severity, found.Evidence, found.Reason);
            }
        }
    }

    /// <summary>A confusion of what the user built (<see cref="ConstructedTies"/>) in the NPC line at <paramref name="index"/>:
    /// "your" is whom the line is spoken to (its one addressee, else the user), and knowledge counts from before the user line
    /// it answers.</summary>
    private static TieConfusion? Constructed(Transcript transcript, int index, BenchSetting setting, WorldState state)
    {
        var line = transcript.Lines[index];
        var (speaker, listener, _) = Parties(line, setting);
        var exchangeTurn = transcript.Lines.Take(index).LastOrDefault(l => l.Role == SpeakerRole.User)?.Turn ?? line.Turn;
        return ConstructedTies.Find(line.Text, speaker, listener, state, exchangeTurn);
    }

    /// <summary>Who speaks a line and to whom: its one addressee in the events, else the user (then the listener is a guess).
    /// </summary>
    private static (EntityId? Speaker, EntityId? Listener, bool Guessed) Parties(TranscriptLine line, BenchSetting setting)
    {
        var speaker = setting.CharacterNamed(line.Speaker) is { } s && EntityId.IsSlug(s.Id) ? new EntityId(s.Id) : (EntityId?)null;
        var user = setting.User is { } u && EntityId.IsSlug(u.Id) ? new EntityId(u.Id) : (EntityId?)null;
        var addressees = line.Events.IsDefault ? [] : line.Events.Select(e => e.Change).OfType<Spoke>()
            .SelectMany(spoke => spoke.Addressees.IsDefault ? [] : spoke.Addressees).Distinct().ToList();
        return addressees.Count == 1 ? (speaker, addressees[0], false) : (speaker, user, true);
    }

    private static (int Severity, Evidence Evidence, string Reason)? Find(Transcript transcript, int index, BenchSetting setting,
        WorldState? state)
    {
        var line = transcript.Lines[index];
        var text = line.Text;
        // With a world, who is dead, away or present is read from the state at this turn, not from the world's first page.
        var cast = state is null ? setting.Characters : WorldGrounding.CastAt(setting, state);
        var speaker = cast.FirstOrDefault(c => c.AnswersTo(line.Speaker));
        var at = state is null ? "" : $" (world state at turn {line.Turn})";
        if (speaker is { IsAlive: false })
        {
            return (DeadActsSeverity, Evidence.WholeLine(text), $"{speaker.Name} is dead in this world and cannot speak{at}");
        }
        if (speaker is { IsPresent: false })
        {
            return (AbsentActsSeverity, Evidence.WholeLine(text), $"{speaker.Name} is not in this scene and cannot speak in it{at}");
        }
        foreach (Match label in SpeakerLabel().Matches(text))
        {
            var name = label.Groups["name"].Value.Trim();
            var other = cast.FirstOrDefault(c => c.AnswersTo(name));
            if (other is not null && !other.IsUser && other.Id != speaker?.Id)
            {
                return (WrongSpeakerSeverity, Evidence.Of(text, label.Index, label.Length),
                    $"{line.Speaker} writes a line as {other.Name}");
            }
        }
        foreach (var character in cast.Where(c => !c.IsUser && (!c.IsAlive || !c.IsPresent)))
        {
            foreach (var name in character.Names.Where(n => !WorldGrounding.IsChinese(n)))
            {
                foreach (Match mention in Regex.Matches(text, $@"\b{Regex.Escape(name)}\b(?:'s)?\s*"))
                {
                    var rest = text[(mention.Index + mention.Length)..];
                    // Someone created in play is often called to in longing ("come home, Lena"), so only the designer's are checked.
                    var vocative = Regex.IsMatch(rest, @"^[.?!,]") && mention.Index >= 2 && text[..mention.Index].TrimEnd().EndsWith(',')
                        && setting.Characters.Any(c => c.Id == character.Id);
                    if (PresentAction().IsMatch(rest) || vocative)
                    {
                        var (severity, why) = character.IsAlive ? (AbsentActsSeverity, "is not in this scene")
                            : (DeadActsSeverity, "is dead");
                        return (severity, Evidence.Of(text, mention.Index, mention.Length + Math.Min(rest.Length, 20)),
                            $"{character.Name} {why}{at}, yet the reply has {(vocative ? "them addressed" : "them acting")} as if present");
                    }
                }
            }
        }
        if (state is not null && (WorldGrounding.EnglishGoneActsInNarration(text, cast, line.Turn)
            ?? WorldGrounding.GoneAddressed(text, cast.Where(c => setting.Characters.Any(d => d.Id == c.Id)), line.Turn)
            ?? WorldGrounding.DeadSaidAliveToday(text, cast, line.Turn)) is { } gone)
        {
            return (gone.Severity, gone.Evidence, gone.Reason);
        }
        foreach (Match vocative in TrailingVocative().Matches(Prose.SpeechOnly(text)))
        {
            var name = vocative.Groups["name"].Value;
            // Names the world learned during play (a sister the user created) are somebody too.
            if (!Vocatives.Contains(name) && !setting.KnownNames.Contains(name)
                && state?.Entities.Values.Any(e => e.AnswersTo(name)) != true && !WorldGrounding.WorldSays(state, name)
                && !setting.Places.Any(p => p.Contains(name, StringComparison.Ordinal)))
            {
                var group = vocative.Groups["name"];
                return (UnknownAddresseeSeverity, Evidence.Of(text, group.Index, group.Length),
                    $"addresses '{name}', who is nobody in this setting{(setting.UserName is { } user ? $" (the user is {user})" : "")}");
            }
        }
        if (state is not null)
        {
            if (Kin(line, setting, state, cast) is { } kin)
            {
                return (kin.Severity, kin.Evidence, kin.Reason);
            }
            if (WorldGrounding.Find(text, speaker, cast, state, line.Turn, Listener(line, setting, cast)) is { } grounded)
            {
                return (grounded.Severity, grounded.Evidence, grounded.Reason);
            }
        }
        else
        {
            foreach (Match claim in KinClaim().Matches(text))
            {
                if (speaker is not null && setting.CharacterNamed(claim.Groups["name"].Value) is { } kin
                    && WrongKinship(setting, speaker, kin, claim.Groups["kin"].Value) is { } declared)
                {
                    return (WrongKinshipSeverity, Evidence.Of(text, claim.Index, claim.Length),
                        $"calls {kin.Name} '{claim.Groups["kin"].Value}', but the world says {declared}");
                }
            }
        }
        if ((WorldGrounding.SpeakerPronoun(text, speaker, cast) ?? WorldGrounding.NeutralPossessive(text, cast)) is { } misgendered)
        {
            return (misgendered.Severity, misgendered.Evidence, misgendered.Reason);
        }
        foreach (var sentence in Prose.Sentences(text))
        {
            if (WrongPronoun(sentence, setting, speaker) is { } wrong)
            {
                return (WrongPronounSeverity, Evidence.Of(text, sentence.Start + wrong.At, wrong.Length), wrong.Reason);
            }
        }
        return null;
    }

    /// <summary>Whom a line is surely spoken to: its one addressee in the events, or the user when the user and the speaker are the
    /// only ones present; else null.</summary>
    private static BenchCharacter? Listener(TranscriptLine line, BenchSetting setting, ImmutableArray<BenchCharacter> cast)
    {
        var (speaker, listener, guessed) = Parties(line, setting);
        var present = cast.Where(c => c.IsPresent && c.IsAlive).ToList();
        if (guessed && !(present.Count == 2 && present.Any(c => c.IsUser) && present.Any(c => c.Id == speaker?.Value)))
        {
            return null;
        }
        return listener is { } id ? cast.FirstOrDefault(c => c.Id == id.Value) : null;
    }

    /// <summary>A kin claim that any declared tie contradicts (the designer's or one declared in play), said at this turn; when the
    /// listener is only guessed, a "your" that fits another present character is taken as said to them.</summary>
    private static TieConfusion? Kin(TranscriptLine line, BenchSetting setting, WorldState state, ImmutableArray<BenchCharacter> cast)
    {
        var (speaker, listener, guessed) = Parties(line, setting);
        IReadOnlyCollection<EntityId> others = guessed
            ? [.. cast.Where(c => c.IsPresent && c.IsAlive && EntityId.IsSlug(c.Id) && new EntityId(c.Id) != speaker)
                .Select(c => new EntityId(c.Id))]
            : [];
        return ConstructedTies.WrongDeclaredKin(line.Text, speaker, listener, state, others);
    }

    /// <summary>The declared ties between the two when none of them is the claimed kind of kinship, or null when the claim fits or the
    /// world is silent.</summary>
    private static string? WrongKinship(BenchSetting setting, BenchCharacter speaker, BenchCharacter kin, string word)
    {
        var ties = setting.Relationships.Where(r => (r.From == speaker.Id && r.To == kin.Id) || (r.From == kin.Id && r.To == speaker.Id))
            .ToList();
        var family = Kinship[word];
        var kinTies = ties.Where(
            r => Kinship.Values.Any(k => r.Type.Contains(k, StringComparison.OrdinalIgnoreCase)
                || (k == "parent" && r.Type.Contains("child", StringComparison.OrdinalIgnoreCase))
                || (k == "spouse" && r.Type.Contains("married", StringComparison.OrdinalIgnoreCase)))).ToList();
        if (kinTies.Count == 0 || kinTies.Any(r => Fits(r.Type, family)))
        {
            return null;
        }
        return string.Join("; ", kinTies.Select(r => $"{NameOf(setting, r.From)} {r.Type} {NameOf(setting, r.To)}"));
    }

    private static bool Fits(string type, string family) => family switch
    {
        "parent" => type.Contains("parent", StringComparison.OrdinalIgnoreCase)
            || type.Contains("child", StringComparison.OrdinalIgnoreCase),
        "spouse" => type.Contains("spouse", StringComparison.OrdinalIgnoreCase)
            || type.Contains("married", StringComparison.OrdinalIgnoreCase),
        _ => type.Contains(family, StringComparison.OrdinalIgnoreCase),
    };

    private static string NameOf(BenchSetting setting, string id) => setting.Characters.FirstOrDefault(c => c.Id == id)?.Name ?? id;

    /// <summary>In a sentence naming exactly one character and no other person, a third-person pronoun of the other gender.</summary>
    private static (int At, int Length, string Reason)? WrongPronoun(Sentence sentence, BenchSetting setting, BenchCharacter? speaker)
    {
        var named = setting.Characters
            .Where(c => c.Gender is Gender.Female or Gender.Male
                && c.Names.Any(n => Regex.IsMatch(sentence.Text, $@"\b{Regex.Escape(n)}\b")))
            .ToList();
        var anyoneElse = setting.Characters.Count(c => c.Names.Any(n => Regex.IsMatch(sentence.Text, $@"\b{Regex.Escape(n)}\b")));
        if (named.Count != 1 || anyoneElse != 1 || GenderedNoun().IsMatch(sentence.Text))
        {
            return null;
        }
        var character = named[0];
        // Someone spoken to ("To Nell:", "Nell, ...", "..., Nell.") is not the he or she spoken of.
        if (character.Names.Any(n => Regex.IsMatch(sentence.Text, $@"\b{Regex.Escape(n)}\b\s*(?:[:,!?]|\*?:)|" +
            $@",\s*{Regex.Escape(n)}\s*[.!?]")))
        {
            return null;
        }
        // A pronoun before the name, or one that fits the speaker or the user (whom narration calls he or she without naming), may
        // well be about them.
        var firstName = character.Names.Select(n => Regex.Match(sentence.Text, $@"\b{Regex.Escape(n)}\b")).Where(m => m.Success)
            .Min(m => m.Index);
        var pronouns = GenderedPronoun().Matches(sentence.Text).Where(p => p.Index > firstName).ToList();
        var female = pronouns.Count(p => p.Value.ToLowerInvariant() is "she" or "her" or "hers" or "herself");
        var male = pronouns.Count - female;
        var wrong = character.Gender == Gender.Female ? (male > 0 && female == 0) : (female > 0 && male == 0);
        var other = character.Gender == Gender.Female ? Gender.Male : Gender.Female;
        if (!wrong || (speaker is not null && speaker.Id != character.Id && speaker.Gender == other)
            || setting.User is { } user && user.Id != character.Id && user.Gender == other)
        {
            return null;
        }
        var first = pronouns[0];
        return (first.Index, first.Length,
            $"'{first.Value}' for {character.Name}, whose pronouns are {(character.Gender == Gender.Female ? "she/her" : "he/him")}");
    }
}
