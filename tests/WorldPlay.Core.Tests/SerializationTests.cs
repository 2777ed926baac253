using System.Text.Json;
using MessagePack;
using WorldPlay.Core.Serialization;

namespace WorldPlay.Core.Tests;

public sealed class SerializationTests
{
    [Fact]
    public void MessagePack_StatesOfRandomStream_RoundTripWithTheSameHash()
    {
        RandomStories.Sample(story =>
        {
            foreach (var state in EverySeventhAndLast(story.States().ToList()))
            {
                var copy = MessagePackSerializer.Deserialize<WorldState>(MessagePackSerializer.Serialize(state,
                    CoreSerialization.MessagePack), CoreSerialization.MessagePack);
                Assert.Equal(CoreSerialization.Hash(state), CoreSerialization.Hash(copy));
            }
        }, iterations: 100);
    }

    [Fact]
    public void Json_StatesOfRandomStream_RoundTripWithTheSameHash()
    {
        RandomStories.Sample(story =>
        {
            foreach (var state in EverySeventhAndLast(story.States().ToList()))
            {
                var copy = JsonSerializer.Deserialize<WorldState>(JsonSerializer.Serialize(state, CoreSerialization.Json),
                    CoreSerialization.Json);
                Assert.Equal(CoreSerialization.Hash(state), CoreSerialization.Hash(copy));
            }
        }, iterations: 100);
    }

    [Fact]
    public void MessagePack_EventsOfRandomStream_RoundTripWithTheSameHash()
    {
        RandomStories.Sample(story =>
            Assert.All(story.Events, e =>
            {
                var copy = MessagePackSerializer.Deserialize<WorldEvent>(MessagePackSerializer.Serialize(e, CoreSerialization.MessagePack),
                    CoreSerialization.MessagePack);
                Assert.Equal(CoreSerialization.Hash(e), CoreSerialization.Hash(copy));
            }), iterations: 100);
    }

    [Fact]
    public void Json_EventsOfRandomStream_RoundTripWithTheSameHash()
    {
        RandomStories.Sample(story =>
            Assert.All(story.Events, e =>
            {
                var copy = JsonSerializer.Deserialize<WorldEvent>(JsonSerializer.Serialize(e, CoreSerialization.Json),
                    CoreSerialization.Json);
                Assert.Equal(CoreSerialization.Hash(e), CoreSerialization.Hash(copy));
            }), iterations: 100);
    }

    [Fact]
    public void Apply_AfterJsonRoundTripOfState_ContinuesToTheSameState()
    {
        // A state read back from a file must fold the rest of the stream exactly like the original (same key order, same comparers).
        RandomStories.Sample(story =>
        {
            var middle = story.Events.Length / 2;
            var state = story.Initial.ApplyAll(story.Events.Take(middle));
            var copy = JsonSerializer.Deserialize<WorldState>(JsonSerializer.Serialize(state, CoreSerialization.Json),
                CoreSerialization.Json)!;
            Assert.Equal(CoreSerialization.Hash(story.Final), CoreSerialization.Hash(copy.ApplyAll(story.Events.Skip(middle))));
        }, iterations: 100);
    }

    [Fact]
    public void Hash_EqualStatesBuiltSeparately_AreEqual()
    {
        Assert.Equal(CoreSerialization.Hash(WorldState.Initial(TestWorlds.Harbortown)),
            CoreSerialization.Hash(WorldState.Initial(TestWorlds.Harbortown)));
    }

    [Fact]
    public void MessagePack_EveryCoreTypeMarkedForIt_HasAFormatter()
    {
        // A public computed property without [IgnoreMember] makes MessagePack refuse the whole type at run time.
        var broken = typeof(WorldState).Assembly.GetTypes()
            .Where(t => t.IsDefined(typeof(MessagePackObjectAttribute), inherit: false) && !t.IsAbstract && !t.ContainsGenericParameters)
            .Where(t => !HasFormatter(t))
            .Select(t => t.Name);

        Assert.Empty(broken);
    }

    [Fact]
    public void MessagePack_CharacterMemoryAfterRandomStream_RoundTripsWithTheSameHash()
    {
        RandomStories.Sample(story =>
        {
            var memory = TestWorlds.EmptyMemory(TestWorlds.Mira).Witness(story.Events);
            var copy = MessagePackSerializer.Deserialize<Characters.CharacterMemory>(MessagePackSerializer.Serialize(memory,
                CoreSerialization.MessagePack), CoreSerialization.MessagePack);
            Assert.Equal(CoreSerialization.Hash(memory), CoreSerialization.Hash(copy));
        }, iterations: 100);
    }

    private static bool HasFormatter(Type type)
    {
        try
        {
            return CoreSerialization.MessagePack.Resolver.GetFormatterDynamic(type) is not null;
        }
        catch (Exception e) when (e is TypeInitializationException or MessagePackSerializationException)
        {
            return false;
        }
    }

    private static IEnumerable<WorldState> EverySeventhAndLast(List<WorldState> states) =>
        states.Where((_, i) => i % 7 == 0 || i == states.Count - 1);
}
