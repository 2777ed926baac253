using System.Text.Json.Serialization;
using MessagePack;

namespace WorldPlay.Core;

/// <summary>Who brought an entity, tie or fact into a world.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OriginSource>))]
public enum OriginSource
{
    /// <summary>The world file a designer wrote.</summary>
    Designer,
    /// <summary>A player, through the character the scene's user plays.</summary>
    User,
    /// <summary>A character played by a mind.</summary>
    Character,
}

/// <summary>Who brought something into a world (<see cref="By"/>, null for the designer) and the event that did it
/// (<see cref="Event"/> 0 and turn 0 for the designer's file).</summary>
[MessagePackObject]
public sealed record Origin(
    [property: Key(0)] OriginSource Source,
    [property: Key(1)] EntityId? By,
    [property: Key(2)] long Event,
    [property: Key(3)] int Turn)
{
    /// <summary>The origin of everything a world file declares.</summary>
    public static readonly Origin Designer = new(OriginSource.Designer, null, 0, 0);

    /// <summary>The origin of what <paramref name="e"/> brings into <paramref name="state"/>: the user when its actor is the
    /// character a person plays (role <c>user</c>), otherwise that character.</summary>
    public static Origin Of(WorldState state, WorldEvent e) =>
        new(state.Find(e.Actor)?.Attribute("role") == "user" ? OriginSource.User : OriginSource.Character, e.Actor, e.Seq, e.Turn);

    /// <summary>"the designer's file", "the user (ren) at turn 12, event 40", "mira at turn 30, event 95".</summary>
    public string Describe(Func<EntityId, string> name) => Source switch
    {
        OriginSource.Designer => "the designer's file",
        OriginSource.User => $"the user ({(By is { } u ? name(u) : "?")}) at turn {Turn}, event {Event}",
        _ => $"{(By is { } c ? name(c) : "?")} at turn {Turn}, event {Event}",
    };
}

/// <summary>When a character came to know a created entity: the event and turn, and who told it (null when it was there).</summary>
[MessagePackObject]
public sealed record Learned(
    [property: Key(0)] long Event,
    [property: Key(1)] int Turn,
    [property: Key(2)] EntityId? ToldBy);
