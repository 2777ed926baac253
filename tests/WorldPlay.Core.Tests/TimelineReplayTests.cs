using WorldPlay.Core.Serialization;

namespace WorldPlay.Core.Tests;

public sealed class TimelineReplayTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(64)]
    public void StateAt_AnyPrefixOfRandomStream_EqualsFoldOfThatPrefix(int snapshotEvery)
    {
        RandomStories.Sample(story =>
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

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(64)]
    public void StateAfterTurn_AnyTurnOfRandomStream_EqualsFoldOfEventsUpToThatTurn(int snapshotEvery)
    {
        RandomStories.Sample(story =>
        {
            var timeline = Timeline.Start(story.Initial, snapshotEvery).Append(story.Events);
            var lastTurn = story.Events.IsEmpty ? 0 : story.Events[^1].Turn;
            for (var turn = -1; turn <= lastTurn + 1; turn++)
            {
                var folded = story.Initial.ApplyAll(story.Events.Where(e => e.Turn <= turn));
                Assert.Equal(CoreSerialization.Hash(folded), CoreSerialization.Hash(timeline.StateAfterTurn(turn)));
            }
        });
    }

    [Fact]
    public void Current_RandomStreamAppendedInBatches_EqualsCommittedState()
    {
        RandomStories.Sample(story =>
        {
            var timeline = story.Batches.Aggregate(Timeline.Start(story.Initial, 3), (t, b) => t.Append(b.Outcome.Accepted));
            Assert.Equal(CoreSerialization.Hash(story.Final), CoreSerialization.Hash(timeline.Current));
        });
    }

    [Fact]
    public void Append_EventThatSkipsANumber_Throws()
    {
        var e = Commitment.ToEvent(TestWorlds.Initial, 1, Proposal.Of(TestWorlds.Mira, new TimeAdvanced(5))) with { Seq = 2 };

        Assert.Throws<InvalidOperationException>(() => Timeline.Start(TestWorlds.Initial).Append([e]));
    }

    [Fact]
    public void StateAt_BeyondTheLastEvent_Throws()
    {
        var timeline = Timeline.Start(TestWorlds.Initial);

        Assert.Throws<ArgumentOutOfRangeException>(() => timeline.StateAt(1));
    }
}
