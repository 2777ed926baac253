using System.Text.Json;
using WorldPlay.Core.Serialization;
using static WorldPlay.Testing.TestWorlds;

namespace WorldPlay.Core.Tests;

/// <summary>Proposals as they arrive from minds and files, where optional lists may be missing.</summary>
public sealed class CommitmentTests
{
    [Fact]
    public void Commit_ProposalWithoutCausesAfterSpeech_GetsTheSpeechAsItsCause()
    {
        var outcome = Commitment.Commit(Initial, HarbortownLaws, 1, Harbor,
            [Proposal.Of(Mira, new Spoke("Wait for the tide.", [])), new Proposal(Mira, new TimeAdvanced(5), default)]);

        Assert.Equal([1L], outcome.Accepted[^1].Causes.AsEnumerable());
    }

    [Fact]
    public void Commit_ProposalReadFromJsonWithoutCauses_IsAccepted()
    {
        var proposal = JsonSerializer.Deserialize<Proposal>("""{"actor":"mira","change":{"kind":"time-advanced","minutes":5}}""",
            CoreSerialization.Json)!;

        var outcome = Commitment.Commit(Initial, HarbortownLaws, 1, Harbor, [Proposal.Of(Mira, new Spoke("Wait.", [])), proposal]);

        Assert.Equal(2, outcome.Accepted.Length);
    }

    [Fact]
    public void Commit_SpeechReadFromJsonWithoutAddressees_IsAcceptedAsSpokenToEveryone()
    {
        var proposal = JsonSerializer.Deserialize<Proposal>("""{"actor":"mira","change":{"kind":"spoke","text":"Hello."},"causes":[]}""",
            CoreSerialization.Json)!;

        var outcome = CommitOne(Initial, proposal, Harbor);

        Assert.Empty(((Spoke)outcome.Accepted.Single().Change).Addressees);
    }

    [Fact]
    public void ToEvent_SpeechAtTheHarbor_IsWitnessedByEveryoneThereAndNoOneElse()
    {
        var e = Commitment.ToEvent(Initial, 1, Proposal.Of(Tomas, new Spoke("Quiet, all of you.", [])));

        Assert.Equal([Mira, Tomas], e.Witnesses.AsEnumerable());
    }

    [Fact]
    public void ToEvent_WalkToTheMarket_IsWitnessedAtBothEnds()
    {
        var e = Commitment.ToEvent(Initial, 1, Proposal.Of(Tomas, new Moved(Market)));

        Assert.Equal([Mira, Oren, Tomas], e.Witnesses.AsEnumerable());
    }
}
