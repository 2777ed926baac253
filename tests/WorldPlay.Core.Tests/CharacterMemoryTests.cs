using CsCheck;
using WorldPlay.Core.Characters;

namespace WorldPlay.Core.Tests;

/// <summary>A character remembers exactly what it witnessed, within bounded windows.</summary>
public sealed class CharacterMemoryTests
{
    private static readonly Gen<(Story Story, EntityId Self)> StoryAndCharacter =
        Gen.Select(RandomStories.Stories(), Gen.Int[0, TestWorlds.AllCharacters.Length - 1], (s, i) => (s, TestWorlds.AllCharacters[i]));

    private static void SampleStoryAndCharacter(Action<Story, EntityId> property, int iterations) =>
        StoryAndCharacter.Sample(property, iter: iterations, print: t => $"as {t.Item2}:\n{t.Item1.Describe()}");

    [Fact]
    public void Witnessed_AfterRandomStream_IsTheLastEventsItsOwnerWitnessed_AsManyAsTheRecentWindow()
    {
        SampleStoryAndCharacter((story, self) =>
        {
            var memory = TestWorlds.EmptyMemory(self).Witness(story.Events);
            var witnessed = story.Events.Where(e => e.Witnesses.Contains(self)).Select(e => e.Seq).ToList();
            Assert.Equal(witnessed.TakeLast(CharacterMemory.RecentWindow), memory.Witnessed);
            Assert.Equal(memory.Recent.Select(e => e.Seq), memory.Witnessed);
        }, iterations: 150);
    }

    [Fact]
    public void Witness_RecordWithEveryNumberListed_AsStoredBeforeTheListWasBounded_TrimsItAndSkipsWhatItHadTakenIn()
    {
        SampleStoryAndCharacter((story, self) =>
        {
            var bounded = TestWorlds.EmptyMemory(self).Witness(story.Events);
            var everyNumber = bounded with { Witnessed = [.. story.Events.Where(e => e.Witnesses.Contains(self)).Select(e => e.Seq)] };
            var again = everyNumber.Witness(story.Events);
            Assert.Equal(Serialization.CoreSerialization.Hash(bounded), Serialization.CoreSerialization.Hash(again));
        }, iterations: 100);
    }

    [Fact]
    public void Recent_AfterRandomStream_HoldsOnlyWitnessedEventsWithinItsWindow()
    {
        SampleStoryAndCharacter((story, self) =>
        {
            var memory = TestWorlds.EmptyMemory(self).Witness(story.Events);
            var expected = story.Events.Where(e => e.Witnesses.Contains(self)).TakeLast(CharacterMemory.RecentWindow).Select(e => e.Seq);
            Assert.Equal(expected, memory.Recent.Select(e => e.Seq));
        }, iterations: 150);
    }

    [Fact]
    public void Summary_AfterRandomStream_StaysWithinItsWindow()
    {
        SampleStoryAndCharacter((story, self) =>
            Assert.InRange(TestWorlds.EmptyMemory(self).Witness(story.Events).Summary.Length, 0, CharacterMemory.SummaryWindow),
                iterations: 150);
    }

    [Fact]
    public void Witness_BatchByBatch_EqualsWitnessingTheWholeStreamAtOnce()
    {
        SampleStoryAndCharacter((story, self) =>
        {
            var whole = TestWorlds.EmptyMemory(self).Witness(story.Events);
            var stepwise = story.Batches.Aggregate(TestWorlds.EmptyMemory(self), (m, b) => m.Witness(b.Outcome.Accepted));
            Assert.Equal(Serialization.CoreSerialization.Hash(whole), Serialization.CoreSerialization.Hash(stepwise));
        }, iterations: 150);
    }

    [Fact]
    public void Witness_SameEventsTwice_RemembersThemOnce()
    {
        SampleStoryAndCharacter((story, self) =>
        {
            var once = TestWorlds.EmptyMemory(self).Witness(story.Events);
            Assert.Equal(Serialization.CoreSerialization.Hash(once), Serialization.CoreSerialization.Hash(once.Witness(story.Events)));
        }, iterations: 100);
    }

    [Fact]
    public void Witness_SpeechAtAnotherPlace_IsNotRemembered()
    {
        var outcome = TestWorlds.CommitOne(TestWorlds.Initial,
            Proposal.Of(TestWorlds.Oren, new Spoke("Tomas took the key, I am sure of it.", [])));

        Assert.Empty(TestWorlds.EmptyMemory(TestWorlds.Mira).Witness(outcome.Accepted).Witnessed);
    }
}
