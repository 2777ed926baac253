using System.Collections.Immutable;
using System.Text.Json.Serialization;
using MessagePack;
using WorldPlay.Core.Minds;

namespace WorldPlay.Core.Scenes;

/// <summary>Who a turn belongs to.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TurnRole>))]
public enum TurnRole
{
    Npc,
    User,
    Narrator,
}

/// <summary>One participant's contribution to a scene: what it said and narrated, the world changes accepted and refused
/// (with reasons), what the turn cost and which mind produced it.</summary>
[MessagePackObject]
public sealed record TurnRecord(
    [property: Key(0)] int Turn,
    [property: Key(1)] EntityId Speaker,
    [property: Key(2)] string SpeakerName,
    [property: Key(3)] TurnRole Role,
    [property: Key(4)] string Speech,
    [property: Key(5)] string Narration,
    [property: Key(6)] ImmutableArray<WorldEvent> Accepted,
    [property: Key(7)] ImmutableArray<Rejection> Rejected,
    [property: Key(8)] MindUsage Usage,
    [property: Key(9)] int PerspectiveTokens,
    [property: Key(10)] double LatencyMs);
