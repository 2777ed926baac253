using System.Collections.Immutable;
using System.Text.RegularExpressions;
using WorldPlay.Core;
using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Detectors;

/// <summary>A reply that contradicts the world state at its turn: how bad, the words and why (the reason names the state fact).
/// </summary>
public sealed record GroundedConfusion(int Severity, Evidence Evidence, string Reason);

/// <summary>The world-grounded part of <c>logic.reference_confusion</c>: a reply judged against the state the world was in when it
/// was written (the setting's start with every earlier line's events folded in), in English and Chinese. Who is dead or away at
/// that turn, who holds which item, who stands where, and who is whose kin come from the state, not from the world's first page.
/// </summary>
public static partial class WorldGrounding
{
    public const int DeadActsSeverity = 4;
    public const int AbsentActsSeverity = 3;
    public const int WrongHolderSeverity = 3;
    public const int WrongPlaceSeverity = 3;
    public const int WrongIdentitySeverity = 4;
    public const int WrongPronounSeverity = 2;

    /// <summary>A Chinese name of fewer characters than this is too short to find by itself (任 sits inside 任何, 责任).</summary>
    public const int MinChineseNameLength = 2;

    /// <summary>An English item name's last word stands for the item ("lantern" of "brass lantern") when at least this long and no
    /// other item ends in it; a Chinese name's last two characters likewise (灯笼 of 铜灯笼).</summary>
    public const int MinHeadNounLength = 3;

    /// <summary>How many words before "my lantern" are read for a loss or a want ("where is my lantern", "give me back my key").
    /// </summary>
    public const int LossContextWords = 4;

    /// <summary>Words that make "my X" a claim of owning, not holding: the speaker misses it, wants it, or lent it.</summary>
    public static readonly ImmutableHashSet<string> LossWords = ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase,
        "where", "where's", "find", "found", "lost", "lose", "stole", "stolen", "steal", "took", "taken", "take", "back", "return",
        "returned", "give", "gave", "lend", "lent", "borrow", "borrowed", "want", "need", "seen", "missing", "has", "had", "have",
        "with", "holding", "holds", "got", "keep", "keeping", "kept", "fetch", "bring", "brought", "miss", "without", "sold", "pawned");

    /// <summary>Chinese marks of a loss, a want or a lending around 我的X (我的钥匙呢, 找我的灯笼, 把我的钥匙还给我).</summary>
    public const string ChineseLossMarks = "找|丢|偷|拿走|还给|还我|不见|被|借|卖|当了|要回|想要|给了|在他|在她|在谁";

    /// <summary>Words that make a sentence about where someone is habitual, past, future or hypothetical, not a claim of now.</summary>
    public static readonly ImmutableHashSet<string> NotNowWords = ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase,
        "if", "when", "whenever", "usually", "always", "often", "every", "most", "sometimes", "normally", "tomorrow", "yesterday",
        "later", "will", "would", "might", "may", "could", "used", "unless", "until", "once", "soon", "should", "maybe", "perhaps");

    /// <summary>Chinese marks that make a clause habitual, past, future or hypothetical (每天, 以前, 明天, 如果, 的时候).</summary>
    public const string ChineseNotNowMarks =
        "每天|每晚|常常|经常|总是|平时|平常|一般|通常|以前|过去|曾经|当年|那时|明天|昨天|刚才|待会|等会|回头|会在|要在|如果|要是|假如|的话|的时候|时候|也许|可能|或许|应该";

    /// <summary>Chinese marks that make an action remembered or imagined, not done now (想起老周说过, 老周生前).</summary>
    public const string ChineseRecallMarks = "想起|记得|回忆|想到|梦见|梦到|仿佛|好像|生前|当年|以前|曾经|那时|过去|说过|做过|过的";

    /// <summary>Adverbs that may stand between a Chinese name and its verb (老周轻轻地点了点头).</summary>
    private const string ChineseAdverbs = "(?:[也又就便才正都还先再只已]|忽然|突然|轻轻地?|慢慢地?|缓缓地?|微微|默默地?|连忙|赶紧|笑着|低声|轻声|一边|终于)*";

    /// <summary>Commands that open an order to the one just named ("Roderick, come here"; 阿默，去巡捕房叫人).</summary>
    private const string EnglishCommands = "(?:come|go|get|tell|bring|fetch|run|stop|wait|answer|help|sit|stand|open|take|give|show)";

    /// <summary>The Chinese counterpart of <see cref="EnglishCommands"/>, right after the vocative's comma.</summary>
    private const string ChineseCommands = "(?:去|来|快|别|给我|帮我|过来|出来|进来|回来|站住|住手|说话)";

    /// <summary>Marks of a moment earlier the same day, which put a deed in the living present (this morning, an hour ago, 今早,
    /// 刚才).</summary>
    private const string EnglishSameDay =
        @"\b(?:this morning|this afternoon|this evening|tonight|today|just now|an hour ago|hours ago|minutes ago|" +
        @"(?:is|'s|’s) (?:much |a little |a bit |)(?:better|awake|asking|waiting|resting))\b";

    /// <summary>The Chinese counterpart of <see cref="EnglishSameDay"/>.</summary>
    private const string ChineseSameDay = "今早|今天早上|今儿早上|今晚|刚才|刚刚|方才|一个时辰前|一个钟头前|一小时前|半个时辰前";

    /// <summary>Words that put a dead character's mention on the side of death or memory, not of the living present.</summary>
    private const string DeathWords =
        @"\b(?:dead|died|dies|death|grave|buried|burial|ghost|drowned|killed|late|body|corpse|funeral|mourn\w*|memory|remember\w*|" +
        @"alive|sees him|sees her|before (?:he|she) (?:died|passed))\b|死|亡|尸|去世|过世|遗体|灵堂|坟|鬼|魂|梦|生前|记得|想起";

    /// <summary>Chinese verbs of doing something in the room, after a name: 点头, 笑, 走, 说, 站起, 递...</summary>
    public const string ChineseActs =
        "点了点头|点点头|点头|摇了摇头|摇摇头|摇头|笑了笑|笑着|笑道|笑|微笑|叹了口气|叹气|叹|走进|走过来|走了进来|走来|走到|走|说道|说|道|开口|" +
        "站起来|站了起来|站起|起身|递给|递过|递|看着|看了看|看向|看|望着|望向|坐下|坐在|坐|拿起|拿出|拿着|拿|举起|举杯|转身|转过身|抬头|抬起头|" +
        "低头|低下头|皱眉|皱起眉头|端起|端着|倒了|倒|喝了|喝|推开|推门|进来|挥手|招手|耸了耸肩|耸肩|眨眼|咳嗽|哼了一声|问道|问|答道|回答|伸手|" +
        "拍了拍|拍|靠在|倚在|沉默|瞪|盯着|瞥|嘟囔|嘀咕|插嘴|接过|放下|握住|擦";

    /// <summary>What may follow a name opening a clause of narration without its bearer acting (老陈已经死了, 老陈的照片).</summary>
    public const string ChineseNotActing = "已经|已|早已|死|去世|过世|走了|不在|没|生前|当年|的";

    /// <summary>What a Chinese name says in speech to put its bearer in the room (老周来了, 老周就在这儿).</summary>
    public const string ChinesePresentInSpeech = "来了|到了|就在这儿|就在这里|就在这|在这儿|在这里|刚进来|进来了|正看着|正等着";

    /// <summary>Chinese nouns that bring another person into a sentence, so 他/她 may be about them (儿子, 女人, 先生).</summary>
    public const string ChineseGenderedNouns =
        "男人|女人|男孩|女孩|姑娘|小伙|儿子|女儿|哥哥|姐姐|弟弟|妹妹|先生|夫人|小姐|太太|丈夫|妻子|父亲|母亲|爸|妈|爹|娘|老爷|大人|国王|王后|公主|王子|" +
        "叔|姨|婶|舅|伯|爷|奶|婆|公|兄|姐|妹|弟|嫂|郎|娘子|客人|客官|掌柜|老板";

    /// <summary>English verbs in the third person of the present after which a name's bearer is acting now (open class: any verb
    /// in -s); these words end in s and are not such verbs.</summary>
    private static readonly ImmutableHashSet<string> NotActions = ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase,
        "is", "was", "has", "does", "always", "sometimes", "perhaps", "less", "unless", "across", "towards", "besides", "thus", "yes",
        "this", "his", "its", "us", "as", "plus", "whereas", "afterwards", "nevertheless", "nonetheless", "anyways", "chaos", "bless",
        "seems", "needs", "means", "loves", "hates", "deserves", "owes", "knows", "lies", "rests", "remains", "lives", "belongs");

    [GeneratedRegex(@"^[\s,]*(?<verb>[a-z]{3,}(?:s|es))\b", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingVerb();

    /// <summary>True when the world's own words (its lore, or an entity's description) use <paramref name="word"/> as a whole word:
    /// a title such as "Envoy" or "Inspector" the world gives someone.</summary>
    public static bool WorldSays(WorldState? state, string word)
    {
        if (state is null || word.Length == 0)
        {
            return false;
        }
        var pattern = $@"(?<![\p{{L}}]){Regex.Escape(word)}(?![\p{{L}}])";
        return Regex.IsMatch(state.Setting.Lore, pattern, RegexOptions.IgnoreCase)
            || state.Entities.Values.Any(e => e.Attribute("description") is { } d && Regex.IsMatch(d, pattern, RegexOptions.IgnoreCase));
    }

    public static bool IsChinese(string text) => text.Any(Cjk.IsHan);

    /// <summary>The characters of the setting as they stand in <paramref name="state"/>: dead once a status change says so, away once
    /// they have left the scene's place (or, without a scene place, once missing), present once they have walked into it; characters
    /// created in play join, present when they stand at the scene's place.</summary>
    public static ImmutableArray<BenchCharacter> CastAt(BenchSetting setting, WorldState state)
    {
        ArgumentNullException.ThrowIfNull(setting);
        ArgumentNullException.ThrowIfNull(state);
        var place = EntityId.IsSlug(setting.ScenePlace) ? new EntityId(setting.ScenePlace!) : (EntityId?)null;
        var cast = ImmutableArray.CreateBuilder<BenchCharacter>();
        foreach (var c in setting.Characters)
        {
            if (!EntityId.IsSlug(c.Id) || state.Find(new EntityId(c.Id)) is not { } now)
            {
                cast.Add(c);
                continue;
            }
            var alive = now.Status != EntityStatus.Dead;
            var acting = now.Status == EntityStatus.Alive;
            var start = setting.Start?.Find(now.Id)?.Location;
            var present = acting && (place is null ? c.IsPresent : now.Location == place && (c.IsPresent || now.Location != start));
            cast.Add(c with { IsAlive = alive, IsPresent = present });
        }
        var known = setting.Characters.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var created in state.Entities.Values.Where(e => e.IsCharacter && !known.Contains(e.Id.Value)))
        {
            var alive = created.Status != EntityStatus.Dead;
            var present = created.Status == EntityStatus.Alive && (place is null || created.Location == place);
            cast.Add(new BenchCharacter(created.Id.Value, created.Name, created.Aliases.IsDefault ? [] : created.Aliases,
                BenchSetting.GenderOf(created.Attribute("pronouns")), false, present, alive));
        }
        return cast.ToImmutable();
    }

    /// <summary>The names of a character that can be looked for in a line: English names as whole words, Chinese names of at least
    /// <see cref="MinChineseNameLength"/> characters.</summary>
    public static IEnumerable<string> FindableNames(BenchCharacter character)
    {
        ArgumentNullException.ThrowIfNull(character);
        return character.Names.Where(n => n.Trim().Length > 0 && (!IsChinese(n) || n.Length >= MinChineseNameLength));
    }

    /// <summary>A regex fragment matching any of <paramref name="names"/> as a name: bounded by non-letters in English, anywhere in
    /// Chinese.</summary>
    public static string NamePattern(IEnumerable<string> names)
    {
        var parts = names.Where(n => n.Trim().Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(n => n.Length)
            .Select(n => IsChinese(n) ? Regex.Escape(n) : $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(n)}(?![\p{{L}}\p{{N}}])").ToList();
        return parts.Count == 0 ? "(?!)" : $"(?:{string.Join('|', parts)})";
    }

    /// <summary>For each character of <paramref name="text"/>, whether it is narration: inside an action aside (<c>（…）</c>,
    /// <c>(…)</c>, <c>【…】</c>, <c>*…*</c>), or outside the quotes when the line quotes its speech (<c>“…”</c>, <c>「…」</c>,
    /// <c>"…"</c>).</summary>
    public static bool[] NarrationMask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var mask = new bool[text.Length];
        var quoted = QuotesItsSpeech(text);
        var aside = 0;
        var star = false;
        var inQuotes = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '（' or '(' or '【':
                    // An out-of-character note in brackets is the writer speaking, not narration.
                    aside += Regex.IsMatch(text[(i + 1)..], @"^\s*(?:OOC|ooc|Ooc)") ? 0 : 1;
                    break;
                case '）' or ')' or '】':
                    aside = Math.Max(0, aside - 1);
                    break;
                case '*':
                    star = !star;
                    break;
                case '“' or '「' or '『':
                    inQuotes = true;
                    break;
                case '”' or '」' or '』':
                    inQuotes = false;
                    break;
                case '"':
                    inQuotes = !inQuotes;
                    break;
            }
            mask[i] = aside > 0 || star || (quoted && !inQuotes && c is not ('"' or '”' or '」' or '』'));
        }
        return mask;
    }

    /// <summary>True when <paramref name="text"/> puts its speech in quotes: a quote opens the line, a paragraph, or follows an
    /// aside, a sentence end or a colon. A quote after a word (说“表停了”, said "no") is a quotation inside speech.</summary>
    public static bool QuotesItsSpeech(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('"' or '“' or '「' or '『'))
            {
                continue;
            }
            var before = text[..i].TrimEnd(' ', '\t');
            if (before.Length == 0 || before[^1] is '\n' or '）' or ')' or '】' or '*' or '。' or '！' or '？' or '.' or '!' or '?' or '…'
                or '：' or ':' or '，' or ',' or '—')
            {
                return true;
            }
        }
        return false;
    }

    /// <summary><paramref name="text"/> with the parts where <paramref name="keep"/> is false blanked out, offsets kept.</summary>
    public static string Masked(string text, bool[] mask, bool keep) =>
        new([.. text.Select((c, i) => mask[i] == keep ? c : ' ')]);

    /// <summary>The first world-grounded confusion of <paramref name="text"/>, said by <paramref name="speaker"/> at
    /// <paramref name="turn"/> in <paramref name="state"/>, among the checks that need a state: a character the state says is
    /// dead or away acting in a Chinese line, an item claimed by one who does not hold it, a character put at a place they are
    /// not at, a speaker introducing itself as someone else, a 他/她 of the wrong gender.</summary>
    public static GroundedConfusion? Find(string text, BenchCharacter? speaker, ImmutableArray<BenchCharacter> cast, WorldState state,
        int turn, BenchCharacter? listener = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(state);
        return WrongIdentity(text, speaker, cast)
            ?? ListenerMisnamed(text, listener, cast)
            ?? ChineseGoneActs(text, cast, turn)
            ?? DeadKinActs(text, speaker, state, turn)
            ?? WrongHolder(text, speaker, cast, state, turn)
            ?? WrongPlace(text, cast, state, turn)
            ?? ChinesePronoun(text, cast, speaker);
    }

    /// <summary>A dead or absent character acting in English narration with a verb outside the fixed list ("*Cass wipes the
    /// bar*"): a name at the start of a narration clause and a verb in -s after it.</summary>
    public static GroundedConfusion? EnglishGoneActsInNarration(string text, ImmutableArray<BenchCharacter> cast, int turn)
    {
        ArgumentNullException.ThrowIfNull(text);
        var narration = Masked(text, NarrationMask(text), keep: true);
        foreach (var character in cast.Where(c => !c.IsUser && (!c.IsAlive || !c.IsPresent)))
        {
            foreach (var name in FindableNames(character).Where(n => !IsChinese(n)))
            {
                foreach (Match mention in Regex.Matches(narration, $@"{NamePattern([name])}(?!['’]s)"))
                {
                    var rest = narration[(mention.Index + mention.Length)..];
                    if (LeadingVerb().Match(rest) is { Success: true } verb && !NotActions.Contains(verb.Groups["verb"].Value))
                    {
                        return Gone(text, character, mention.Index, mention.Length + verb.Length, "acting", turn);
                    }
                }
            }
        }
        return null;
    }

    /// <summary>A dead or absent character spoken to in English speech: the name opening a sentence, then a comma and, within a
    /// few words, "you" ("Roderick, tell the envoy yourself"), or a command right after the comma ("Roderick, come here"): one
    /// speaks to or orders only someone who can hear.</summary>
    public static GroundedConfusion? GoneAddressed(string text, IEnumerable<BenchCharacter> cast, int turn)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(cast);
        var speech = Masked(text, NarrationMask(text), keep: false);
        foreach (var character in cast.Where(c => !c.IsUser && (!c.IsAlive || !c.IsPresent)))
        {
            var names = NamePattern(FindableNames(character).Where(n => !IsChinese(n)));
            var addressed = Regex.Match(speech,
                $@"(?:^|[.!?…""“*]\s*){names},\s+(?=(?:[\p{{L}}'’]+\s+){{0,5}}?(?:you|your|yourself)\b|{EnglishCommands}\b)",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            if (names != "(?!)" && addressed.Success)
            {
                return Gone(text, character, addressed.Index, addressed.Length, "addressed", turn);
            }
        }
        return null;
    }

    /// <summary>The speaker called by the other gender's pronoun in the aside that opens the reply, naming no one ("*He grins*" from
    /// Mira, （他淡淡扫了妹妹一眼） from the empress): the aside that opens a reply is about its speaker.</summary>
    public static GroundedConfusion? SpeakerPronoun(string text, BenchCharacter? speaker, ImmutableArray<BenchCharacter> cast)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (speaker is not { Gender: Gender.Female or Gender.Male or Gender.Neutral })
        {
            return null;
        }
        var aside = Regex.Match(text, @"^\s*(?:\*(?<body>[^*]+)\*|（(?<body>[^）]+)）|【(?<body>[^】]+)】|\((?<body>[^)]+)\))");
        if (!aside.Success)
        {
            return null;
        }
        var body = aside.Groups["body"];
        var pronoun = Regex.Match(body.Value, @"^\s*(?<p>He|She|His|Her|他|她)(?![\p{Ll}们])", RegexOptions.CultureInvariant);
        if (!pronoun.Success || cast.Any(c => FindableNames(c).Any(n => NameIndex(body.Value, n) >= 0)))
        {
            return null;
        }
        var p = pronoun.Groups["p"].Value;
        var said = p is "She" or "Her" or "她" ? Gender.Female : Gender.Male;
        if (said == speaker.Gender || speaker.Gender == Gender.Unknown)
        {
            return null;
        }
        return new GroundedConfusion(WrongPronounSeverity, Evidence.Of(text, body.Index + pronoun.Groups["p"].Index, p.Length),
            $"'{p}' for the speaker {speaker.Name}, whose pronouns are {Pronouns(speaker.Gender)}");
    }

    /// <summary>A character of they/them called his or her by the possessive right after their own verb ("*Maelis sets down her
    /// staff*").</summary>
    public static GroundedConfusion? NeutralPossessive(string text, ImmutableArray<BenchCharacter> cast)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var character in cast.Where(c => c.Gender == Gender.Neutral))
        {
            var names = NamePattern(FindableNames(character).Where(n => !IsChinese(n)));
            if (names == "(?!)")
            {
                continue;
            }
            var possessive = Regex.Match(text,
                $@"{names}\s+[a-z]+s(?:\s+[a-z]+)?\s+(?<p>his|her)\s+(?!(?:the|a|an|to|and|in|on|at|with|for|up|down|out|back|off|away|" +
                @"over|that|this|a)\b)[a-z]+", RegexOptions.CultureInvariant);
            if (possessive.Success)
            {
                var p = possessive.Groups["p"];
                return new GroundedConfusion(WrongPronounSeverity, Evidence.Of(text, possessive.Index, possessive.Length),
                    $"'{p.Value}' for {character.Name}, whose pronouns are they/them");
            }
        }
        return null;
    }

    private static int NameIndex(string text, string name) =>
        IsChinese(name) ? text.IndexOf(name, StringComparison.Ordinal) : Regex.Match(text, NamePattern([name])).Index is var i
            && Regex.IsMatch(text, NamePattern([name])) ? i : -1;

    private static string Pronouns(Gender gender) => gender switch
    {
        Gender.Female => "she/her (她)",
        Gender.Male => "he/him (他)",
        _ => "they/them",
    };

    /// <summary>The speaker's own kin, dead in the state, acting now by a kin word ("my father says", "Mum wants", 我爹还说).
    /// </summary>
    private static GroundedConfusion? DeadKinActs(string text, BenchCharacter? speaker, WorldState state, int turn)
    {
        if (speaker is null || !EntityId.IsSlug(speaker.Id))
        {
            return null;
        }
        var patterns = new[]
        {
            @"\bmy\s+(?<kin>mum|mom|mother|ma|father|dad|da|pa|papa|mama|husband|wife|brother|sister|son|daughter|grandma|grandmother|" +
                @"grandpa|grandfather)\s+(?:says|tells|wants|thinks|reckons|asks|keeps|knows|is waiting|nods|smiles|sends)\b",
            @"(?<![\p{L}])(?<kin>Mum|Mom|Dad|Da|Pa|Papa|Mama)\s+(?:says|tells|wants|thinks|reckons|asks|keeps|knows|is waiting|sends)\b",
            @"我(?<kin>爹|娘|爸|妈|父亲|母亲|爷爷|奶奶|外婆|外公|丈夫|妻子|老婆|老公|哥哥|姐姐|弟弟|妹妹)" +
                @"(?:还|也|又|刚|正|总|昨天|今早|前天)*(?:说|讲|让|叫|要|问|在等|等着|嘱咐|交代|托)",
        };
        foreach (var pattern in patterns)
        {
            foreach (Match claim in Regex.Matches(text, pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase))
            {
                var dead = ConstructedTies.KinOf(state, new EntityId(speaker.Id), claim.Groups["kin"].Value.ToLowerInvariant())
                    .FirstOrDefault(k => k.Status == EntityStatus.Dead);
                if (dead is not null && !Regex.IsMatch(Clause(text, claim.Index), ChineseRecallMarks + "|临终|去世|在世|走之前"))
                {
                    return new GroundedConfusion(DeadActsSeverity, Evidence.Of(text, claim.Index, claim.Length),
                        $"{dead.Name}, {speaker.Name}'s '{claim.Groups["kin"].Value}', is dead " +
                        $"(world state at turn {turn}), yet the reply " +
                        "has them acting as if alive");
                }
            }
        }
        return null;
    }

    private static GroundedConfusion Gone(string text, BenchCharacter character, int at, int length, string how, int turn)
    {
        var (severity, why) = character.IsAlive ? (AbsentActsSeverity, "is not in this scene") : (DeadActsSeverity, "is dead");
        return new GroundedConfusion(severity, Evidence.Of(text, at, length),
            $"{character.Name} {why} (world state at turn {turn}), yet the reply has them {how} as if present");
    }

    /// <summary>A dead or absent character acting in Chinese: a name and a verb in narration or an action aside (（老周点了点头）),
    /// a name said to be here in speech (老周来了), or a name addressed (老周，你…).</summary>
    private static GroundedConfusion? ChineseGoneActs(string text, ImmutableArray<BenchCharacter> cast, int turn)
    {
        if (!IsChinese(text))
        {
            return null;
        }
        var mask = NarrationMask(text);
        var narration = Masked(text, mask, keep: true);
        var speech = Masked(text, mask, keep: false);
        foreach (var character in cast.Where(c => !c.IsUser && (!c.IsAlive || !c.IsPresent)))
        {
            var names = NamePattern(FindableNames(character).Where(IsChinese));
            if (names == "(?!)")
            {
                continue;
            }
            foreach (Match act in Regex.Matches(narration, $"{names}{ChineseAdverbs}(?:{ChineseActs})(?!过)"))
            {
                if (!Regex.IsMatch(Clause(narration, act.Index), ChineseRecallMarks))
                {
                    return Gone(text, character, act.Index, act.Length, "acting", turn);
                }
            }
            // In narration a name opening a clause is its subject, whatever the verb (雷震天从后堂掀帘而出).
            foreach (Match subject in Regex.Matches(narration, $@"(?<=^|[（(【*，,。；;！!？?：:\n]\s*){names}(?![的们]|{ChineseNotActing})"))
            {
                if (!Regex.IsMatch(Clause(narration, subject.Index), ChineseRecallMarks))
                {
                    return Gone(text, character, subject.Index, Math.Min(narration.Length - subject.Index, subject.Length + 6), "acting",
                        turn);
                }
            }
            foreach (Match here in Regex.Matches(speech, $"{names}{ChineseAdverbs}(?:{ChinesePresentInSpeech})"))
            {
                if (!Regex.IsMatch(Clause(speech, here.Index), ChineseRecallMarks))
                {
                    return Gone(text, character, here.Index, here.Length, "acting", turn);
                }
            }
            // A familiar form (阿默 of 沈默, 小昊 of 陈昊) is looked for only where a name is called out, never inside other words.
            var called = NamePattern(FindableNames(character).Where(IsChinese).Concat(FamiliarForms(character, cast)));
            var addressed = Regex.Match(speech,
                $@"(?:^|[“「『""，。！？\s）)】*]){called}(?:[！!]|[，,](?=[^，。！？]{{0,6}}[你您]|{ChineseCommands}))");
            if (addressed.Success)
            {
                return Gone(text, character, addressed.Index, addressed.Length, "addressed", turn);
            }
        }
        return null;
    }

    /// <summary>The familiar forms a Chinese full name of two or three characters is called by: 阿 or 小 before the last character of
    /// the given name (沈默 → 阿默, 小默), when no one else in <paramref name="cast"/> has a name ending in that character.</summary>
    private static IEnumerable<string> FamiliarForms(BenchCharacter character, ImmutableArray<BenchCharacter> cast)
    {
        var name = character.Name.Trim();
        if (!IsChinese(name) || name.Length is < 2 or > 3 || !name.All(Cjk.IsHan))
        {
            return [];
        }
        var last = name[^1];
        return cast.Any(c => c.Id != character.Id && c.Names.Any(n => n.Length > 0 && n[^1] == last))
            ? []
            : [$"阿{last}", $"小{last}"];
    }

    /// <summary>A dead character spoken of in speech as alive the same day: named (or called by the king's or queen's form of
    /// address, "His Majesty") in a sentence that, or whose next sentence, puts them earlier today or in a living present ("He
    /// was asking for his hawk this morning", "Ask Magnus. He was on the steps not an hour ago", 老周今早还来过), with no word of
    /// death or memory beside it.</summary>
    public static GroundedConfusion? DeadSaidAliveToday(string text, ImmutableArray<BenchCharacter> cast, int turn)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = Prose.Sentences(text).Where(s => !s.IsNarration).ToList();
        foreach (var character in cast.Where(c => !c.IsUser && !c.IsAlive))
        {
            var names = FindableNames(character).ToList();
            if (names.Any(n => Regex.IsMatch(n, @"\bking\b", RegexOptions.IgnoreCase)))
            {
                names.Add("His Majesty");
            }
            if (names.Any(n => Regex.IsMatch(n, @"\bqueen\b", RegexOptions.IgnoreCase)))
            {
                names.Add("Her Majesty");
            }
            var pattern = NamePattern(names);
            for (var k = 0; k < sentences.Count; k++)
            {
                var m = Regex.Match(sentences[k].Text, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
                if (!m.Success)
                {
                    continue;
                }
                var window = sentences[k].Text + " " + (k + 1 < sentences.Count ? sentences[k + 1].Text : "");
                if ((Regex.IsMatch(window, EnglishSameDay, RegexOptions.IgnoreCase) || Regex.IsMatch(window, ChineseSameDay))
                    && !Regex.IsMatch(window, DeathWords, RegexOptions.IgnoreCase))
                {
                    return new GroundedConfusion(DeadActsSeverity, Evidence.Of(text, sentences[k].Start + m.Index, m.Length),
                        $"{character.Name} is dead (world state at turn {turn}), yet the reply speaks of them as alive today");
                }
            }
        }
        return null;
    }

    /// <summary>The clause of <paramref name="text"/> around <paramref name="at"/>: from the last clause mark before it to the next
    /// after it.</summary>
    private static string Clause(string text, int at)
    {
        char[] marks = ['，', ',', '。', '！', '？', '!', '?', '；', ';', '（', '）', '【', '】', '\n', '“', '”', '…'];
        var start = text.LastIndexOfAny(marks, Math.Max(0, at - 1)) + 1;
        if (at == 0)
        {
            start = 0;
        }
        var end = text.IndexOfAny(marks, Math.Min(text.Length, at + 1));
        return text[start..(end < 0 ? text.Length : end)];
    }

    /// <summary>The sentence of <paramref name="text"/> around <paramref name="at"/>.</summary>
    private static string SentenceAround(string text, int at)
    {
        char[] ends = ['.', '!', '?', '。', '！', '？', '\n', '…'];
        var start = at == 0 ? 0 : text.LastIndexOfAny(ends, Math.Max(0, at - 1)) + 1;
        var end = text.IndexOfAny(ends, Math.Min(text.Length, at + 1));
        return text[start..(end < 0 ? text.Length : Math.Min(text.Length, end + 1))];
    }

    /// <summary>The speaker introduces itself as another character ("I'm Tomas", "我是老周"), or names itself with a label of
    /// another's alias.</summary>
    private static GroundedConfusion? WrongIdentity(string text, BenchCharacter? speaker, ImmutableArray<BenchCharacter> cast)
    {
        if (speaker is null)
        {
            return null;
        }
        foreach (var other in cast.Where(c => c.Id != speaker.Id && !c.Names.Any(speaker.AnswersTo)))
        {
            var names = NamePattern(FindableNames(other));
            if (names == "(?!)")
            {
                continue;
            }
            var claim = Regex.Match(text,
                $@"\b(?:I'm|I’m|I am|my name is|my name's|my name’s|they call me|call me)\s+{names}(?!\s*['’]s)(?![\p{{L}}])|" +
                $@"(?:我是|我叫|我就是|本人是|在下)\s*{names}(?![的家])",
                RegexOptions.CultureInvariant);
            if (claim.Success)
            {
                return new GroundedConfusion(WrongIdentitySeverity, Evidence.Of(text, claim.Index, claim.Length),
                    $"{speaker.Name} introduces themself as {other.Name}, another character of this world");
            }
        }
        return null;
    }

    /// <summary>The one spoken to called another character ("You're Tomas, aren't you" to Wren, 你就是老周 to 阿任), when it is
    /// known whom the line is spoken to.</summary>
    private static GroundedConfusion? ListenerMisnamed(string text, BenchCharacter? listener, ImmutableArray<BenchCharacter> cast)
    {
        if (listener is null)
        {
            return null;
        }
        foreach (var other in cast.Where(c => c.Id != listener.Id && !c.Names.Any(listener.AnswersTo)))
        {
            var names = NamePattern(FindableNames(other));
            if (names == "(?!)")
            {
                continue;
            }
            var called = Regex.Match(text, $@"\b(?:you're|you’re|you are)\s+{names}(?!\s*['’]s)(?![\p{{L}}])|你(?:就|才|便)?是{names}(?![的家])",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            if (called.Success && !AsksAbout(text, called))
            {
                return new GroundedConfusion(WrongIdentitySeverity, Evidence.Of(text, called.Index, called.Length),
                    $"calls {listener.Name}, to whom the line is spoken, {other.Name}");
            }
        }
        return null;
    }

    /// <summary>An item claimed by one who does not hold it while someone else does: "my lantern", "I have the key", "here's the
    /// key" by a speaker who lacks it, "Mira has the key" when Tomas holds it; 我的灯笼, 钥匙在我这儿, 钥匙在米拉手里.</summary>
    private static GroundedConfusion? WrongHolder(string text, BenchCharacter? speaker, ImmutableArray<BenchCharacter> cast,
        WorldState state, int turn)
    {
        var items = state.Entities.Values.Where(e => e.Kind == EntityKind.Item && e.Holder is not null).ToList();
        if (items.Count == 0)
        {
            return null;
        }
        var allItems = state.Entities.Values.Where(e => e.Kind == EntityKind.Item).ToList();
        foreach (var item in items)
        {
            var holderId = item.Holder!.Value;
            var holder = state.Find(holderId);
            var holderName = holder?.Name ?? holderId.Value;
            var itemNames = NamePattern(ItemNames(item, allItems));
            if (itemNames == "(?!)")
            {
                continue;
            }
            var holderCharacter = cast.FirstOrDefault(c => c.Id == holderId.Value);
            var holderMentioned = (string sentence) => holderCharacter is not null
                && Regex.IsMatch(sentence, NamePattern(FindableNames(holderCharacter)), RegexOptions.IgnoreCase);
            if (speaker is not null && speaker.Id != holderId.Value)
            {
                var english = new[]
                {
                    $@"\bmy\s+(?:own\s+|old\s+|little\s+|trusty\s+)?{itemNames}",
                    $@"\bI(?:'ve|’ve| have)(?:\s+got)?\s+(?:the|a|an|my|this|that)?\s*{itemNames}",
                    $@"\bI(?:'m|’m| am)\s+(?:holding|carrying)\s+(?:the|a|an|my|this|that)?\s*{itemNames}",
                    $@"\bhere(?:'s|’s| is)\s+(?:the|my|your|a|an)\s+{itemNames}",
                    $@"\b(?:the|my)\s+{itemNames}(?:'s|’s|\s+is|\s+stays)\s+(?:right\s+|safe\s+|still\s+)?(?:with|on)\s+me\b",
                };
                var chinese = new[]
                {
                    $@"我的{itemNames}",
                    $@"{itemNames}(?:就|还|正)?在我(?:这儿|这里|这|手里|手上|身上|兜里|怀里)",
                    $@"我(?:手里|手上|身上|兜里|怀里)?(?:有|拿着|握着|揣着|带着|攥着)(?:[一那这]?[把盏个只枚封块本张件串])?{itemNames}",
                };
                foreach (var pattern in english.Concat(chinese))
                {
                    foreach (Match claim in Regex.Matches(text, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
                    {
                        var sentence = SentenceAround(text, claim.Index);
                        // "Tomas has my lantern" is true: only a claim of owning may name the holder.
                        var owning = claim.Value.StartsWith("my", StringComparison.OrdinalIgnoreCase)
                            || claim.Value.StartsWith("我的", StringComparison.Ordinal);
                        if (AsksAbout(text, claim) || (owning && holderMentioned(sentence)) || OwnsNotHolds(text, claim, sentence))
                        {
                            continue;
                        }
                        return new GroundedConfusion(WrongHolderSeverity, Evidence.Of(text, claim.Index, claim.Length),
                            $"{speaker.Name} claims to have the {item.Name}, but {holderName} holds it (world state at turn {turn})");
                    }
                }
            }
            foreach (var other in cast.Where(c => c.Id != holderId.Value))
            {
                var names = NamePattern(FindableNames(other));
                if (names == "(?!)")
                {
                    continue;
                }
                var patterns = new[]
                {
                    $@"{names}(?:\s+has|\s+holds|\s+is\s+holding|\s+is\s+carrying|\s+carries|\s+has\s+got|['’]s\s+got|\s+keeps)" +
                        $@"\s+(?:the|a|an|that|this|his|her|their|my|your)?\s*{itemNames}",
                    $@"\bthe\s+{itemNames}\s+is\s+(?:with|on)\s+{names}",
                    $@"{itemNames}(?:就|还|正|现在)?在{names}(?:手里|手上|那儿|那里|身上|兜里|怀里|那)",
                    $@"{names}(?:手里|手上|身上|兜里|怀里)?(?:有|拿着|握着|揣着|带着|攥着)(?:[一那这]?[把盏个只枚封块本张件串])?{itemNames}",
                };
                foreach (var pattern in patterns)
                {
                    foreach (Match claim in Regex.Matches(text, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
                    {
                        var sentence = SentenceAround(text, claim.Index);
                        if (AsksAbout(text, claim) || Regex.IsMatch(Clause(text, claim.Index), "[不没]")
                            || Words(sentence).Any(NotNowWords.Contains) || Regex.IsMatch(sentence, ChineseNotNowMarks))
                        {
                            continue;
                        }
                        return new GroundedConfusion(WrongHolderSeverity, Evidence.Of(text, claim.Index, claim.Length),
                            $"says {other.Name} has the {item.Name}, but {holderName} holds it (world state at turn {turn})");
                    }
                }
            }
        }
        return null;
    }

    /// <summary>True when a first-person claim on an item is one of owning rather than holding, or is denied: the words before it
    /// speak of a loss or a want ("where is my lantern", 我的钥匙呢), or deny it (我没有钥匙).</summary>
    private static bool OwnsNotHolds(string text, Match claim, string sentence)
    {
        var sentenceStart = text.LastIndexOfAny(['.', '!', '?', '。', '！', '？', '*', '\n'], Math.Max(0, claim.Index - 1)) + 1;
        var before = Words(text[Math.Min(sentenceStart, claim.Index)..claim.Index]).TakeLast(LossContextWords);
        if (before.Any(LossWords.Contains) || Regex.IsMatch(Clause(text, claim.Index), "[不没]|n't|not|never", RegexOptions.IgnoreCase))
        {
            return true;
        }
        // 我的钥匙呢 asks where it is.
        var after = claim.Index + claim.Length;
        return Regex.IsMatch(sentence, ChineseLossMarks)
            || (claim.Value.StartsWith("我的", StringComparison.Ordinal) && after < text.Length && text[after] == '呢');
    }

    /// <summary>True when the claim sits in a question: the clause it is in ends with a question mark or asks with 吗.</summary>
    private static bool AsksAbout(string text, Match claim)
    {
        var end = text.IndexOfAny([',', '.', '!', '?', ';', '，', '。', '！', '？', '；', '\n'], claim.Index + claim.Length);
        var clause = Clause(text, claim.Index);
        return (end >= 0 && text[end] is '?' or '？') || clause.Contains('吗', StringComparison.Ordinal)
            || SentenceAround(text, claim.Index).TrimStart(' ', '*', '"', '“').StartsWith("Is ", StringComparison.Ordinal);
    }

    private static IEnumerable<string> Words(string text) =>
        Regex.Matches(text, @"[\p{L}'’]+").Select(m => m.Value.ToLowerInvariant().Replace('’', '\''));

    /// <summary>The names of an item a line may use: its name and aliases without a leading "the", and its head noun when no other
    /// item shares it.</summary>
    private static IEnumerable<string> ItemNames(Entity item, List<Entity> items)
    {
        var names = (item.Aliases.IsDefault ? [] : item.Aliases).Prepend(item.Name).Select(StripThe).Where(n => n.Length > 0).ToList();
        var head = HeadNoun(item.Name);
        if (head is not null && items.Count(i => i.Id != item.Id && HeadNoun(i.Name) == head) == 0)
        {
            names.Add(head);
        }
        return names;
    }

    private static string StripThe(string name) =>
        name.Trim().StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? name.Trim()[4..].Trim() : name.Trim();

    private static string? HeadNoun(string name)
    {
        var bare = StripThe(name);
        if (IsChinese(bare))
        {
            return bare.Length >= MinHeadNounLength ? bare[^2..] : null;
        }
        var last = bare.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        return last is not null && last.Length >= MinHeadNounLength && last.Length < bare.Length ? last.ToLowerInvariant() : null;
    }

    /// <summary>A character put at a place the state does not have them at: "Tomas is down at the docks" when he is in the inn,
    /// 老周在码头 when he is at 茶馆. Denials ("is not at", 不在) and movement ("went to", "is heading to", 去了, 正往) claim no
    /// current place; nor do habitual, past, future or hypothetical sentences.</summary>
    private static GroundedConfusion? WrongPlace(string text, ImmutableArray<BenchCharacter> cast, WorldState state, int turn)
    {
        var places = state.Entities.Values.Where(e => e.Kind == EntityKind.Place).ToList();
        if (places.Count < 2)
        {
            return null;
        }
        var placeNames = NamePattern(places.SelectMany(p => (p.Aliases.IsDefault ? [] : p.Aliases).Prepend(p.Name)).Select(StripThe)
            .Where(n => n.Length > 0));
        foreach (var character in cast.Where(c => c.IsAlive && EntityId.IsSlug(c.Id)))
        {
            if (state.Find(new EntityId(character.Id)) is not { Status: EntityStatus.Alive } entity
                || state.WhereIs(entity.Id) is not { } where)
            {
                continue;
            }
            var names = NamePattern(FindableNames(character));
            if (names == "(?!)")
            {
                continue;
            }
            var patterns = new[]
            {
                $@"{names}(?:['’]s|\s+is)\s+(?:(?:still|now|already|just|right|down|up|out|over|back|off|away|waiting|sitting|standing|" +
                    $@"working|drinking|sleeping|hiding|staying|busy|there)\s+){{0,3}}(?:at|in|on|by)\s+(?:the\s+)?(?<place>{placeNames})",
                $@"{names}\s+(?:waits|sits|stands|works|sleeps|stays|hides|drinks)\s+(?:(?:down|up|out|over|back)\s+)?(?:at|in|on|by)\s+" +
                    $@"(?:the\s+)?(?<place>{placeNames})",
                $@"{names}(?:现在|此刻|这会儿|眼下|正|还|就|已经|一直|也|都)*在(?<place>{placeNames})",
            };
            foreach (var pattern in patterns)
            {
                foreach (Match claim in Regex.Matches(text, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
                {
                    var said = places.FirstOrDefault(p => p.AnswersTo(claim.Groups["place"].Value)
                        || StripThe(p.Name).Equals(claim.Groups["place"].Value, StringComparison.OrdinalIgnoreCase)
                        || (!p.Aliases.IsDefault && p.Aliases.Any(a => StripThe(a).Equals(claim.Groups["place"].Value,
                            StringComparison.OrdinalIgnoreCase))));
                    var sentence = SentenceAround(text, claim.Index);
                    var clause = Clause(text, claim.Index);
                    if (said is null || said.Id == where || AsksAbout(text, claim) || Words(sentence).Any(NotNowWords.Contains)
                        || Regex.IsMatch(clause, ChineseNotNowMarks) || Regex.IsMatch(clause, "[不没]")
                        || Regex.IsMatch(clause + text[(claim.Index + claim.Length)..Math.Min(text.Length, claim.Index + claim.Length + 4)],
                            "的时候|时"))
                    {
                        continue;
                    }
                    return new GroundedConfusion(WrongPlaceSeverity, Evidence.Of(text, claim.Index, claim.Length),
                        $"puts {character.Name} at {said.Name}, but {character.Name} is at {state.Find(where)?.Name ?? where.Value} " +
                        $"(world state at turn {turn})");
                }
            }
        }
        return null;
    }

    /// <summary>In a Chinese sentence naming exactly one character and no other person, a clause opening with 他 or 她 of the other
    /// gender (老周擦着杯子，她抬头看了看门口).</summary>
    private static GroundedConfusion? ChinesePronoun(string text, ImmutableArray<BenchCharacter> cast, BenchCharacter? speaker)
    {
        if (!IsChinese(text))
        {
            return null;
        }
        foreach (Match sentence in Regex.Matches(text, @"[^。！？…\n]+[。！？…]*"))
        {
            var named = cast.Where(c => FindableNames(c).Any(n => IsChinese(n) && sentence.Value.Contains(n, StringComparison.Ordinal)))
                .ToList();
            if (named.Count != 1 || named[0].Gender is not (Gender.Female or Gender.Male)
                || Regex.IsMatch(sentence.Value, ChineseGenderedNouns) || sentence.Value.Contains('你', StringComparison.Ordinal)
                || sentence.Value.Contains('您', StringComparison.Ordinal))
            {
                continue;
            }
            var character = named[0];
            var firstName = FindableNames(character).Where(IsChinese)
                .Select(n => sentence.Value.IndexOf(n, StringComparison.Ordinal)).Where(i => i >= 0).Min();
            var pronouns = Regex.Matches(sentence.Value, "[他她](?!们)").Where(p => p.Index > firstName).ToList();
            var female = pronouns.Count(p => p.Value == "她");
            var male = pronouns.Count - female;
            var wrong = character.Gender == Gender.Female ? (male > 0 && female == 0) : (female > 0 && male == 0);
            var other = character.Gender == Gender.Female ? Gender.Male : Gender.Female;
            // 他/她 that fits the speaker or the user may be about them.
            if (cast.Any(c => c.Id != character.Id && c.Gender == other && (c.IsUser || c.Id == speaker?.Id)))
            {
                continue;
            }
            var opening = pronouns.FirstOrDefault(p => p.Index > 0 && "，,；;（）“”「」 ".Contains(sentence.Value[p.Index - 1]));
            if (wrong && opening is not null)
            {
                return new GroundedConfusion(WrongPronounSeverity, Evidence.Of(text, sentence.Index + opening.Index, 1),
                    $"'{opening.Value}' for {character.Name}, whose pronouns are " +
                    $"{(character.Gender == Gender.Female ? "she/her (她)" : "he/him (他)")}");
            }
        }
        return null;
    }
}
