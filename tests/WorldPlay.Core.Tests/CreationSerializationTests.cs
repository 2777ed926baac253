using System.Collections.Immutable;
using System.Text.Json;
using MessagePack;
using WorldPlay.Core.Minds;
using WorldPlay.Core.Serialization;
using static WorldPlay.Core.Tests.Creating;
using static WorldPlay.Testing.TestWorlds;

namespace WorldPlay.Core.Tests;

/// <summary>The new change kinds, origins and knowers survive MessagePack and JSON, and data written before they existed still
/// reads, as the designer's and known to everyone.</summary>
public sealed class CreationSerializationTests
{
    private static readonly WorldChange[] NewKinds =
    [
        new EntityCreated(Ilse, EntityKind.Character, "Ilse", ["the mender"], "Mira's older sister", Lighthouse, null, EntityStatus.Alive),
        new EntityCreated(Ring, EntityKind.Item, "潮汐戒指", [], "母亲的戒指", null, Lena, EntityStatus.Alive),
        new EntityCreated("old-debt", EntityKind.Concept, "The Old Debt", [], "", null, null, EntityStatus.Alive),
        new PathOpened(Harbor, Vask, 90),
        new DescriptionChanged(Lighthouse, "Lit again, at last."),
    ];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void MessagePack_NewChangeKind_RoundTripsAsItself(int kind)
    {
        var change = NewKinds[kind];
        var e = new WorldEvent(4, 2, 400, Mira, Harbor, change, [1], [Mira, Tomas]);

        var copy = MessagePackSerializer.Deserialize<WorldEvent>(MessagePackSerializer.Serialize(e, CoreSerialization.MessagePack),
            CoreSerialization.MessagePack);

        Assert.Equal((change.Kind, CoreSerialization.Hash(e)), (copy.Change.Kind, CoreSerialization.Hash(copy)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Json_NewChangeKind_RoundTripsWithItsKindName(int kind)
    {
        var change = NewKinds[kind];
        var e = new WorldEvent(4, 2, 400, Mira, Harbor, change, [1], [Mira, Tomas]);

        var json = JsonSerializer.Serialize(e, CoreSerialization.Json);
        var copy = JsonSerializer.Deserialize<WorldEvent>(json, CoreSerialization.Json)!;

        Assert.True(json.Contains($"\"kind\":\"{change.Kind}\"", StringComparison.Ordinal)
            && CoreSerialization.Hash(e) == CoreSerialization.Hash(copy), json);
    }

    [Fact]
    public void MessagePack_StateWithOriginsAndKnowers_RoundTripsWithTheSameHash()
    {
        var state = Told();

        var copy = MessagePackSerializer.Deserialize<WorldState>(MessagePackSerializer.Serialize(state, CoreSerialization.MessagePack),
            CoreSerialization.MessagePack);

        Assert.Equal((CoreSerialization.Hash(state), (EntityId?)Tomas),
            (CoreSerialization.Hash(copy), copy.Get(Ilse).KnownBy![Oren].ToldBy));
    }

    [Fact]
    public void Json_StateWithOriginsAndKnowers_RoundTripsWithTheSameHash()
    {
        var state = Told();

        var json = JsonSerializer.Serialize(state, CoreSerialization.Json);
        var copy = JsonSerializer.Deserialize<WorldState>(json, CoreSerialization.Json)!;

        Assert.True(CoreSerialization.Hash(state) == CoreSerialization.Hash(copy)
            && json.Contains("\"source\":\"user\"", StringComparison.Ordinal),
            json);
    }

    [Fact]
    public void MessagePack_EntityWrittenBeforeOrigins_ReadsAsTheDesignersKnownToAll()
    {
        var old = new EntityBeforeOrigins(Mira, EntityKind.Character, "Mira", ["Captain"],
            ImmutableSortedDictionary<string, string>.Empty.Add("pronouns", "she"), EntityStatus.Alive, Harbor, null);

        var entity = MessagePackSerializer.Deserialize<Entity>(MessagePackSerializer.Serialize(old, CoreSerialization.MessagePack),
            CoreSerialization.MessagePack);

        Assert.Equal(("Mira", Origin.Designer, true), (entity.Name, entity.Provenance, entity.IsKnownBy(Oren)));
    }

    [Fact]
    public void MessagePack_RelationshipWrittenBeforeOrigins_ReadsAsTheDesigners()
    {
        var old = new RelationshipBeforeOrigins(Mira, Tomas, "sibling", 0.6, Validity.FromStart);

        var tie = MessagePackSerializer.Deserialize<Relationship>(MessagePackSerializer.Serialize(old, CoreSerialization.MessagePack),
            CoreSerialization.MessagePack);

        Assert.Equal(("sibling", Origin.Designer), (tie.Type, tie.Provenance));
    }

    [Fact]
    public void Json_StateWrittenBeforeOrigins_ReadsAndFoldsLikeTheOriginal()
    {
        // The starting state of a designer's world has no origin anywhere and no entity knowers: JSON written before they existed
        // looks the same.
        var json = JsonSerializer.Serialize(Initial, CoreSerialization.Json);

        var copy = JsonSerializer.Deserialize<WorldState>(json, CoreSerialization.Json)!;

        Assert.True(!json.Contains("\"origin\"", StringComparison.Ordinal)
            && CoreSerialization.Hash(copy) == CoreSerialization.Hash(Initial) && copy.Entities.Values.All(e => e.KnownBy is null), json);
    }

    [Fact]
    public void Json_CreationViewWithoutAHolder_ReadsWithNone()
    {
        var json = """
            {"id":"ilse","kind":"character","name":"Ilse","description":"","placeName":"Lighthouse","source":"user","turn":1,"ties":[]}
            """;

        var view = JsonSerializer.Deserialize<CreationView>(json, CoreSerialization.Json)!;

        Assert.Equal(("Ilse", OriginSource.User, (string?)null), (view.Name, view.Source, view.HolderName));
    }

    [Fact]
    public void MessagePack_PerspectiveWithCreations_RoundTripsWithTheSameHash()
    {
        var perspective = PerspectiveBuilder.Build(PersonaOf(Oren), EmptyMemory(Oren), WorldSlice.Of(Told(), Oren),
            new SceneCue("market", Market, "Fish Market", false, Pacing.Steady, [], null, [], 1), PerspectiveBuilder.DefaultBudget,
            TokenCounter.Default);

        var copy = MessagePackSerializer.Deserialize<Perspective>(MessagePackSerializer.Serialize(perspective,
            CoreSerialization.MessagePack), CoreSerialization.MessagePack);

        Assert.Equal((CoreSerialization.Hash(perspective), 1), (CoreSerialization.Hash(copy), copy.Creations.Length));
    }

    /// <summary>Ilse made at the harbor, then named to Oren at the market by Tomas.</summary>
    private static WorldState Told() => Then(IlseMade, Proposal.Of(Tomas, new Moved(Market)),
        Proposal.Of(Tomas, new Spoke("Ilse waits at the lighthouse, Oren.", [Oren])));
}

/// <summary>An entity as MessagePack wrote it before origins and knowers.</summary>
[MessagePackObject]
public sealed record EntityBeforeOrigins(
    [property: Key(0)] EntityId Id,
    [property: Key(1)] EntityKind Kind,
    [property: Key(2)] string Name,
    [property: Key(3)] ImmutableArray<string> Aliases,
    [property: Key(4)] ImmutableSortedDictionary<string, string> Attributes,
    [property: Key(5)] EntityStatus Status,
    [property: Key(6)] EntityId? Location,
    [property: Key(7)] EntityId? Holder);

/// <summary>A relationship as MessagePack wrote it before origins.</summary>
[MessagePackObject]
public sealed record RelationshipBeforeOrigins(
    [property: Key(0)] EntityId From,
    [property: Key(1)] EntityId To,
    [property: Key(2)] string Type,
    [property: Key(3)] double Strength,
    [property: Key(4)] Validity Validity);
