namespace WorldPlay.Synthesis.Sessions;

/// <summary>How hard a session is worked: its length, how many alternatives each NPC turn is ranked among, how often a segment is
/// reviewed and how many rounds are played. <c>BestOf 1</c>, <c>ReviewEvery 0</c> and <c>Rounds 1</c> is raw self-play, the
/// baseline synthesis is compared against.</summary>
/// <param name="Turns">Turns per round, the opening message included.</param>
/// <param name="BestOf">Alternatives ranked per NPC turn (1: keep the first reply).</param>
/// <param name="ReviewEvery">Turns per reviewed segment (0: no review).</param>
/// <param name="Rounds">Rounds; round r+1 forks from round r's last rewritten segment, or from its end.</param>
public sealed record SynthesisOptions(int Turns, int BestOf, int ReviewEvery, int Rounds)
{
    /// <summary>Raw self-play of <paramref name="turns"/> turns: one reply per turn, no review, one round.</summary>
    public static SynthesisOptions Raw(int turns) => new(turns, 1, 0, 1);

    /// <summary>True for raw self-play: nothing planned, ranked, reviewed or forked.</summary>
    public bool IsRaw => BestOf == 1 && ReviewEvery == 0 && Rounds == 1;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the option out of range.</summary>
    public void Validate()
    {
        if (Turns < 1 || BestOf < 1 || ReviewEvery < 0 || Rounds < 1)
        {
            throw new ArgumentException(
                $"Synthesis needs turns >= 1, best-of >= 1, review-every >= 0 and rounds >= 1; got turns {Turns}, best-of {BestOf}, "
                + $"review-every {ReviewEvery}, rounds {Rounds}.");
        }
    }
}
