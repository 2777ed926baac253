using System.Collections.Immutable;
using System.Text.RegularExpressions;
using WorldPlay.Core;
using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Detectors;

/// <summary>A reply that gets a user-constructed tie wrong: which entity, how bad, the words and why.</summary>
public sealed record TieConfusion(EntityId Entity, int Severity, Evidence Evidence, string Reason);

/// <summary>The part of <c>logic.reference_confusion</c> about what the user built: a reply that gives a user-created character
/// the wrong kin ("your cousin Lena", "你表妹莲娜" when the user declared her their sister), puts a user-created character or item at
/// the wrong place ("Lena in Corven" when she is at Vask), or has a speaker who knows a user-created entity ask who it is ("who is
/// Lena?", "莲娜是谁？"). A speaker who never witnessed nor was told of it may say so: that is not confusion.</summary>
public static partial class ConstructedTies
{
    public const int WrongKinSeverity = 3;
    public const int WrongPlaceSeverity = 3;
    public const int TreatedAsUnknownSeverity = 3;

    private const string Sibling = "sibling";
    private const string Cousin = "cousin";
    private const string Parent = "parent";
    private const string Child = "child";
    private const string Spouse = "spouse";
    private const string Grandparent = "grandparent";
    private const string Grandchild = "grandchild";
    private const string AuntOrUncle = "aunt or uncle";
    private const string NieceOrNephew = "niece or nephew";
    private const string Friend = "friend";

    /// <summary>What a kin word says someone is to another, in English and Chinese; the gender when the word carries one.</summary>
    private static readonly ImmutableDictionary<string, (string Family, Gender Gender)> KinWords = Build(
        (Sibling, Gender.Female, "sister sis 姐姐 妹妹 姐 妹"),
        (Sibling, Gender.Male, "brother 哥哥 弟弟 哥 弟"),
        (Sibling, Gender.Unknown, "sibling siblings 兄弟姐妹"),
        (Cousin, Gender.Female, "表姐 表妹 堂姐 堂妹"),
        (Cousin, Gender.Male, "表哥 表弟 堂哥 堂弟"),
        (Cousin, Gender.Unknown, "cousin 表亲 堂亲"),
        (Parent, Gender.Female, "mother mum mom mam mama ma 母亲 妈妈 妈 娘"),
        (Parent, Gender.Male, "father dad da papa pa 父亲 爸爸 爸 爹"),
        (Parent, Gender.Unknown, "parent"),
        (Child, Gender.Female, "daughter 女儿"),
        (Child, Gender.Male, "son 儿子"),
        (Child, Gender.Unknown, "child 孩子"),
        (Spouse, Gender.Female, "wife 妻子 老婆 太太 媳妇"),
        (Spouse, Gender.Male, "husband 丈夫 老公"),
        (Spouse, Gender.Unknown, "spouse married 配偶"),
        (Grandparent, Gender.Female, "grandmother grandma gran granny 奶奶 外婆 祖母 姥姥"),
        (Grandparent, Gender.Male, "grandfather grandpa granddad 爷爷 外公 祖父 姥爷"),
        (Grandparent, Gender.Unknown, "grandparent"),
        (Grandchild, Gender.Female, "granddaughter 孙女 外孙女"),
        (Grandchild, Gender.Male, "grandson 孙子 外孙"),
        (Grandchild, Gender.Unknown, "grandchild"),
        (AuntOrUncle, Gender.Female, "aunt auntie 姑姑 姑妈 阿姨 姨妈 婶婶 舅妈"),
        (AuntOrUncle, Gender.Male, "uncle 叔叔 舅舅 伯伯 伯父"),
        (NieceOrNephew, Gender.Female, "niece 侄女 外甥女"),
        (NieceOrNephew, Gender.Male, "nephew 侄子 外甥"),
        (Friend, Gender.Unknown, "friend 朋友"));

    private static readonly string EnglishKin = Alternation(KinWords.Keys.Where(k => !IsCjk(k)));
    private static readonly string ChineseKin = Alternation(KinWords.Keys.Where(IsCjk));

    /// <summary>Words that may stand between "your" and the kin word ("your little sister").</summary>
    private const string Modifier = @"(?:(?:little|younger|older|elder|big|baby|dear|own|twin|late|beloved)\s+)?";

    /// <summary>Words before a place that deny the claim ("Lena is not in Corven", "莲娜不在科文").</summary>
    [GeneratedRegex(@"\b(?:not|never|no longer|n't|left|far from)\b|n't|[不没]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Denial();

    /// <summary>A third-person pronoun that carries a sentence's subject back to the one just named.</summary>
    [GeneratedRegex(@"\b(?:she|he|they|she's|he's|they're)\b|[她他]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ThirdPerson();

    /// <summary>The first confusion of a user-constructed tie in <paramref name="text"/>, said by <paramref name="speaker"/> to
    /// <paramref name="listener"/> ("your" means the listener) in <paramref name="state"/>, or null. Knowledge counts when the
    /// speaker had it before <paramref name="exchangeTurn"/> (the turn of the user line being answered): a name first heard in the
    /// question itself may honestly be asked about.</summary>
    public static TieConfusion? Find(string text, EntityId? speaker, EntityId? listener, WorldState state, int exchangeTurn)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(state);
        foreach (var entity in state.Entities.Values.Where(e => Concerns(e, state) && Mentions(text, e)))
        {
            var found = WrongKin(text, entity, speaker, listener, state)
                ?? WrongPlace(text, entity, state)
                ?? TreatedAsUnknown(text, entity, speaker, state, exchangeTurn);
            if (found is not null)
            {
                return found;
            }
        }
        return null;
    }

    /// <summary>The names a line may call <paramref name="entity"/> by: its name, its aliases, and for a character with a spaced
    /// name its first name ("Lena" of "Lena Varro"), as people say it after the first time.</summary>
    public static IEnumerable<string> Names(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var names = (entity.Aliases.IsDefault ? [] : entity.Aliases).Prepend(entity.Name).Where(n => n.Trim().Length > 0);
        if (entity.IsCharacter && !IsCjk(entity.Name) && entity.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries) is
            { Length: > 1 } words && words[0].Length > 2 && char.IsUpper(words[0][0]))
        {
            names = names.Append(words[0]);
        }
        return names.Distinct(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>True when <paramref name="text"/> names <paramref name="entity"/> by one of its <see cref="Names"/>.</summary>
    public static bool Mentions(string text, Entity entity) => Names(entity).Any(n => NameMention.IndexOf(text, n) >= 0);

    /// <summary>True when the user created <paramref name="entity"/>.</summary>
    public static bool UserCreated(Entity entity) => entity.Origin?.Source == OriginSource.User;

    /// <summary>What the user built: an entity the user created, or one the user declared a tie to.</summary>
    private static bool Concerns(Entity entity, WorldState state) =>
        UserCreated(entity) || state.RelationshipsOf(entity.Id).Any(r => r.Provenance.Source == OriginSource.User);

    /// <summary>The first kin claim in <paramref name="text"/> that a declared tie contradicts, whoever declared it (the designer
    /// or play): "my father Tomas" when Tomas is the speaker's brother, "your sister Lena" when Lena is the listener's cousin,
    /// "Edda's son Bram" when Bram is her brother, 我爹老周, 艾达的儿子布拉姆. When the listener was only guessed (no addressee in
    /// the events), a "your" claim that fits one of <paramref name="otherListeners"/> is taken as said to them.</summary>
    public static TieConfusion? WrongDeclaredKin(string text, EntityId? speaker, EntityId? listener, WorldState state,
        IReadOnlyCollection<EntityId> otherListeners)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(otherListeners);
        foreach (var entity in state.Entities.Values.Where(e => e.IsCharacter && Mentions(text, e)
            && state.RelationshipsOf(e.Id).Any(r => KinOfType(r.Type) is { Family: not Friend })))
        {
            if (WrongKin(text, entity, speaker, listener, state, userTiesOnly: false, otherListeners) is { } found)
            {
                return found;
            }
        }
        return null;
    }

    /// <summary>The characters a declared tie makes <paramref name="person"/>'s <paramref name="kinWord"/> ("mum", "爹"), or none
    /// when the word is not a kin word.</summary>
    public static IEnumerable<Entity> KinOf(WorldState state, EntityId person, string kinWord)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!KinWords.TryGetValue(kinWord, out var claimed) || claimed.Family == Friend)
        {
            return [];
        }
        return state.Entities.Values
            .Where(e => e.IsCharacter && e.Id != person && KinTo(state, e.Id, person).Any(d => Fits(claimed, d.Kin)));
    }

    private static TieConfusion? WrongKin(string text, Entity entity, EntityId? speaker, EntityId? listener, WorldState state,
        bool userTiesOnly = true, IReadOnlyCollection<EntityId>? otherListeners = null)
    {
        var names = NameAlternation(entity);
        var patterns = new List<string>
        {
            $@"\b(?<who>your|my)\s+{Modifier}(?<kin>{EnglishKin})\s*,?\s+{names}",
            $@"{names}\s*,\s*(?<who>your|my)\s+{Modifier}(?<kin>{EnglishKin})\b",
            $@"{names}(?:'s|’s|\s+is|\s+was)\s+(?<who>your|my)\s+{Modifier}(?<kin>{EnglishKin})\b",
            $@"(?<who>你|您|我)的?(?<kin>{ChineseKin})[，,、\s]?{names}",
            $@"{names}[，,]?(?:就是|也是|是)?(?<who>你|您|我)的?(?<kin>{ChineseKin})",
        };
        List<Entity> owners = userTiesOnly ? [] : [.. state.Entities.Values.Where(e => e.IsCharacter && e.Id != entity.Id)];
        if (owners.Count > 0)
        {
            var ownerNames = Alternation(owners.SelectMany(Names), bounded: true);
            patterns.Add($@"(?<owner>{ownerNames})(?:'s|’s)\s+{Modifier}(?<kin>{EnglishKin})\s*,?\s+{names}");
            patterns.Add($@"{names}(?:\s+is|\s+was|,)\s+(?<owner>{ownerNames})(?:'s|’s)\s+{Modifier}(?<kin>{EnglishKin})\b");
            patterns.Add($@"(?<owner>{ownerNames})的(?<kin>{ChineseKin})[，,、\s]?{names}");
            patterns.Add($@"{names}[，,]?(?:就是|也是|是)(?<owner>{ownerNames})的(?<kin>{ChineseKin})");
        }
        foreach (var pattern in patterns)
        {
            foreach (Match claim in Regex.Matches(text, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
            {
                var ownerName = claim.Groups["owner"].Value;
                var owner = claim.Groups["owner"].Success
                    ? owners.FirstOrDefault(o => Names(o).Any(n => string.Equals(n, ownerName, StringComparison.OrdinalIgnoreCase)))?.Id
                    : null;
                var said = claim.Groups["who"].Value.ToLowerInvariant();
                var person = owner ?? (said is "my" or "我" ? speaker : listener);
                if (person is not { } to || to == entity.Id)
                {
                    continue;
                }
                var word = claim.Groups["kin"].Value;
                var claimed = KinWords[word];
                var declared = KinTo(state, entity.Id, to).ToList();
                // A friend may be kin as well, so calling someone a friend contradicts no tie.
                if (claimed.Family == Friend || declared.Count == 0 || declared.Any(d => Fits(claimed, d.Kin))
                    || (userTiesOnly && !declared.Any(d => d.Tie.Provenance.Source == OriginSource.User)))
                {
                    continue;
                }
                if (owner is null && said is "your" or "你" or "您" && otherListeners is not null
                    && otherListeners.Any(o => o != entity.Id && KinTo(state, entity.Id, o).Any(d => Fits(claimed, d.Kin))))
                {
                    continue;
                }
                var whose = to == speaker ? "the speaker's" : $"{NameOf(state, to)}'s";
                return new TieConfusion(entity.Id, WrongKinSeverity, Evidence.Of(text, claim.Index, claim.Length),
                    $"calls {entity.Name} {whose} '{word}' ({Describe(claimed)}), but the world says " +
                    string.Join("; ", declared.Select(d => Tie(state, d.Tie))));
            }
        }
        return null;
    }

    private static TieConfusion? WrongPlace(string text, Entity entity, WorldState state)
    {
        if (!UserCreated(entity) || entity.Kind is not (EntityKind.Character or EntityKind.Item)
            || state.WhereIs(entity.Id) is not { } where)
        {
            return null;
        }
        var places = state.Entities.Values.Where(e => e.Kind == EntityKind.Place).ToList();
        if (places.Count == 0)
        {
            return null;
        }
        var placeNames = Alternation(places.SelectMany(p => p.Aliases.Prepend(p.Name)).Where(n => n.Length > 0), bounded: true);
        var others = state.Entities.Values.Where(e => e.IsCharacter && e.Id != entity.Id).ToList();
        var names = NameAlternation(entity);
        var patterns = new[]
        {
            $@"{names}(?<gap>[^\n]{{0,90}}?)\b(?:in|at)\s+(?:the\s+)?(?<place>{placeNames})",
            $@"{names}(?<gap>[^\n]{{0,24}}?)在(?<place>{placeNames})",
        };
        foreach (var pattern in patterns)
        {
            foreach (Match claim in Regex.Matches(text, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
            {
                var gap = claim.Groups["gap"].Value;
                // The first place after the name is the one said of it, unless the words between deny it or turn to someone else;
                // past the end of the name's sentence it still is when the next one speaks of them as she, he or they.
                var cut = gap.LastIndexOfAny(['.', '!', '?', ';', '。', '！', '？', '；']);
                var tail = cut < 0 ? gap : gap[(cut + 1)..];
                if (Denial().IsMatch(tail) || others.Any(o => Mentions(gap, o))
                    || (cut >= 0 && (gap[..cut].IndexOfAny(['.', '!', '?', ';', '。', '！', '？', '；']) >= 0 || !ThirdPerson().IsMatch(tail)))
                    || (cut < 0 && gap.Contains('，', StringComparison.Ordinal) && !ThirdPerson().IsMatch(gap)))
                {
                    break;
                }
                var said = places.First(p => p.AnswersTo(claim.Groups["place"].Value));
                if (said.Id != where)
                {
                    var place = claim.Groups["place"];
                    return new TieConfusion(entity.Id, WrongPlaceSeverity,
                        Evidence.Of(text, claim.Index, claim.Length),
                        $"puts {entity.Name} in {said.Name} ('{place.Value}'), but {entity.Name} is at {NameOf(state, where)} " +
                        $"(created by {entity.Provenance.Describe(id => NameOf(state, id))})");
                }
                break;
            }
        }
        return null;
    }

    private static TieConfusion? TreatedAsUnknown(string text, Entity entity, EntityId? speaker, WorldState state, int exchangeTurn)
    {
        if (!UserCreated(entity) || speaker is not { } who || entity.KnownBy is not { } knownBy
            || !knownBy.TryGetValue(who, out var learned) || learned.Turn >= exchangeTurn)
        {
            return null;
        }
        var names = NameAlternation(entity);
        var patterns = new[]
        {
            $@"\bwho(?:'s|’s|\s+is|\s+was)\s+(?:this\s+|that\s+)?{names}",
            $@"{names}\s*\?\s*who\b",
            $@"\b(?:(?:don't|don’t|do not|didn't|didn’t|did not)\s+know|never\s+(?:heard\s+of|met|knew)|no\s+idea\s+who)\s+" +
                $@"(?:(?:any(?:one|body)?|a|an|some(?:one|body))\s+(?:called\s+|named\s+|by\s+the\s+name\s+(?:of\s+)?)?)?{names}",
            $@"{names}(?:是谁|是哪位|是什么人)",
            $@"谁是{names}",
            $@"(?:不认识|没听说过|没听过|不知道)(?:什么|叫|一个叫)?{names}",
            $@"{names}[？?]\s*谁",
            $@"{names}\s*\?\s*(?:I\s+)?(?:don't|don’t|do not|never)\s+(?:know|knew|heard\s+of|met)\s+" +
                @"(?:(?:any(?:one|body)|some(?:one|body))\s+(?:by\s+that\s+name|called\s+that)|her|him|them|who)",
            $@"{names}\s*\?\s*who(?:'s|’s|\s+is)\s+(?:that|she|he)\b",
            $@"{names}[？?！!，,。\s]{{0,2}}我?(?:不认识|没听说过|不知道)(?:这个人|她|他|此人|是谁)",
        };
        foreach (var pattern in patterns)
        {
            var asked = Regex.Match(text, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            if (asked.Success)
            {
                var how = learned.ToldBy is { } teller
                    ? $"was told of {entity.Name} by {NameOf(state, teller)} at turn {learned.Turn}"
                    : $"was there when {entity.Name} was created at turn {learned.Turn}";
                return new TieConfusion(entity.Id, TreatedAsUnknownSeverity, Evidence.Of(text, asked.Index, asked.Length),
                    $"treats {entity.Name} as unknown, but {NameOf(state, who)} {how} " +
                    $"({entity.Provenance.Describe(id => NameOf(state, id))})");
            }
        }
        return null;
    }

    /// <summary>What <paramref name="entity"/> is to <paramref name="person"/> by each kin tie between them, read as world files
    /// write ties: <c>lena sister-of ren</c> says Lena is Ren's sister.</summary>
    private static IEnumerable<((string Family, Gender Gender) Kin, Relationship Tie)> KinTo(
        WorldState state, EntityId entity, EntityId person)
    {
        foreach (var tie in state.Relationships.Values)
        {
            if (tie.From == entity && tie.To == person && KinOfType(tie.Type) is { } kin)
            {
                yield return (kin, tie);
            }
            else if (tie.From == person && tie.To == entity && KinOfType(tie.Type) is { } inverse)
            {
                // The inverse of a tie says nothing of the other's gender (Ren sister-of Lena: Lena is Ren's sibling).
                yield return ((Inverse(inverse.Family), Gender.Unknown), tie);
            }
        }
    }

    /// <summary>The kin a relationship type names (<c>sister-of</c>, <c>parent-of</c>, <c>married-to</c>), or null for other
    /// ties.</summary>
    private static (string Family, Gender Gender)? KinOfType(string type)
    {
        foreach (var word in type.Split(['-', '_', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (KinWords.TryGetValue(word, out var kin))
            {
                return kin;
            }
        }
        var chinese = KinWords.Keys.Where(IsCjk).OrderByDescending(k => k.Length)
            .FirstOrDefault(k => type.Contains(k, StringComparison.Ordinal));
        return chinese is null ? null : KinWords[chinese];
    }

    private static string Inverse(string family) => family switch
    {
        Parent => Child,
        Child => Parent,
        Grandparent => Grandchild,
        Grandchild => Grandparent,
        AuntOrUncle => NieceOrNephew,
        NieceOrNephew => AuntOrUncle,
        _ => family,
    };

    private static bool Fits((string Family, Gender Gender) claimed, (string Family, Gender Gender) declared) =>
        claimed.Family == declared.Family
        && (claimed.Gender == Gender.Unknown || declared.Gender == Gender.Unknown || claimed.Gender == declared.Gender);

    private static string Describe((string Family, Gender Gender) kin) => kin.Gender switch
    {
        Gender.Female => $"a female {kin.Family}",
        Gender.Male => $"a male {kin.Family}",
        _ => $"a {kin.Family}",
    };

    private static string Tie(WorldState state, Relationship tie) =>
        $"{NameOf(state, tie.From)} {tie.Type} {NameOf(state, tie.To)} (declared by {tie.Provenance.Describe(id => NameOf(state, id))})";

    private static string NameOf(WorldState state, EntityId id) => state.Find(id)?.Name ?? id.Value;

    /// <summary>A group matching any of the entity's names as a name (whole words, or anywhere in Chinese).</summary>
    private static string NameAlternation(Entity entity) => Alternation(Names(entity), bounded: true);

    private static string Alternation(IEnumerable<string> words, bool bounded = false)
    {
        var parts = words.Where(w => w.Trim().Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(w => w.Length)
            .Select(w => bounded && !IsCjk(w) ? $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(w)}(?![\p{{L}}\p{{N}}])" : Regex.Escape(w));
        return $"(?:{string.Join('|', parts)})";
    }

    private static bool IsCjk(string word) => word.Any(c => c is >= '\u3400' and <= '\u9fff' or >= '\uf900' and <= '\ufaff');

    private static ImmutableDictionary<string, (string Family, Gender Gender)> Build(
        params (string Family, Gender Gender, string Words)[] rows) =>
        rows.SelectMany(r => r.Words.Split(' ').Select(w => (Word: w, Kin: (r.Family, r.Gender))))
            .ToImmutableDictionary(x => x.Word, x => x.Kin, StringComparer.OrdinalIgnoreCase);
}
