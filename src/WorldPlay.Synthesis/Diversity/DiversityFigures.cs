using System.Collections.Immutable;

namespace WorldPlay.Synthesis.Diversity;

/// <summary>How varied a set of NPC replies is (docs/training-formats.md, "Diversity figures"). Shares are in [0, 1], entropies
/// in bits; every figure is 0 when there is nothing to measure (no replies, or no tokens).</summary>
/// <param name="Replies">NPC replies measured (lines the model wrote, <c>IsNpc</c>).</param>
/// <param name="Tokens">Tokens over all replies (<see cref="ReplyTokens"/>).</param>
/// <param name="Distinct1">Distinct unigrams / all unigrams.</param>
/// <param name="Distinct2">Distinct bigrams / all bigrams (bigrams never cross replies).</param>
/// <param name="SelfBleu">Mean BLEU-4 of each reply against all the others as references (lower is more varied).</param>
/// <param name="OpenerRepetition">Share of replies whose opener (first three tokens) is also another reply's opener.</param>
/// <param name="UnigramEntropy">Shannon entropy of the unigram distribution, bits.</param>
/// <param name="BigramEntropy">Shannon entropy of the bigram distribution, bits.</param>
/// <param name="OpenerEntropy">Shannon entropy of the opener distribution, bits.</param>
/// <param name="Speakers">Share of NPC replies per speaker.</param>
/// <param name="Rhythm">How long the NPCs' runs of consecutive turns are.</param>
public sealed record DiversityFigures(
    int Replies,
    int Tokens,
    double Distinct1,
    double Distinct2,
    double SelfBleu,
    double OpenerRepetition,
    double UnigramEntropy,
    double BigramEntropy,
    double OpenerEntropy,
    ImmutableSortedDictionary<string, double> Speakers,
    RhythmShares Rhythm);

/// <summary>Shares of the runs of consecutive NPC turns by the same speaker that are one, two, or three or more turns long.</summary>
public sealed record RhythmShares(int Runs, double One, double Two, double ThreeOrMore);
