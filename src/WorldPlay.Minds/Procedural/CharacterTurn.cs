using System.Collections.Immutable;
using WorldPlay.Core;
using WorldPlay.Core.Minds;
using WorldPlay.Core.Scenes;
using Reading = WorldPlay.Minds.Procedural.PerspectiveReading;

namespace WorldPlay.Minds.Procedural;

/// <summary>One on-stage turn of the procedural mind, decided from a perspective and its seed alone: react to the line
/// heard, perhaps propose a change, talk about what is at hand, and end on a hook for someone present.</summary>
internal sealed class CharacterTurn
{
    private static readonly (string Predicate, string Value)[] ItemNotices =
    [
        ("bears", "a scratched mark near the base"),
        ("has", "a seam someone has opened and closed again"),
        ("is", "lighter than it looks"),
        ("is", "warm, as if someone held it a moment ago"),
        ("carries", "a maker's mark nobody here will recognise"),
        ("has", "a fresh nick along one edge"),
        ("smells of", "smoke and damp wool"),
        ("hides", "a fold of paper tucked inside"),
    ];

    private static readonly (string Predicate, string Value)[] PlaceNotices =
    [
        ("has", "a loose board near the door"),
        ("is", "colder near the far wall"),
        ("shows", "fresh footprints by the entrance"),
        ("holds", "a draught from somewhere it shouldn't"),
        ("has", "a scorch mark nobody has mentioned"),
        ("carries", "the smell of someone who left in a hurry"),
    ];

    private static readonly int[] WaitMinutes = [5, 10, 15, 20, 30];

    private static readonly (string Predicate, string Value)[] ItemNoticesZh =
    [
        ("底部有", "一道旧划痕"),
        ("有", "一条被拆开又缝上的接缝"),
        ("拿在手里", "比看上去轻得多"),
        ("还带着", "余温，像是刚有人握过"),
        ("刻着", "一个这里谁也认不出的记号"),
        ("边上有", "一个新磕的缺口"),
        ("有股", "烟火和湿羊毛的味道"),
        ("里头夹着", "一张折起来的纸"),
    ];

    private static readonly (string Predicate, string Value)[] PlaceNoticesZh =
    [
        ("门边有", "一块松动的地板"),
        ("靠里的那面墙", "格外冷"),
        ("入口处有", "一串新鲜的脚印"),
        ("不知从哪儿", "灌进一股穿堂风"),
        ("有一块", "谁都没提过的焦痕"),
        ("还留着", "有人匆匆离开的气味"),
    ];

    private static readonly string[] WarmFacesZh = ["我一直把你当自己人", "我信得过你", "你帮过我，我都记着"];
    private static readonly string[] ColdFacesZh = ["你我之间还有笔账没算", "我对你一直存着戒心", "你做过的事我没忘"];

    private const string NoticedPrefix = "noticed-";

    private readonly Perspective _p;
    private readonly CharacterGrammar _g;
    private readonly Phrasing _phrasing;
    private readonly Voice _voice;
    private readonly Slots _slots = new();
    private readonly HeardLine? _heard;
    private readonly LineGist _gist;
    private readonly PresentView? _speaker;
    private readonly IReadOnlyList<PresentView> _present;
    private readonly bool _answerDirectly;
    private readonly bool _everyOtherTurn;

    public CharacterTurn(Perspective perspective)
    {
        _p = perspective;
        _g = perspective.Language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? CharacterGrammar.Chinese
            : CharacterGrammar.English;
        _voice = Voice.Of(perspective.Persona);
        _everyOtherTurn = perspective.Cue.Alternation == Alternation.Strict;
        _phrasing = new Phrasing(new Random(perspective.Cue.Seed), _voice, Reading.OwnPastLines(perspective), perspective.Turn,
            perspective.Self.Value, _everyOtherTurn, chinese: _g.IsChinese);
        _heard = Reading.Heard(perspective);
        _gist = _heard is null ? LineGist.Silence : _g.IsChinese ? LineGist.ReadChinese(_heard) : LineGist.Read(_heard, perspective);
        _present = Reading.Present(perspective);
        _speaker = _heard is null ? null : _present.FirstOrDefault(x => x.Id == _heard.Speaker);
        _answerDirectly = _gist.Kind == LineKind.Question && _speaker is not null && _phrasing.Chance(0.4);
    }

    private Random Random => _phrasing.Random;

    public CharacterAction Decide()
    {
        var plan = PlanChange();
        var target = ChooseTarget(plan);
        FillSlots(target);
        plan?.Fill(_slots);

        var speech = new List<string>();
        // With every other turn, a sentence said outside its awake turns comes back within the replies a reader compares:
        // only what a reply cannot do without (its closing hook, or a line at all) may fall back on one.
        void Say(Phrase[] pool, Func<string, bool>? accept = null, bool optional = false, bool needed = false)
        {
            if (_phrasing.Say(pool, _slots, accept, optional || (_everyOtherTurn && !needed)) is { } s)
            {
                speech.Add(s);
            }
        }

        var catchphrase = Catchphrase();
        if (catchphrase is not null && _phrasing.Chance(0.5))
        {
            speech.Add(catchphrase);
            catchphrase = null;
        }
        else if (_phrasing.Chance(0.22))
        {
            Say(_g.Interjections);
        }
        if (_heard is not null)
        {
            React((pool, accept, optional) => Say(pool, accept, optional));
        }
        if (plan is not null)
        {
            Say(plan.Speech);
        }
        var room = Math.Max(0, 5 - speech.Count - 1);
        var topics = Math.Min(room, TopicCount(speech.Count));
        foreach (var topic in ChooseTopics(topics))
        {
            Say(topic, optional: true);
        }
        if (speech.Count == 0 && target is null)
        {
            Say(_g.Soliloquy, needed: true);
        }
        if (catchphrase is not null)
        {
            speech.Add(catchphrase);
        }
        // A reply to the user always leaves them something to answer, unless it already asks.
        var toUser = target?.IsUser == true || _speaker?.IsUser == true;
        var asks = speech.Any(x => x.Contains('?', StringComparison.Ordinal) || x.Contains('？', StringComparison.Ordinal));
        if (target is not null
            && ((toUser && !asks) || _phrasing.Chance(_voice.Terse ? 0.78 : 0.86) || speech.Count == 0 || _answerDirectly))
        {
            Say(HookPool(), needed: true);
        }

        _slots.Refresh();
        var narration = plan is not null ? _phrasing.Say(plan.Gesture, _slots)
            : _phrasing.Chance(0.25) ? _phrasing.Say(_g.Gesture, _slots)
            : null;

        var addressees = ImmutableArray.CreateBuilder<EntityId>();
        if (target is not null)
        {
            addressees.Add(target.Id);
        }
        if (_speaker is not null && _speaker.Id != target?.Id)
        {
            addressees.Add(_speaker.Id);
        }
        var people = _present.Select(x => (x.Name, Naming.Short(x.Name))).Append((_p.Persona.Name, Naming.Short(_p.Persona.Name)));
        // Chinese runs its sentences together and has no articles to mend.
        var said = _g.IsChinese ? string.Concat(speech) : SpeechPolish.Articles(string.Join(' ', speech));
        return new CharacterAction(
            SpeechPolish.Names(said, people),
            narration is null ? "" : _g.IsChinese ? narration : SpeechPolish.Articles(narration),
            addressees.ToImmutable(),
            plan is null ? [] : [plan.Proposal],
            MindUsage.Free(ProceduralMind.MindName));
    }

    private void React(Action<Phrase[], Func<string, bool>?, bool> say)
    {
        // The reaction always names the speaker or picks up a word of theirs, so the answer is visibly an answer.
        static bool Answers(string template) => template.Contains("{speaker}", StringComparison.Ordinal)
            || template.Contains("{echo}", StringComparison.Ordinal);
        var pool = _gist.Kind switch
        {
            LineKind.Greeting => _g.Greeting,
            LineKind.Farewell => _g.Farewell,
            LineKind.Thanks => _g.Thanks,
            LineKind.Apology => _g.Apology,
            LineKind.Accusation => _g.Accusation,
            LineKind.Threat => _g.Threat,
            LineKind.Compliment => _g.Compliment,
            LineKind.Request => _g.Request,
            LineKind.Question => _g.QuestionLead,
            _ => _gist.Echo is not null ? _g.EchoedStatement : _g.PlainStatement,
        };
        // A question may be answered straight away, without a lead-in; the hook then goes back to the asker by name.
        if (_gist.Kind != LineKind.Question || _speaker is null || !_answerDirectly)
        {
            say(pool, Answers, false);
        }
        if (_gist.Kind == LineKind.Question || (_gist.Kind == LineKind.Request && _gist.Asks != Asking.Nothing && _phrasing.Chance(0.3)))
        {
            var answers = _gist.Asks switch
            {
                Asking.Where => _g.AnswerWhere,
                Asking.Who => _g.AnswerWho,
                Asking.Why => _g.AnswerWhy,
                Asking.How => _g.AnswerHow,
                Asking.When => _g.AnswerWhen,
                Asking.YesOrNo => _g.AnswerYesOrNo,
                Asking.Feelings => _g.AnswerFeelings,
                Asking.Personal => _g.AnswerPersonal,
                _ => _g.AnswerWhat,
            };
            say([.. answers, .. _g.AnswerYesOrNo.Take(answers == _g.AnswerYesOrNo ? 0 : 2)], null, false);
        }
    }

    private int TopicCount(int alreadySaid)
    {
        if (_voice.Terse)
        {
            return alreadySaid == 0 || _phrasing.Chance(0.35) ? 1 : 0;
        }
        var wanted = _voice.Talkativeness switch
        {
            < 0.35 => 1,
            > 0.7 => 2,
            _ => _phrasing.Chance(0.5) ? 1 : 2,
        };
        return alreadySaid >= 2 ? wanted - 1 : wanted;
    }

    private IEnumerable<Phrase[]> ChooseTopics(int count)
    {
        var pacing = _p.Cue.Pacing;
        (Phrase[] Pool, double Weight)[] weighted = pacing switch
        {
            Pacing.SlowDown =>
            [
                (_g.Face, 3), (_g.Mood, 3), (_g.Place, 2), (_g.Person, 2), (_g.Trait, 1.5), (_g.Goal, 1), (_g.KnownFact, 1), (_g.MyItem, 1),
                (_g.Item, 0.7), (_g.Time, 1),
                (_g.LooseItem, 0.5), (_g.HeldItem, 0.5), (_g.Objective, 0.5),
            ],
            Pacing.Escalate =>
            [
                (_g.SecretHint, 3), (_g.Goal, 2.5), (_g.KnownFact, 2), (_g.Item, 1.5), (_g.HeldItem, 1.5), (_g.Person, 2),
                (_g.Objective, 1.5), (_g.Place, 0.7),
                (_g.MyItem, 1), (_g.LooseItem, 1), (_g.Face, 1), (_g.Mood, 0.7), (_g.Time, 0.5),
            ],
            _ =>
            [
                (_g.Goal, 2), (_g.KnownFact, 2), (_g.Item, 1.5), (_g.Person, 2), (_g.Place, 1.5), (_g.Face, 1.5), (_g.Trait, 1),
                (_g.Mood, 1), (_g.Objective, 1),
                (_g.MyItem, 1), (_g.LooseItem, 0.7), (_g.HeldItem, 1), (_g.SecretHint, 0.7), (_g.Time, 0.4),
            ],
        };
        var open = weighted.ToList();
        for (var i = 0; i < count; i++)
        {
            // What earlier sentences said is spent, so which topics are still open is asked anew each time.
            open.RemoveAll(w =>
                !w.Pool.Any(ph => _voice.Fits(ph.Register) && _slots.CanFill(ph.Template) && _phrasing.Awake(ph.Template, w.Pool.Length)));
            if (open.Count == 0)
            {
                yield break;
            }
            var roll = Random.NextDouble() * open.Sum(w => w.Weight);
            var index = 0;
            while (index < open.Count - 1 && roll >= open[index].Weight)
            {
                roll -= open[index].Weight;
                index++;
            }
            yield return open[index].Pool;
            open.RemoveAt(index);
        }
    }

    private Phrase[] HookPool() => _p.Cue.Pacing switch
    {
        Pacing.Escalate when _phrasing.Chance(0.45) => _g.EscalateHook,
        Pacing.SlowDown when _phrasing.Chance(0.45) => _g.SlowDownHook,
        _ => _g.Hook,
    };

    private string? Catchphrase()
    {
        var phrases = Reading.Listed(_p.Persona.Catchphrases);
        if (phrases.Count == 0 || !_phrasing.Chance(0.16))
        {
            return null;
        }
        var phrase = _phrasing.Pick(phrases);
        var recent = Reading.OwnPastLines(_p).Any(l => l.Contains(phrase.Trim(), StringComparison.OrdinalIgnoreCase));
        return recent
            || phrase.Contains(':', StringComparison.Ordinal) ? null
            : _g.IsChinese ? Phrasing.FinishChinese(phrase.Replace("\"", "", StringComparison.Ordinal))
            : Phrasing.Finish(phrase.Replace("\"", "", StringComparison.Ordinal));
    }

    /// <summary>Whom the turn is for: the one a change concerns, else often the user, else whoever just spoke, else anyone
    /// present.</summary>
    private PresentView? ChooseTarget(ChangePlan? plan)
    {
        if (plan?.Target is { } concerned)
        {
            return concerned;
        }
        if (_answerDirectly)
        {
            return _speaker;
        }
        if (_present.Count == 0)
        {
            return null;
        }
        var user = _present.FirstOrDefault(x => x.IsUser);
        if (user is not null && _phrasing.Chance(0.55))
        {
            return user;
        }
        if (_speaker is not null && _phrasing.Chance(0.6))
        {
            return _speaker;
        }
        return _phrasing.Pick(_present);
    }

    private void FillSlots(PresentView? target)
    {
        var p = _p;
        _slots["self"] = p.Persona.Name;
        _slots["name"] = target is null ? null : Naming.Short(target.Name);
        _slots["face"] = target is null ? null : _g.IsChinese ? FaceZh(target) : TieWords.ToFace(target, p);
        _slots["speaker"] = _heard is null ? null : Naming.Short(_heard.SpeakerName);
        _slots["echo"] = _gist.Echo;
        var others = _present.Where(x => x.Id != target?.Id).ToList();
        var preferred = others.Where(x => !x.IsUser).ToList();
        if ((preferred.Count > 0 ? preferred : others) is { Count: > 0 } pool)
        {
            var other = _phrasing.Pick(pool);
            _slots["other"] = other.Name;
            _slots["who"] = _g.IsChinese ? Naming.Short(other.Name) : TieWords.Describe(other, p);
        }
        _slots["place"] = Called(p.Place.Name);
        if (Reading.Exits(p) is { Count: > 0 } exits)
        {
            _slots["exit"] = Called(_phrasing.Pick(exits).Name);
        }
        if (Reading.Items(p) is { Count: > 0 } items)
        {
            _slots["item"] = Called(_phrasing.Pick(items).Name);
        }
        if (Reading.OwnItems(p) is { Count: > 0 } own)
        {
            _slots["myitem"] = Called(_phrasing.Pick(own).Name);
        }
        if (Reading.LooseItems(p) is { Count: > 0 } loose)
        {
            _slots["loose"] = Called(_phrasing.Pick(loose).Name);
        }
        if (Reading.HeldByOthers(p) is { Count: > 0 } held)
        {
            var h = _phrasing.Pick(held);
            _slots["held"] = Called(h.Name);
            _slots["holder"] = h.HolderName;
        }
        if (Reading.Listed(p.Persona.Goals) is { Count: > 0 } goals)
        {
            if (_g.IsChinese)
            {
                _slots["goal"] = _slots["goalnp"] = Naming.AsWrittenZh(_phrasing.Pick(goals));
            }
            else
            {
                var goal = Naming.Goal(_phrasing.Pick(goals));
                _slots["goal"] = goal.IsVerbPhrase ? goal.Text : null;
                _slots["goalnp"] = goal.AsNounPhrase;
            }
        }
        // An objective is the scene's brief, not a line: speech points at what it is about rather than reciting it.
        if (Reading.Listed(p.Cue.Objectives) is { Count: > 0 } objectives)
        {
            var objective = _phrasing.Pick(objectives);
            _slots["objtopic"] = _g.IsChinese ? Naming.AsWrittenZh(objective) : Naming.Topic(objective, p);
        }
        // Facts about the one addressed stay out of speech: said to their face they would read as telling them about themselves.
        // What someone noticed aloud was news once; said again it is a stuck record.
        var facts = Reading.Facts(p)
            .Where(f => !f.IsOwnSecret && f.Subject != target?.Id && !f.Id.StartsWith(NoticedPrefix, StringComparison.Ordinal))
            .Where(f => Naming.Speakable(f, p.Self) && _phrasing.Awake(f.Id))
            .ToList();
        if (facts.Count > 0)
        {
            _slots["fact"] = Statement(_phrasing.Pick(facts));
        }
        if (Reading.OwnSecrets(p) is { Count: > 0 } secrets)
        {
            var secret = _phrasing.Pick(secrets);
            _slots["secretabout"] = secret.Subject == p.Self ? (_g.IsChinese ? "我" : "me") : secret.SubjectName;
        }
        var trait = _g.IsChinese ? Naming.TraitZh : (Func<string, string?>)Naming.Adjective;
        if (Reading.Listed(p.Persona.Traits).Select(trait).OfType<string>().ToList() is { Count: > 0 } traits)
        {
            _slots["trait"] = _phrasing.Pick(traits);
        }
        _slots["time"] = _g.IsChinese ? Naming.TimeOfDayZh(p.StoryMinute) : Naming.TimeOfDay(p.StoryMinute);
        _slots["daypart"] = _g.IsChinese ? Naming.DayPartZh(p.StoryMinute) : Naming.DayPart(p.StoryMinute);
        _slots["mood"] = MoodWord();
    }

    /// <summary>A word for how the character seems now, read from what was just said, its ties and the scene's pacing.</summary>
    private string MoodWord()
    {
        if (_g.IsChinese)
        {
            return _phrasing.Pick(MoodWordsZh());
        }
        string[] words = _gist.Kind switch
        {
            LineKind.Accusation or LineKind.Threat => ["rattled", "angry", "stung", "on edge"],
            LineKind.Thanks or LineKind.Compliment or LineKind.Apology or LineKind.Greeting => ["glad", "warm", "easier", "relieved"],
            _ when _speaker is not null && TieWords.OwnTieToward(_speaker.Id, _p) is { Strength: < -0.3 } => ["wary", "cold", "guarded"],
            _ => _p.Cue.Pacing switch
            {
                Pacing.Escalate => ["restless", "tense", "on edge", "impatient"],
                Pacing.SlowDown => ["thoughtful", "pensive", "tired", "wistful"],
                _ => ["uneasy", "watchful", "curious", "distracted", "wary"],
            },
        };
        return _phrasing.Pick(words);
    }

    private string[] MoodWordsZh() => _gist.Kind switch
    {
        LineKind.Accusation or LineKind.Threat => ["慌", "恼火", "憋屈", "紧张"],
        LineKind.Thanks or LineKind.Compliment or LineKind.Apology or LineKind.Greeting => ["高兴", "暖心", "轻松", "踏实"],
        _ when _speaker is not null && TieWords.OwnTieToward(_speaker.Id, _p) is { Strength: < -0.3 } => ["戒备", "冷淡", "提防"],
        _ => _p.Cue.Pacing switch
        {
            Pacing.Escalate => ["烦躁", "紧张", "坐不住", "着急"],
            Pacing.SlowDown => ["出神", "恍惚", "累", "惆怅"],
            _ => ["不安", "警觉", "好奇", "心不在焉", "忐忑"],
        },
    };

    /// <summary>A place or thing as the line names it: English gives it its article, Chinese uses the name as written.</summary>
    private string Called(string name) => _g.IsChinese ? name.Trim() : Naming.Definite(name);

    /// <summary>A known fact as the character says it; in Chinese the subject, predicate and value run together.</summary>
    private string Statement(FactView fact)
    {
        if (!_g.IsChinese)
        {
            return Naming.Statement(fact, _p.Self);
        }
        var subject = fact.Subject == _p.Self ? "我" : fact.SubjectName.Trim();
        return Naming.AsWrittenZh($"{subject}{Naming.Words(fact.Predicate)}{fact.Value.Trim()}");
    }

    /// <summary>How the speaker's tie to the one addressed sounds said to their face, in Chinese; null for a tie too faint to
    /// mention.</summary>
    private string? FaceZh(PresentView who) => TieWords.OwnTieToward(who.Id, _p)?.Strength switch
    {
        >= 0.3 => _phrasing.Pick(WarmFacesZh),
        <= -0.3 => _phrasing.Pick(ColdFacesZh),
        _ => null,
    };

    private ChangePlan? PlanChange()
    {
        var pacing = _p.Cue.Pacing;
        var rate = pacing switch { Pacing.Escalate => 0.65, Pacing.SlowDown => 0.12, _ => 0.28 };
        if (!_phrasing.Chance(rate))
        {
            return null;
        }
        var refused = Reading.Refused(_p);
        var options = new List<(Func<ChangePlan?> Make, double Weight)>();
        void Offer(ChangeKinds kind, bool possible, double steady, double escalate, double slow, Func<ChangePlan?> make)
        {
            if (possible && (refused & kind) == 0)
            {
                options.Add((make, pacing switch { Pacing.Escalate => escalate, Pacing.SlowDown => slow, _ => steady }));
            }
        }
        Offer(ChangeKinds.Relationship, _present.Count > 0, 3, 2.5, 4, PlanRelationship);
        Offer(ChangeKinds.Fact, Reading.OwnSecrets(_p).Count > 0, 1, 3, 0.5, PlanReveal);
        Offer(ChangeKinds.Fact, true, 1, 1.5, 0.5, PlanNotice);
        Offer(ChangeKinds.Gave, Reading.OwnItems(_p).Count > 0 && _present.Count > 0, 1.5, 2, 1, PlanGive);
        Offer(ChangeKinds.Took, Reading.LooseItems(_p).Count > 0, 1.2, 1.5, 0.5, PlanTake);
        // Walking out on a user left alone would end the scene for them: someone else of the cast must stay.
        var othersStay = _present.Any(x => !x.IsUser);
        Offer(ChangeKinds.Moved, Reading.Exits(_p).Count > 0 && othersStay, 0.25, 0.5, 0.1, PlanLeave);
        Offer(ChangeKinds.Time, true, 0.5, 0.2, 1, PlanWait);
        if (options.Count == 0)
        {
            return null;
        }
        var roll = Random.NextDouble() * options.Sum(o => o.Weight);
        var index = 0;
        while (index < options.Count - 1 && roll >= options[index].Weight)
        {
            roll -= options[index].Weight;
            index++;
        }
        return options[index].Make();
    }

    private Proposal Propose(WorldChange change) =>
        _heard is { Seq: > 0 } heard ? Proposal.Of(_p.Self, change, heard.Seq) : Proposal.Of(_p.Self, change);

    private ChangePlan? PlanRelationship()
    {
        var target = _speaker ?? _phrasing.Pick(_present);
        var warmer = _gist.Kind switch
        {
            LineKind.Accusation or LineKind.Threat => false,
            LineKind.Thanks or LineKind.Apology or LineKind.Compliment or LineKind.Greeting => true,
            _ => _phrasing.Chance(_p.Cue.Pacing == Pacing.Escalate ? 0.45 : 0.65),
        };
        var own = TieWords.OwnTieToward(target.Id, _p);
        var type = own?.Type ?? (warmer ? "trusts" : "resents");
        var current = own is { Strength: var s } && double.IsFinite(s) ? Math.Clamp(s, -1, 1) : 0;
        var step = Math.Round(0.05 + (Random.NextDouble() * 0.15), 2);
        // Strength is how the speaker feels (negative is hostile), whatever the type: warmer is always up.
        var next = RelationshipTone.Moved(type, current, step, warmer);
        if (next == current)
        {
            return null;
        }
        return new ChangePlan(
            Propose(new RelationshipChanged(_p.Self, target.Id, type, next)),
            warmer ? _g.Warmer : _g.Colder,
            warmer ? _g.GestureWarmer : _g.GestureColder,
            target,
            slots => slots["target"] = Naming.Short(target.Name));
    }

    private ChangePlan PlanReveal()
    {
        var secret = _phrasing.Pick(Reading.OwnSecrets(_p));
        return new ChangePlan(
            Propose(new FactAsserted(secret.Id, secret.Subject, secret.Predicate, secret.Value)),
            _g.Reveal,
            _g.GestureReveal,
            null,
            slots => slots["reveal"] = Statement(secret));
    }

    private ChangePlan? PlanNotice()
    {
        var subjects = Reading.Items(_p).Select(i => (i.Id, i.Name, IsItem: true)).Append((_p.Place.Id, _p.Place.Name, IsItem: false))
            .ToList();
        var (id, name, isItem) = _phrasing.Pick(subjects);
        // A thing already noticed is old news: only what the perspective does not hold yet is worth pointing out.
        var known = Reading.Facts(_p).Select(f => (f.Subject, f.Predicate, f.Value)).ToHashSet();
        var notices = _g.IsChinese ? (isItem ? ItemNoticesZh : PlaceNoticesZh) : isItem ? ItemNotices : PlaceNotices;
        var fresh = notices.Where(n => !known.Contains((id, n.Predicate, n.Value))).ToList();
        if (fresh.Count == 0)
        {
            return null;
        }
        var (predicate, value) = _phrasing.Pick(fresh);
        var factId = $"{NoticedPrefix}{_p.Self.Value}-{_p.Turn}-{(uint)_p.Cue.Seed:x8}";
        return new ChangePlan(
            Propose(new FactAsserted(factId, id, predicate, value)),
            _g.Notice,
            _g.GestureNotice,
            null,
            slots => slots["newfact"] = _g.IsChinese ? $"{name}{predicate}{value}" : $"{Called(name)} {predicate} {value}");
    }

    private ChangePlan PlanGive()
    {
        var item = _phrasing.Pick(Reading.OwnItems(_p));
        var to = _speaker is not null && _phrasing.Chance(0.6) ? _speaker : _phrasing.Pick(_present);
        return new ChangePlan(
            Propose(new Gave(item.Id, to.Id)),
            _g.Give,
            _g.GestureGive,
            to,
            slots =>
            {
                slots["gift"] = Called(item.Name);
                slots["recipient"] = Naming.Short(to.Name);
            });
    }

    private ChangePlan PlanTake()
    {
        var item = _phrasing.Pick(Reading.LooseItems(_p));
        return new ChangePlan(Propose(new Took(item.Id)), _g.Take, _g.GestureTake, null, slots => slots["took"] = Called(item.Name));
    }

    private ChangePlan PlanLeave()
    {
        var exit = _phrasing.Pick(Reading.Exits(_p));
        return new ChangePlan(Propose(new Moved(exit.To)), _g.Leave, _g.GestureLeave, null, slots => slots["dest"] = Called(exit.Name));
    }

    private ChangePlan PlanWait() =>
        new(Propose(new TimeAdvanced(_phrasing.Pick(WaitMinutes))), _g.Wait, _g.GestureWait, null, _ => { });

    /// <summary>A change to propose, with the words that go with it.</summary>
    private sealed record ChangePlan(Proposal Proposal, Phrase[] Speech, Phrase[] Gesture, PresentView? Target, Action<Slots> Fill);
}
