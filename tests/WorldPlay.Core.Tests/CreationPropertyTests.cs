using System.Text.Json;
using CsCheck;
using MessagePack;
using WorldPlay.Core.Minds;
using WorldPlay.Core.Serialization;
using static WorldPlay.Testing.TestWorlds;

namespace WorldPlay.Core.Tests;

/// <summary>Random streams with creations: replay equals the fold, states and events survive both wire formats, knowledge only
/// grows and only by witnessing, sight or being told, no slice shows what its character does not know, and perspectives keep
/// to their budget.</summary>
public sealed class CreationPropertyTests
{
    private static readonly SceneCue Cue = new("dockside", Harbor, "Old Harbor", false, Pacing.Steady, [], null, [], 7);

    [Fact]
    public void Stories_WithCreations_CreateEveryKindSomewhere()
    {
        var kinds = new HashSet<string>();
        CreationStories.Sample(story =>
        {
            foreach (var e in story.Events)
            {
                kinds.Add(e.Change is EntityCreated c ? $"{c.EntityKind}" : e.Change.Kind);
            }
        }, iterations: 200);

        Assert.Superset(new HashSet<string> { "Character", "Place", "Item", "Faction", "Concept", "path-opened", "description-changed" },
            kinds);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void StateAt_AnyPrefixOfStreamWithCreations_EqualsFoldOfThatPrefix(int snapshotEvery)
    {
        CreationStories.Sample(story =>
        {
            var timeline = Timeline.Start(story.Initial, snapshotEvery).Append(story.Events);
            var n = 0;
            foreach (var folded in story.States())
            {
                Assert.Equal(CoreSerialization.Hash(folded), CoreSerialization.Hash(timeline.StateAt(n)));
                n++;
            }
        });
    }

    [Fact]
    public void Current_StreamWithCreationsAppendedInBatches_EqualsCommittedState()
    {
        CreationStories.Sample(story =>
        {
            var timeline = story.Batches.Aggregate(Timeline.Start(story.Initial, 3), (t, b) => t.Append(b.Outcome.Accepted));
            Assert.Equal(CoreSerialization.Hash(story.Final), CoreSerialization.Hash(timeline.Current));
        });
    }

    [Fact]
    public void MessagePack_StatesAndEventsWithCreations_RoundTripWithTheSameHash()
    {
        CreationStories.Sample(story =>
        {
            var state = MessagePackSerializer.Deserialize<WorldState>(
                MessagePackSerializer.Serialize(story.Final, CoreSerialization.MessagePack), CoreSerialization.MessagePack);
            Assert.Equal(CoreSerialization.Hash(story.Final), CoreSerialization.Hash(state));
            Assert.All(story.Events, e => Assert.Equal(CoreSerialization.Hash(e), CoreSerialization.Hash(
                MessagePackSerializer.Deserialize<WorldEvent>(MessagePackSerializer.Serialize(e, CoreSerialization.MessagePack),
                    CoreSerialization.MessagePack))));
        }, iterations: 80);
    }

    [Fact]
    public void Json_StatesAndEventsWithCreations_RoundTripWithTheSameHash()
    {
        CreationStories.Sample(story =>
        {
            var state = JsonSerializer.Deserialize<WorldState>(JsonSerializer.Serialize(story.Final, CoreSerialization.Json),
                CoreSerialization.Json);
            Assert.Equal(CoreSerialization.Hash(story.Final), CoreSerialization.Hash(state));
            Assert.All(story.Events, e => Assert.Equal(CoreSerialization.Hash(e), CoreSerialization.Hash(
                JsonSerializer.Deserialize<WorldEvent>(JsonSerializer.Serialize(e, CoreSerialization.Json), CoreSerialization.Json))));
        }, iterations: 80);
    }

    [Fact]
    public void Apply_AfterJsonRoundTripOfAStateWithCreations_ContinuesToTheSameState()
    {
        CreationStories.Sample(story =>
        {
            var middle = story.Events.Length / 2;
            var state = story.Initial.ApplyAll(story.Events.Take(middle));
            var copy = JsonSerializer.Deserialize<WorldState>(JsonSerializer.Serialize(state, CoreSerialization.Json),
                CoreSerialization.Json)!;
            Assert.Equal(CoreSerialization.Hash(story.Final), CoreSerialization.Hash(copy.ApplyAll(story.Events.Skip(middle))));
        }, iterations: 80);
    }

    [Fact]
    public void Apply_AnyEventWithCreations_OnlyAddsKnowersAndEachByWitnessSightOrATeller()
    {
        CreationStories.Sample(story =>
        {
            foreach (var (before, e) in story.Steps())
            {
                var after = before.Apply(e);
                foreach (var entity in after.Entities.Values.Where(x => x.KnownBy is not null))
                {
                    var old = before.Find(entity.Id)?.KnownBy;
                    Assert.True(old is null || old.All(k => entity.KnownBy!.ContainsKey(k.Key) && entity.KnownBy[k.Key] == k.Value),
                        $"event {e.Seq} took knowledge of {entity.Id} away");
                    foreach (var (who, learned) in entity.KnownBy!.Where(k => old is null || !old.ContainsKey(k.Key)))
                    {
                        Assert.Equal(e.Seq, learned.Event);
                        var why = learned.ToldBy is { } teller
                            ? teller == e.Actor && e.Change is Spoke && old is not null && old.ContainsKey(teller)
                                && e.Witnesses.Contains(who)
                            : e.Witnesses.Contains(who) || who == entity.Id || who == entity.Holder
                                || after.WhereIs(who) == after.WhereIs(e.Actor);
                        Assert.True(why, $"event {e.Seq} taught {who} of {entity.Id} (told by {learned.ToldBy})");
                    }
                }
            }
        });
    }

    [Fact]
    public void WorldSliceOf_AnyCharacterAfterStreamWithCreations_ShowsNoUnknownCreation()
    {
        CreationStories.Sample(story =>
        {
            var state = story.Final;
            foreach (var self in state.Entities.Values.Where(e => e.IsCharacter && state.WhereIs(e.Id) is not null).Select(e => e.Id))
            {
                var slice = WorldSlice.Of(state, self);
                var place = slice.Place.Id;
                bool Hidden(EntityId id) => state.Find(id) is { } x && !x.IsKnownBy(self) && id != place
                    && !(x is { IsCharacter: true, Status: EntityStatus.Alive } && x.Location == place);
                var shown = slice.Creations.Select(c => c.Id)
                    .Concat(slice.Items.Select(i => i.Id))
                    .Concat(slice.Place.Exits.Select(x => x.To))
                    .Concat(slice.Relationships.SelectMany(r => new[] { r.From, r.To }))
                    .Concat(slice.Creations.SelectMany(c => c.Ties.SelectMany(r => new[] { r.From, r.To })));
                Assert.All(shown, id => Assert.False(Hidden(id), $"{self} at {place} is shown {id}, which it does not know"));
                Assert.All(slice.Facts, f => Assert.Contains(self, state.Facts[f.Id].KnownBy));
            }
        });
    }

    [Fact]
    public void TokenCount_AfterStreamWithCreationsAndAnyBudget_IsTheCountOfTheRenderedTextAndFits()
    {
        var gen = Gen.Select(CreationStories.Stories(), Gen.Int[0, AllCharacters.Length - 1], Gen.Int[300, 1300]);
        gen.Sample((story, who, budget) =>
        {
            var self = AllCharacters[who];
            if (story.Final.WhereIs(self) is null)
            {
                return;
            }
            var memory = EmptyMemory(self).Witness(story.Events);
            var perspective = PerspectiveBuilder.Build(PersonaOf(self), memory, WorldSlice.Of(story.Final, self), Cue, budget,
                TokenCounter.Default);
            Assert.Equal(TokenCounter.Default.CountWhole(PerspectiveBuilder.Render(perspective)), perspective.TokenCount);
            Assert.True(perspective.TokenCount <= budget || perspective.RecentLines.Length <= 1,
                $"{perspective.TokenCount} tokens over a budget of {budget}");
            Assert.InRange(perspective.Creations.Length, 0, PerspectiveBuilder.MaxCreations);
        }, iter: 100, print: t => $"as {AllCharacters[t.Item2]}, budget {t.Item3}:\n{t.Item1.Describe()}");
    }
}
