using System.Text.Json.Serialization;
using MessagePack;

namespace WorldPlay.Core;

/// <summary>A typed, directed edge between two entities, valid from one event until a later one supersedes it.
/// Relationships are never deleted, only closed, so any past turn can be asked what held then.</summary>
[MessagePackObject]
public sealed record Relationship(
    [property: Key(0)] EntityId From,
    [property: Key(1)] EntityId To,
    [property: Key(2)] string Type,
    [property: Key(3)] double Strength,
    [property: Key(4)] Validity Validity,
    [property: Key(5)] Origin? Origin = null)
{
    /// <summary>Who first declared this tie (null: the designer's file); later changes of strength keep it.</summary>
    [IgnoreMember, JsonIgnore]
    public Origin Provenance => Origin ?? Core.Origin.Designer;

    /// <summary>The key of the edge: one open relationship per (from, type, to).</summary>
    [IgnoreMember]
    public string Key => KeyOf(From, Type, To);

    public static string KeyOf(EntityId from, string type, EntityId to) => $"{from.Value}|{type}|{to.Value}";
}

/// <summary>When something held: from an event (and its turn) until an event that superseded it, or still open.
/// Event 0 is the world's starting state.</summary>
[MessagePackObject]
public sealed record Validity(
    [property: Key(0)] long FromEvent,
    [property: Key(1)] int FromTurn,
    [property: Key(2)] long? UntilEvent,
    [property: Key(3)] int? UntilTurn)
{
    public static readonly Validity FromStart = new(0, 0, null, null);

    [IgnoreMember]
    public bool IsOpen => UntilEvent is null;

    public Validity Close(long atEvent, int atTurn) => this with { UntilEvent = atEvent, UntilTurn = atTurn };

    /// <summary>True when this held just after event <paramref name="seq"/> was applied.</summary>
    public bool HeldAfter(long seq) => FromEvent <= seq && (UntilEvent is null || UntilEvent > seq);
}

/// <summary>A statement about an entity, with its validity and the entities that know it.</summary>
[MessagePackObject]
public sealed record Fact(
    [property: Key(0)] string Id,
    [property: Key(1)] EntityId Subject,
    [property: Key(2)] string Predicate,
    [property: Key(3)] string Value,
    [property: Key(4)] Validity Validity,
    [property: Key(5)] System.Collections.Immutable.ImmutableSortedSet<EntityId> KnownBy,
    [property: Key(6)] Origin? Origin = null)
{
    /// <summary>Who asserted this fact (null: the designer's file).</summary>
    [IgnoreMember, JsonIgnore]
    public Origin Provenance => Origin ?? Core.Origin.Designer;

    public bool IsKnownBy(EntityId who) => KnownBy.Contains(who);
}

/// <summary>What a relationship's type says about its sign: strength is in [-1, 1] and negative is hostile
/// (docs/world-format.md), so a hostile type (resents, distrusts, rival-of, ...) is never positive.</summary>
public static class RelationshipTone
{
    private static readonly HashSet<string> Hostile = new(StringComparer.Ordinal)
    {
        "resents", "distrusts", "mistrusts", "envies", "fears", "hates", "despises", "dislikes", "suspects", "blames", "rival",
        "enemy",
    };

    /// <summary>True for a hostile type, read by its first word in any case: <c>resents</c>, <c>Rival-Of</c>, <c>enemy_of</c>.</summary>
    public static bool IsHostile(string type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var t = type.Trim().ToLowerInvariant();
        var cut = t.IndexOfAny(['-', '_', ' ']);
        return Hostile.Contains(cut > 0 ? t[..cut] : t);
    }

    /// <summary>A strength for a tie of <paramref name="type"/> moved warmer (up) or colder (down) by <paramref name="step"/>,
    /// within [-1, 1], rounded to hundredths, never made positive for a hostile type and never moved against its direction
    /// (so a hostile tie already at 0 or above stays where it is when warmed).</summary>
    public static double Moved(string type, double current, double step, bool warmer)
    {
        var from = double.IsFinite(current) ? Math.Clamp(current, -1, 1) : 0;
        var next = Math.Round(Math.Clamp(from + (warmer ? Math.Abs(step) : -Math.Abs(step)), -1, 1), 2);
        if (IsHostile(type))
        {
            next = Math.Min(next, 0);
        }
        return warmer ? Math.Max(next, from) : Math.Min(next, from);
    }
}
