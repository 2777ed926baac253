using System.Collections.Immutable;
using WorldPlay.Core;
using WorldPlay.Core.Minds;
using Reading = WorldPlay.Minds.Procedural.PerspectiveReading;

namespace WorldPlay.Minds.Procedural;

/// <summary>One turn of the procedural user: always speaks to one character present by name, in the style asked for.
/// It never moves away from the scene; a fast-plot user now and then tries what the laws will refuse.</summary>
internal sealed class UserTurn
{
    private readonly Perspective _p;
    private readonly UserStyle _style;
    private readonly string _mindName;
    private readonly UserGrammar _g;
    private readonly Phrasing _phrasing;
    private readonly Slots _slots = new();
    private readonly HeardLine? _heard;
    private readonly LineGist _gist;
    private readonly IReadOnlyList<PresentView> _cast;

    public UserTurn(Perspective perspective, UserStyle style, string mindName)
    {
        _p = perspective;
        _g = perspective.Language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? UserGrammar.Chinese : UserGrammar.English;
        _style = style;
        _mindName = mindName;
        // The user's own voice barely matters; its grammar is its style. Mixing the style into the seed keeps two
        // simulators given the same perspective from speaking in lockstep.
        _phrasing = new Phrasing(
            new Random(StableSeed.Of(perspective.Cue.Seed, mindName)),
            new Voice(Register.Plain, Register.Plain, false, 0.5),
            Reading.OwnPastLines(perspective), perspective.Turn, mindName, longCycles: true, chinese: _g.IsChinese);
        _heard = Reading.Heard(perspective);
        _gist = _heard is null ? LineGist.Silence : _g.IsChinese ? LineGist.ReadChinese(_heard) : LineGist.Read(_heard, perspective);
        _cast = Reading.Present(perspective).Where(x => !x.IsUser).ToList();
    }

    private bool SlowBurn => _style == UserStyle.SlowBurn;

    public CharacterAction Decide()
    {
        if (_p.Cue.Offstage)
        {
            return new CharacterAction("", "", [], [], MindUsage.Free(_mindName));
        }
        var focus = Focus();
        FillSlots(focus);
        if (focus is null)
        {
            return Alone();
        }

        var (proposal, proposalSpeech) = PlanChange(focus);
        var speech = new List<string>();
        void Say(Phrase[] pool, Func<string, bool>? accept = null)
        {
            if (_phrasing.Say(pool, _slots, accept) is { } s)
            {
                speech.Add(s);
            }
        }
        if (_heard is not null && _phrasing.Chance(SlowBurn ? 0.6 : 0.45))
        {
            Say(SlowBurn ? _g.Listening : _g.Pressing);
        }
        else if (_phrasing.Chance(0.5))
        {
            Say(SlowBurn ? _g.Gentle : _g.Urgent);
        }
        if (SlowBurn && _phrasing.Chance(0.35))
        {
            Say(_g.Confiding);
        }
        if (proposalSpeech is not null)
        {
            Say(proposalSpeech);
        }
        static bool Names(string template) => template.Contains("{name}", StringComparison.Ordinal);
        if (!SlowBurn && proposal is null && _slots["modern"] is not null)
        {
            Say(_g.Modern, Names);
        }
        else
        {
            Say(SlowBurn ? _g.Tender : _g.Pushing, Names);
        }
        _slots.Refresh();
        var narration = _phrasing.Chance(SlowBurn ? 0.45 : 0.3) ? _phrasing.Say(SlowBurn ? _g.Gesture : _g.Urging, _slots) : null;
        return new CharacterAction(
            _g.IsChinese ? string.Concat(speech) : string.Join(' ', speech),
            narration ?? "",
            [focus.Id],
            proposal is null ? [] : [proposal],
            MindUsage.Free(_mindName));
    }

    /// <summary>Nobody of the cast is here: the user waits and lets time pass, and says something only when it is fresh, so
    /// a lonely stretch reads as time going by rather than one call repeated.</summary>
    private CharacterAction Alone()
    {
        var speech = _phrasing.Chance(0.6) ? _phrasing.Say(_g.Calling, _slots, optional: true) : null;
        // Narration is not among the lines a participant sees again, so it walks through its phrases by the turn instead:
        // the waiting changes every turn, the sounds around it every twenty, and the two come round together only rarely.
        var waiting = Enumerable.Range(0, _g.WaitingAlone.Length)
            .Select(k => _g.WaitingAlone[((_p.Turn / 2) + k) % _g.WaitingAlone.Length])
            .Select(phrase => _phrasing.Say([phrase], _slots))
            .FirstOrDefault(text => text is not null);
        var around = _phrasing.Say([_g.AroundAlone[(_p.Turn / 20) % _g.AroundAlone.Length]], _slots);
        var narration = string.Join(_g.IsChinese ? "" : " ", new[] { waiting, around }.OfType<string>());
        var waits = (Reading.Refused(_p) & ChangeKinds.Time) == 0
            ? [Proposal.Of(_p.Self, new TimeAdvanced(_phrasing.Pick([5, 10, 15, 20])))]
            : ImmutableArray<Proposal>.Empty;
        return new CharacterAction(speech ?? "", narration, [], waits, MindUsage.Free(_mindName));
    }

    /// <summary>Whom the user talks to. A slow-burn user lingers on the one it spoke to last; a fast-plot user follows
    /// whoever speaks and moves on quickly.</summary>
    private PresentView? Focus()
    {
        if (_cast.Count == 0)
        {
            return null;
        }
        var lastAddressed = Reading.OwnLinesWithAddressees(_p)
            .Select(l => l.Addressees.IsDefault ? null : _cast.FirstOrDefault(c => l.Addressees.Contains(c.Id)))
            .LastOrDefault(c => c is not null);
        var speaker = _heard is null ? null : _cast.FirstOrDefault(c => c.Id == _heard.Speaker);
        if (SlowBurn)
        {
            if (lastAddressed is not null && _phrasing.Chance(0.85))
            {
                return lastAddressed;
            }
            return speaker ?? _phrasing.Pick(_cast);
        }
        return speaker is not null && _phrasing.Chance(0.45) ? speaker : _phrasing.Pick(_cast);
    }

    private void FillSlots(PresentView? focus)
    {
        var p = _p;
        _slots["self"] = p.Persona.Name;
        _slots["name"] = focus?.Name;
        _slots["speaker"] = _heard?.SpeakerName;
        _slots["echo"] = _gist.Echo;
        if (_cast.Where(c => c.Id != focus?.Id).ToList() is { Count: > 0 } others)
        {
            _slots["other"] = _phrasing.Pick(others).Name;
        }
        _slots["place"] = Called(p.Place.Name);
        if (Reading.Exits(p) is { Count: > 0 } exits)
        {
            _slots["exit"] = Called(_phrasing.Pick(exits).Name);
        }
        var items = Reading.Items(p);
        if (items.Count > 0)
        {
            _slots["item"] = Called(_phrasing.Pick(items).Name);
        }
        if (Reading.OwnItems(p) is { Count: > 0 } own)
        {
            _slots["myitem"] = Called(_phrasing.Pick(own).Name);
        }
        if (items.Where(i => i.Holder == focus?.Id).ToList() is { Count: > 0 } theirs)
        {
            _slots["theiritem"] = Called(_phrasing.Pick(theirs).Name);
        }
        var topics = Reading.Facts(p).Where(f => f.Subject != p.Self && f.Subject != focus?.Id).Select(f => Called(f.SubjectName))
            .Concat(items.Select(i => Called(i.Name)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (topics.Count > 0)
        {
            _slots["topic"] = _phrasing.Pick(topics);
        }
        if (_g.IsChinese)
        {
            _slots["goal"] = Reading.Listed(p.Persona.Goals) is { Count: > 0 } said ? Naming.AsWrittenZh(_phrasing.Pick(said)) : null;
        }
        else if (Reading.Listed(p.Persona.Goals) is { Count: > 0 } goals
            && Naming.Goal(_phrasing.Pick(goals)) is { IsVerbPhrase: true } goal)
        {
            _slots["goal"] = goal.Text;
        }
        _slots["time"] = _g.IsChinese ? Naming.TimeOfDayZh(p.StoryMinute) : Naming.TimeOfDay(p.StoryMinute);
        // Real users reach for things the setting does not have; the world's laws must turn them away.
        if (!SlowBurn && _phrasing.Chance(0.06))
        {
            _slots["modern"] = _phrasing.Pick(_g.ModernThings);
        }
    }

    /// <summary>A place or thing as the line names it: English gives it its article, Chinese uses the name as written.</summary>
    private string Called(string name) => _g.IsChinese ? name.Trim() : Naming.Definite(name);

    private (Proposal? Proposal, Phrase[]? Speech) PlanChange(PresentView focus)
    {
        var refused = Reading.Refused(_p);
        var causes = _heard is { Seq: > 0 } h ? new[] { h.Seq } : [];
        Proposal Propose(WorldChange change) => Proposal.Of(_p.Self, change, causes);
        var own = Reading.OwnItems(_p);
        var loose = Reading.LooseItems(_p);
        var held = Reading.HeldByOthers(_p);
        if (SlowBurn)
        {
            if (own.Count > 0 && (refused & ChangeKinds.Gave) == 0 && _phrasing.Chance(0.04))
            {
                var gift = _phrasing.Pick(own);
                _slots["gift"] = Called(gift.Name);
                return (Propose(new Gave(gift.Id, focus.Id)), _g.Gift);
            }
            if ((refused & ChangeKinds.Time) == 0 && _phrasing.Chance(0.04))
            {
                return (Propose(new TimeAdvanced(_phrasing.Pick([10, 20, 30]))), _g.Lingering);
            }
            return (null, null);
        }
        if (!_phrasing.Chance(0.3))
        {
            return (null, null);
        }
        var roll = _phrasing.Random.NextDouble();
        if (roll < 0.12 && held.Count > 0 && (refused & ChangeKinds.Took) == 0)
        {
            // Taking what someone else holds: the holder-gives law refuses it.
            var item = _phrasing.Pick(held);
            _slots["held"] = Called(item.Name);
            _slots["holder"] = item.HolderName;
            return (Propose(new Took(item.Id)), _g.Grabbing);
        }
        if (roll < 0.55 && loose.Count > 0 && (refused & ChangeKinds.Took) == 0)
        {
            var item = _phrasing.Pick(loose);
            _slots["took"] = Called(item.Name);
            return (Propose(new Took(item.Id)), _g.Taking);
        }
        if (roll < 0.8 && own.Count > 0 && (refused & ChangeKinds.Gave) == 0)
        {
            var gift = _phrasing.Pick(own);
            _slots["gift"] = Called(gift.Name);
            return (Propose(new Gave(gift.Id, focus.Id)), _g.Gift);
        }
        // Waiting is the last resort of an impatient user, not its habit.
        if ((refused & ChangeKinds.Time) == 0 && _phrasing.Chance(0.25))
        {
            return (Propose(new TimeAdvanced(_phrasing.Pick([30, 45, 60]))), _g.Waiting);
        }
        return (null, null);
    }
}
