using System.Collections.Immutable;
using WorldPlay.Core.Laws;

namespace WorldPlay.Core.Scenes;

/// <summary>What a scene did instead of a proposal the world makes impossible here: <see cref="Instead"/> in place of
/// <see cref="Wanted"/>; <see cref="Sought"/> is the character spoken to from afar, at <see cref="SoughtAt"/>.</summary>
public sealed record Bridge(Proposal Wanted, Proposal Instead, EntityId? Sought, EntityId? SoughtAt);

/// <summary>Narrative bridging: a line to someone elsewhere becomes a journey to them (or time passing when no road leads there), and
/// a walk to a place that is not next door becomes travel along the place graph, so the scene never forces impossible dialogue.</summary>
public static class NarrativeBridge
{
    /// <summary>The story minutes that pass when the one spoken to is beyond every road.</summary>
    public const int WaitMinutes = 30;

    /// <summary>The proposals to commit and the bridges among them: each proposal the laws refuse because the one spoken to is elsewhere
    /// or the place is not next door is replaced by its bridge, when the laws allow the bridge; every other proposal is kept as it is.
    /// </summary>
    public static (ImmutableArray<Proposal> Proposals, ImmutableArray<Bridge> Bridges) Plan(
        WorldState state, LawBook laws, int turn, EntityId? scenePlace, IEnumerable<Proposal> proposals)
    {
        var kept = ImmutableArray.CreateBuilder<Proposal>();
        var bridges = ImmutableArray.CreateBuilder<Bridge>();
        foreach (var proposal in proposals)
        {
            var candidate = Commitment.ToEvent(state, turn, proposal);
            if (laws.Judge(state, candidate, scenePlace) is not { } refusal)
            {
                state = state.Apply(candidate);
                kept.Add(proposal);
                continue;
            }
            if (BridgeFor(state, proposal, refusal.Law, scenePlace) is { } bridge
                && Commitment.ToEvent(state, turn, bridge.Instead) is var instead
                && laws.Judge(state, instead, scenePlace) is null)
            {
                state = state.Apply(instead);
                kept.Add(bridge.Instead);
                bridges.Add(bridge);
                continue;
            }
            kept.Add(proposal);
        }
        return (kept.ToImmutable(), bridges.ToImmutable());
    }

    /// <summary>The bridge for <paramref name="proposal"/>, refused by law <paramref name="law"/>, or null when there is none.</summary>
    public static Bridge? BridgeFor(WorldState state, Proposal proposal, string law, EntityId? scenePlace)
    {
        var actor = state.Find(proposal.Actor);
        if (actor?.Location is not { } here)
        {
            return null;
        }
        switch (proposal.Change)
        {
            case Spoke s when law == "present-to-act" && scenePlace == here && !s.Addressees.IsDefault:
                var away = s.Addressees.Where(a => state.Find(a) is { IsCharacter: true } c && c.Location != here).ToList();
                if (away.Count == 0)
                {
                    return null;
                }
                if (away.Count < s.Addressees.Length)
                {
                    // Those present still hear the line; only the absent are taken out of it.
                    var toPresent = s with { Addressees = [.. s.Addressees.Where(a => !away.Contains(a))] };
                    return new Bridge(proposal, proposal with { Change = toPresent }, null, null);
                }
                var sought = away[0];
                var there = state.Get(sought).Location;
                var route = there is { } place ? PlaceGraph.ShortestMinutes(state.Setting, here, place) : null;
                WorldChange journey = there is { } destination && route is { } minutes
                    ? new Travelled(destination, minutes)
                    : new TimeAdvanced(WaitMinutes);
                return new Bridge(proposal, proposal with { Change = journey }, sought, there);
            case Moved m when law == "connected-moves":
                return Travel(state, proposal, here, m.To);
            case Travelled t when law == "connected-moves":
                return Travel(state, proposal, here, t.To);
            default:
                return null;
        }
    }

    private static Bridge? Travel(WorldState state, Proposal proposal, EntityId from, EntityId to) =>
        PlaceGraph.ShortestMinutes(state.Setting, from, to) is { } minutes and > 0
            ? new Bridge(proposal, proposal with { Change = new Travelled(to, minutes) }, null, null)
            : null;

    /// <summary>The narration of a bridge in the world's <paramref name="language"/>, e.g. "Later, at the harbor office, Mira finds
    /// Greaves."; empty when the bridge only took the absent out of a line.</summary>
    public static string Narrate(Bridge bridge, Func<EntityId, string> name, string language)
    {
        var who = name(bridge.Wanted.Actor);
        var chinese = SceneNarration.IsChinese(language);
        return (bridge.Instead.Change, bridge.Sought) switch
        {
            (Travelled t, { } sought) => chinese
                ? $"后来，在{name(t.To)}，{who}找到了{name(sought)}。"
                : $"Later, at {SceneNarration.InSentence(name(t.To))}, {who} finds {name(sought)}.",
            (Travelled t, null) => chinese
                ? $"后来，{who}到了{name(t.To)}。"
                : $"Later, {who} reaches {SceneNarration.InSentence(name(t.To))}.",
            (TimeAdvanced, { } sought) => Waited(who, name(sought), bridge.SoughtAt is { } at ? name(at) : null, chinese),
            _ => "",
        };
    }

    private static string Waited(string who, string sought, string? at, bool chinese) => (chinese, at) switch
    {
        (true, { } place) => $"时间慢慢过去；{sought}远在{place}，听不到{who}的话。",
        (true, null) => $"时间慢慢过去；{sought}不在这里，听不到{who}的话。",
        (false, { } place) => $"Time passes; {sought} is far away at {SceneNarration.InSentence(place)} and cannot hear {who}.",
        (false, null) => $"Time passes; {sought} is not here and cannot hear {who}.",
    };
}
