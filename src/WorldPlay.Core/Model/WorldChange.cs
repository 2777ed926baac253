using System.Collections.Immutable;
using System.Text.Json.Serialization;
using MessagePack;

namespace WorldPlay.Core;

/// <summary>What a world event changes. Each kind is a small named record; the world state is their fold.</summary>
[Union(0, typeof(Spoke))]
[Union(1, typeof(Moved))]
[Union(2, typeof(Travelled))]
[Union(3, typeof(Gave))]
[Union(4, typeof(Took))]
[Union(5, typeof(RelationshipChanged))]
[Union(6, typeof(FactAsserted))]
[Union(7, typeof(FactRetracted))]
[Union(8, typeof(StatusChanged))]
[Union(9, typeof(TimeAdvanced))]
[Union(10, typeof(EntityCreated))]
[Union(11, typeof(PathOpened))]
[Union(12, typeof(DescriptionChanged))]
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(Spoke), "spoke")]
[JsonDerivedType(typeof(Moved), "moved")]
[JsonDerivedType(typeof(Travelled), "travelled")]
[JsonDerivedType(typeof(Gave), "gave")]
[JsonDerivedType(typeof(Took), "took")]
[JsonDerivedType(typeof(RelationshipChanged), "relationship-changed")]
[JsonDerivedType(typeof(FactAsserted), "fact-asserted")]
[JsonDerivedType(typeof(FactRetracted), "fact-retracted")]
[JsonDerivedType(typeof(StatusChanged), "status-changed")]
[JsonDerivedType(typeof(TimeAdvanced), "time-advanced")]
[JsonDerivedType(typeof(EntityCreated), "entity-created")]
[JsonDerivedType(typeof(PathOpened), "path-opened")]
[JsonDerivedType(typeof(DescriptionChanged), "description-changed")]
public abstract record WorldChange
{
    /// <summary>The kind as written in files and reports (<c>spoke</c>, <c>moved</c>, ...).</summary>
    [IgnoreMember, JsonIgnore]
    public string Kind => this switch
    {
        Spoke => "spoke",
        Moved => "moved",
        Travelled => "travelled",
        Gave => "gave",
        Took => "took",
        RelationshipChanged => "relationship-changed",
        FactAsserted => "fact-asserted",
        FactRetracted => "fact-retracted",
        StatusChanged => "status-changed",
        TimeAdvanced => "time-advanced",
        EntityCreated => "entity-created",
        PathOpened => "path-opened",
        DescriptionChanged => "description-changed",
        _ => GetType().Name,
    };

    /// <summary>Every entity this change names, so references can be checked before commit.</summary>
    public abstract IEnumerable<EntityId> References();

    /// <summary>Free text this change carries into the world (speech, fact values), checked for forbidden concepts.</summary>
    public virtual IEnumerable<string> Texts() => [];
}

/// <summary>The actor said something aloud at its place, to the addressees (empty: to everyone present).</summary>
[MessagePackObject]
public sealed record Spoke([property: Key(0)] string Text, [property: Key(1)] ImmutableArray<EntityId> Addressees) : WorldChange
{
    public override IEnumerable<EntityId> References() => Addressees;
    public override IEnumerable<string> Texts() => [Text];
}

/// <summary>The actor walked to a place connected to where it stands.</summary>
[MessagePackObject]
public sealed record Moved([property: Key(0)] EntityId To) : WorldChange
{
    public override IEnumerable<EntityId> References() => [To];
}

/// <summary>The actor travelled to a place that is not next door; the story clock advances by <see cref="Minutes"/> (narrative
/// bridging).</summary>
[MessagePackObject]
public sealed record Travelled([property: Key(0)] EntityId To, [property: Key(1)] int Minutes) : WorldChange
{
    public override IEnumerable<EntityId> References() => [To];
}

/// <summary>The actor handed an item it holds to someone at the same place.</summary>
[MessagePackObject]
public sealed record Gave([property: Key(0)] EntityId Item, [property: Key(1)] EntityId To) : WorldChange
{
    public override IEnumerable<EntityId> References() => [Item, To];
}

/// <summary>The actor picked up an item lying at its place.</summary>
[MessagePackObject]
public sealed record Took([property: Key(0)] EntityId Item) : WorldChange
{
    public override IEnumerable<EntityId> References() => [Item];
}

/// <summary>The relationship of type <see cref="Type"/> from <see cref="From"/> to <see cref="To"/> now has this strength;
/// the previous one (if any) is closed.</summary>
[MessagePackObject]
public sealed record RelationshipChanged(
    [property: Key(0)] EntityId From,
    [property: Key(1)] EntityId To,
    [property: Key(2)] string Type,
    [property: Key(3)] double Strength) : WorldChange
{
    public override IEnumerable<EntityId> References() => [From, To];
}

/// <summary>A statement about <see cref="Subject"/> becomes true; the witnesses of the event come to know it.
/// Asserting an existing fact id supersedes it.</summary>
[MessagePackObject]
public sealed record FactAsserted(
    [property: Key(0)] string FactId,
    [property: Key(1)] EntityId Subject,
    [property: Key(2)] string Predicate,
    [property: Key(3)] string Value) : WorldChange
{
    public override IEnumerable<EntityId> References() => [Subject];
    public override IEnumerable<string> Texts() => [Predicate, Value];
}

/// <summary>A fact stops holding.</summary>
[MessagePackObject]
public sealed record FactRetracted([property: Key(0)] string FactId) : WorldChange
{
    public override IEnumerable<EntityId> References() => [];
}

/// <summary>An entity's status changes (alive, dead, missing, destroyed).</summary>
[MessagePackObject]
public sealed record StatusChanged([property: Key(0)] EntityId Entity, [property: Key(1)] EntityStatus Status) : WorldChange
{
    public override IEnumerable<EntityId> References() => [Entity];
}

/// <summary>The story clock moves forward.</summary>
[MessagePackObject]
public sealed record TimeAdvanced([property: Key(0)] int Minutes) : WorldChange
{
    public override IEnumerable<EntityId> References() => [];
}

/// <summary>A new entity enters the world: a character at a place (present or far away, alive or not), a place, an item at a place
/// or held by a character, a faction or a concept. Those who witness it know it; others learn of it when told.</summary>
[MessagePackObject]
public sealed record EntityCreated(
    [property: Key(0)] EntityId Id,
    [property: Key(1)] EntityKind EntityKind,
    [property: Key(2)] string Name,
    [property: Key(3)] ImmutableArray<string> Aliases,
    [property: Key(4)] string Description,
    [property: Key(5)] EntityId? Location,
    [property: Key(6)] EntityId? Holder,
    [property: Key(7)] EntityStatus Status) : WorldChange
{
    public override IEnumerable<EntityId> References() =>
        new[] { Location, Holder }.Where(id => id is not null).Select(id => id!.Value);

    public override IEnumerable<string> Texts() => [Name, .. Aliases.IsDefault ? [] : Aliases, Description];
}

/// <summary>A two-way path now joins <see cref="From"/> and <see cref="To"/>, <see cref="Minutes"/> long: how a created place
/// is connected to the map.</summary>
[MessagePackObject]
public sealed record PathOpened([property: Key(0)] EntityId From, [property: Key(1)] EntityId To, [property: Key(2)] int Minutes)
    : WorldChange
{
    public override IEnumerable<EntityId> References() => [From, To];
}

/// <summary>An entity's description now reads <see cref="Description"/>.</summary>
[MessagePackObject]
public sealed record DescriptionChanged([property: Key(0)] EntityId Entity, [property: Key(1)] string Description) : WorldChange
{
    public override IEnumerable<EntityId> References() => [Entity];
    public override IEnumerable<string> Texts() => [Description];
}
