namespace WorldPlay.Load.Tests;

public sealed class SessionVerdictTests
{
    [Fact]
    public void Verdict_AcknowledgedTurnMissingFromStorage_CountsOneLost() =>
        Assert.Equal(1, SessionVerdict.Of("s", [1, 2, 3], [1, 2], [1, 2]).Lost);

    [Fact]
    public void Verdict_StoredTurnsBeyondAcknowledged_LoseNothing() =>
        Assert.Equal(0, SessionVerdict.Of("s", [1, 2], [1, 2, 3], [1, 2, 3]).Lost);

    [Fact]
    public void Verdict_GapInWorldEvents_IsAProblem() =>
        Assert.Single(SessionVerdict.Of("s", [1, 2], [1, 2], [1, 2, 4]).Problems);

    [Fact]
    public void Verdict_TranscriptNotStartingAtOne_IsAProblem() =>
        Assert.Single(SessionVerdict.Of("s", [2, 3], [2, 3], [1]).Problems);

    [Fact]
    public void Verdict_ContiguousTimelines_HaveNoProblem() =>
        Assert.Empty(SessionVerdict.Of("s", [1, 2, 3], [1, 2, 3], [1, 2, 3, 4]).Problems);

    [Fact]
    public void Verdict_TurnAcknowledgedTwice_CountsOnceLost() =>
        Assert.Equal(1, SessionVerdict.Of("s", [1, 2, 2], [1], [1]).Lost);
}
