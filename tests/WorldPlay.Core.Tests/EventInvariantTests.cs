namespace WorldPlay.Core.Tests;

/// <summary>What every committed event of a random stream must satisfy.</summary>
public sealed class EventInvariantTests
{
    [Fact]
    public void Causes_EveryEventOfRandomStream_PointToEarlierEvents()
    {
        RandomStories.Sample(story =>
        {
            foreach (var e in story.Events)
            {
                Assert.All(e.Causes, cause => Assert.InRange(cause, 1, e.Seq - 1));
            }
        });
    }

    [Fact]
    public void Seq_RandomStream_NumbersEventsWithoutGaps()
    {
        RandomStories.Sample(story =>
            Assert.Equal(Enumerable.Range(1, story.Events.Length).Select(i => (long)i), story.Events.Select(e => e.Seq)));
    }

    [Fact]
    public void Witnesses_EveryEventOfRandomStream_IncludeTheActor()
    {
        RandomStories.Sample(story => Assert.All(story.Events, e => Assert.Contains(e.Actor, e.Witnesses)));
    }

    [Fact]
    public void Witnesses_EveryEventOfRandomStream_WereLivingCharactersWhereItHappened()
    {
        RandomStories.Sample(story =>
        {
            foreach (var (before, e) in story.Steps())
            {
                var destination = e.Change switch
                {
                    Moved m => m.To,
                    Travelled t => t.To,
                    _ => (EntityId?)null,
                };
                foreach (var witness in e.Witnesses)
                {
                    var who = before.Get(witness);
                    Assert.True(
                        who is { IsCharacter: true, Status: EntityStatus.Alive }
                            && (who.Location == e.Place || who.Location == destination),
                        $"Event {e.Seq} ({e.Change.Kind} by {e.Actor} at {e.Place}) has witness {witness} "
                            + $"({who.Kind}, {who.Status}, at {who.Location}).");
                }
            }
        });
    }

    [Fact]
    public void Audit_EveryStateOfRandomStream_IsEmpty()
    {
        RandomStories.Sample(story =>
        {
            foreach (var state in story.States())
            {
                Assert.Empty(TestWorlds.HarbortownLaws.Audit(state));
            }
        });
    }

    [Fact]
    public void Turn_RandomStream_NeverDecreases()
    {
        RandomStories.Sample(story =>
            Assert.All(story.Events.Zip(story.Events.Skip(1)), pair => Assert.True(pair.First.Turn <= pair.Second.Turn)));
    }

    [Fact]
    public void RandomStories_Generated_ContainBothAcceptedAndRefusedProposals()
    {
        // Guards the generator itself: streams of only refusals (or only acceptances) would make the other properties vacuous.
        long events = 0, refusals = 0;
        RandomStories.Sample(story =>
        {
            Interlocked.Add(ref events, story.Events.Length);
            Interlocked.Add(ref refusals, story.Rejections);
        }, iterations: 100);

        Assert.True(events > 1000 && refusals > 500, $"{events} events and {refusals} refusals in 100 stories.");
    }
}
