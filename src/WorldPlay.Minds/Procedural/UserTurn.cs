using System.Collections.Immutable;
using WorldPlay.Core;
using WorldPlay.Core.Minds;
using static WorldPlay.Minds.Procedural.UserPhrases;
using Reading = WorldPlay.Minds.Procedural.PerspectiveReading;

namespace WorldPlay.Minds.Procedural;

/// <summary>One turn of the procedural user: always speaks to one character present by name, in the style asked for.
/// It never moves away from the scene; a fast-plot user now and then tries what the laws will refuse.</summary>
internal sealed class UserTurn
{
    private readonly Perspective _p;
    private readonly UserStyle _style;
    private readonly string _mindName;
    private readonly Phrasing _phrasing;
    private readonly Slots _slots = new();
    private readonly HeardLine? _heard;
    private readonly LineGist _gist;
    private readonly IReadOnlyList<PresentView> _cast;

    public UserTurn(Perspective perspective, UserStyle style, string mindName)
    {
        _p = perspective;
        _style = style;
        _mindName = mindName;
        // The user's own voice barely matters; its grammar is its style. Mixing the style into the seed keeps two
        // simulators given the same perspective from speaking in lockstep.
        _phrasing = new Phrasing(
            new Random(StableSeed.Of(perspective.Cue.Seed, mindName)),
            new Voice(Register.Plain, Register.Plain, false, 0.5),
            Reading.OwnPastLines(perspective), perspective.Turn, mindName, longCycles: true);
        _heard = Reading.Heard(perspective);
        _gist = _heard is null ? LineGist.Silence : LineGist.Read(_heard, perspective);
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
            Say(SlowBurn ? Listening : Pressing);
        }
        else if (_phrasing.Chance(0.5))
        {
            Say(SlowBurn ? Gentle : Urgent);
        }
        if (SlowBurn && _phrasing.Chance(0.35))
        {
            Say(Confiding);
        }
        if (proposalSpeech is not null)
        {
            Say(proposalSpeech);
        }
        static bool Names(string template) => template.Contains("{name}", StringComparison.Ordinal);
        if (!SlowBurn && proposal is null && _slots["modern"] is not null)
        {
            Say(Modern, Names);
        }
        else
        {
            Say(SlowBurn ? Tender : Pushing, Names);
        }
        _slots.Refresh();
        var narration = _phrasing.Chance(SlowBurn ? 0.45 : 0.3) ? _phrasing.Say(SlowBurn ? Gesture : Urging, _slots) : null;
        return new CharacterAction(
            string.Join(' ', speech),
            narration ?? "",
            [focus.Id],
            proposal is null ? [] : [proposal],
            MindUsage.Free(_mindName));
    }

    /// <summary>Nobody of the cast is here: the user waits and lets time pass, and says something only when it is fresh, so
    /// a lonely stretch reads as time going by rather than one call repeated.</summary>
    private CharacterAction Alone()
    {
        var speech = _phrasing.Chance(0.6) ? _phrasing.Say(Calling, _slots, optional: true) : null;
        // Narration is not among the lines a participant sees again, so it walks through its phrases by the turn instead:
        // the waiting changes every turn, the sounds around it every twenty, and the two come round together only rarely.
        var waiting = Enumerable.Range(0, WaitingAlone.Length)
            .Select(k => WaitingAlone[((_p.Turn / 2) + k) % WaitingAlone.Length])
            .Select(phrase => _phrasing.Say([phrase], _slots))
            .FirstOrDefault(text => text is not null);
        var around = _phrasing.Say([AroundAlone[(_p.Turn / 20) % AroundAlone.Length]], _slots);
        var narration = string.Join(' ', new[] { waiting, around }.OfType<string>());
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
        _slots["place"] = Naming.Definite(p.Place.Name);
        if (Reading.Exits(p) is { Count: > 0 } exits)
        {
            _slots["exit"] = Naming.Definite(_phrasing.Pick(exits).Name);
        }
        var items = Reading.Items(p);
        if (items.Count > 0)
        {
            _slots["item"] = Naming.Definite(_phrasing.Pick(items).Name);
        }
        if (Reading.OwnItems(p) is { Count: > 0 } own)
        {
            _slots["myitem"] = Naming.Definite(_phrasing.Pick(own).Name);
        }
        if (items.Where(i => i.Holder == focus?.Id).ToList() is { Count: > 0 } theirs)
        {
            _slots["theiritem"] = Naming.Definite(_phrasing.Pick(theirs).Name);
        }
        var topics = Reading.Facts(p).Where(f => f.Subject != p.Self && f.Subject != focus?.Id).Select(f => Naming.Definite(f.SubjectName))
            .Concat(items.Select(i => Naming.Definite(i.Name)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (topics.Count > 0)
        {
            _slots["topic"] = _phrasing.Pick(topics);
        }
        if (Reading.Listed(p.Persona.Goals) is { Count: > 0 } goals && Naming.Goal(_phrasing.Pick(goals)) is { IsVerbPhrase: true } goal)
        {
            _slots["goal"] = goal.Text;
        }
        _slots["time"] = Naming.TimeOfDay(p.StoryMinute);
        // Real users reach for things the setting does not have; the world's laws must turn them away.
        if (!SlowBurn && _phrasing.Chance(0.06))
        {
            _slots["modern"] = _phrasing.Pick(ModernThings);
        }
    }

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
                _slots["gift"] = Naming.Definite(gift.Name);
                return (Propose(new Gave(gift.Id, focus.Id)), Gift);
            }
            if ((refused & ChangeKinds.Time) == 0 && _phrasing.Chance(0.04))
            {
                return (Propose(new TimeAdvanced(_phrasing.Pick([10, 20, 30]))), Lingering);
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
            _slots["held"] = Naming.Definite(item.Name);
            _slots["holder"] = item.HolderName;
            return (Propose(new Took(item.Id)), Grabbing);
        }
        if (roll < 0.55 && loose.Count > 0 && (refused & ChangeKinds.Took) == 0)
        {
            var item = _phrasing.Pick(loose);
            _slots["took"] = Naming.Definite(item.Name);
            return (Propose(new Took(item.Id)), Taking);
        }
        if (roll < 0.8 && own.Count > 0 && (refused & ChangeKinds.Gave) == 0)
        {
            var gift = _phrasing.Pick(own);
            _slots["gift"] = Naming.Definite(gift.Name);
            return (Propose(new Gave(gift.Id, focus.Id)), Gift);
        }
        // Waiting is the last resort of an impatient user, not its habit.
        if ((refused & ChangeKinds.Time) == 0 && _phrasing.Chance(0.25))
        {
            return (Propose(new TimeAdvanced(_phrasing.Pick([30, 45, 60]))), Waiting);
        }
        return (null, null);
    }
}
