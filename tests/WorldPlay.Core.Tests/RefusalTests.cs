using CsCheck;
using WorldPlay.Core.Serialization;

namespace WorldPlay.Core.Tests;

/// <summary>A refused proposal never enters the state: not alone, and not as part of a batch.</summary>
public sealed class RefusalTests
{
    [Fact]
    public void Commit_BatchWithoutOneRefusedProposal_ReachesTheSameState()
    {
        RandomStories.Sample(story =>
        {
            foreach (var batch in story.Batches)
            {
                foreach (var refused in batch.Outcome.Rejected)
                {
                    var without = batch.Proposals.Where(p => !ReferenceEquals(p, refused.Proposal));
                    var outcome = Commitment.Commit(batch.Before, TestWorlds.HarbortownLaws, batch.Turn, batch.ScenePlace, without);
                    Assert.Equal(CoreSerialization.Hash(batch.Outcome.State), CoreSerialization.Hash(outcome.State));
                }
            }
        });
    }

    [Fact]
    public void Commit_BatchWithoutOneRefusedProposal_AcceptsTheSameEvents()
    {
        RandomStories.Sample(story =>
        {
            foreach (var batch in story.Batches)
            {
                foreach (var refused in batch.Outcome.Rejected)
                {
                    var without = batch.Proposals.Where(p => !ReferenceEquals(p, refused.Proposal));
                    var outcome = Commitment.Commit(batch.Before, TestWorlds.HarbortownLaws, batch.Turn, batch.ScenePlace, without);
                    Assert.Equal(CoreSerialization.Hash(batch.Outcome.Accepted), CoreSerialization.Hash(outcome.Accepted));
                }
            }
        });
    }

    [Fact]
    public void Commit_RefusedProposalAlone_LeavesStateHashUnchanged()
    {
        var gen = Gen.Select(RandomStories.Stories(20), RandomStories.ProposalDice.Array[10], Gen.Int[0, 9]);
        gen.Sample((story, dice, sceneChoice) =>
        {
            var state = story.Final;
            var before = CoreSerialization.Hash(state);
            foreach (var d in dice)
            {
                var actor = TestWorlds.AllCharacters[d[0] % TestWorlds.AllCharacters.Length];
                var scene = sceneChoice < 5 ? null : state.WhereIs(actor);
                var outcome = TestWorlds.CommitOne(state, RandomStories.Propose(state, actor, new Dice(d)), scene, state.Turn + 1);
                if (outcome.Accepted.IsEmpty)
                {
                    Assert.Equal(before, CoreSerialization.Hash(outcome.State));
                }
            }
        }, iter: 150);
    }

    [Fact]
    public void Rejection_EveryRefusalOfRandomStream_CarriesLawAndReason()
    {
        RandomStories.Sample(story =>
            Assert.All(story.Batches.SelectMany(b => b.Outcome.Rejected), r =>
                Assert.True(TestWorlds.HarbortownLaws.Laws.Any(l => l.Kind == r.Law) && r.Reason.Length > 10, $"{r.Law}: {r.Reason}")));
    }
}
