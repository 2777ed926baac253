using System.Collections.Immutable;
using MessagePack;

namespace WorldPlay.Core.Scenes;

/// <summary>A turn as a scene hands it to the world with its proposals: who acted, what they said, the mind's narration and
/// usage (<see cref="Decided"/>, with no events yet), and the narration of the bridges that replaced impossible proposals. The
/// world stores it in the same record as the turn's events, so a turn is durable in one write; the scene writes its own
/// transcript later, a call's turns at a time, and rebuilds any turn it had not written from the world's records.</summary>
[MessagePackObject]
public sealed record TurnDraft(
    [property: Key(0)] TurnRecord Decided,
    [property: Key(1)] ImmutableArray<string> BridgeNarration,
    [property: Key(2)] ImmutableArray<EntityId> Bridged)
{
    /// <summary>The turn's record once the world has judged it: the mind's narration, then who came and went (<paramref
    /// name="presence"/>, named by <paramref name="name"/>), then the bridges, with the events accepted and refused.</summary>
    public TurnRecord Recorded(
        string language, Func<EntityId, string> name, Presence presence, ImmutableArray<WorldEvent> accepted,
        ImmutableArray<Rejection> rejected, double latencyMs) =>
        Decided with
        {
            Narration = SceneNarration.Join(language, [
                Decided.Narration,
                .. SceneNarration.Comings(language, name, presence, accepted, Bridged.IsDefault ? [] : Bridged),
                .. BridgeNarration.IsDefault ? [] : BridgeNarration,
            ]),
            Accepted = accepted,
            Rejected = rejected,
            LatencyMs = latencyMs,
        };
}
