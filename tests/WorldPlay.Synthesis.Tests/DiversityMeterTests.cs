using System.Collections.Immutable;
using WorldPlay.Evaluation.Transcripts;
using WorldPlay.Synthesis.Diversity;

namespace WorldPlay.Synthesis.Tests;

/// <summary>Diversity figures checked against values computed by hand (the arithmetic is in each test's comment).</summary>
public sealed class DiversityMeterTests
{
    private const int Digits = 5;

    // Tokens: [the cat sat] [the cat sat down] [a dog sat]; Mira speaks twice in a row, then Tom after the user.
    private static readonly Transcript English = Session("en",
        ("Wren", SpeakerRole.User, "Hello?"),
        ("Mira", SpeakerRole.Npc, "The cat sat."),
        ("Mira", SpeakerRole.Npc, "The CAT sat, down!"),
        ("Wren", SpeakerRole.User, "And?"),
        ("Tom", SpeakerRole.Npc, "A dog sat..."));

    // Tokens: [你 好 旅 人] [你 好].
    private static readonly Transcript Chinese = Session("zh",
        ("雷恩", SpeakerRole.User, "在吗？"),
        ("米拉", SpeakerRole.Npc, "你好，旅人。"),
        ("雷恩", SpeakerRole.User, "嗯。"),
        ("米拉", SpeakerRole.Npc, "「你好！」"));

    [Fact]
    public void Tokens_MixedScript_OneTokenPerHanCharacterWordsLowercased()
    {
        Assert.Equal(["他", "拿", "出", "iphone", "don't", "go"], ReplyTokens.Of("他拿出iPhone。Don't… GO 42!").AsEnumerable());
    }

    [Fact]
    public void Distinct1_English_DistinctOverAllUnigrams()
    {
        // the×2 cat×2 sat×3 down a dog: 6 distinct of 10.
        Assert.Equal(0.6, DiversityMeter.Measure([English]).Distinct1, Digits);
    }

    [Fact]
    public void Distinct2_English_BigramsNeverCrossReplies()
    {
        // "the cat"×2 "cat sat"×2 "sat down" "a dog" "dog sat": 5 distinct of 7.
        Assert.Equal(5.0 / 7, DiversityMeter.Measure([English]).Distinct2, Digits);
    }

    [Fact]
    public void UnigramEntropy_English_InBits()
    {
        // 2·0.2·log2(5) + 0.3·log2(10/3) + 3·0.1·log2(10) = 0.928771 + 0.521090 + 0.996578.
        Assert.Equal(2.446439, DiversityMeter.Measure([English]).UnigramEntropy, Digits);
    }

    [Fact]
    public void BigramEntropy_English_InBits()
    {
        // 2·(2/7)·log2(3.5) + 3·(1/7)·log2(7) = 1.032774 + 1.203152.
        Assert.Equal(2.235926, DiversityMeter.Measure([English]).BigramEntropy, Digits);
    }

    [Fact]
    public void OpenerRepetition_English_SharedOpenerCountsForBothReplies()
    {
        // "the cat sat" opens two replies of three.
        Assert.Equal(2.0 / 3, DiversityMeter.Measure([English]).OpenerRepetition, Digits);
    }

    [Fact]
    public void OpenerEntropy_English_InBits()
    {
        // (2/3)·log2(3/2) + (1/3)·log2(3).
        Assert.Equal(0.918296, DiversityMeter.Measure([English]).OpenerEntropy, Digits);
    }

    [Fact]
    public void SelfBleu_English_MeanBleu4AgainstTheOthers()
    {
        // [the cat sat]: p = 3/3, 2/2, 1/1, ε 0.1/1 → 0.1^¼ = 0.562341, brevity 1 (a reference of length 3).
        // [the cat sat down]: p = 3/4, 2/3, 1/2, 0.1/1 → 0.025^¼ = 0.397635, brevity 1 (longer than 3).
        // [a dog sat]: p = 1/3, 0.1/2, 0.1/1, 0.1/1 → (1/6000)^¼ = 0.113622, brevity 1.
        Assert.Equal((0.562341 + 0.397635 + 0.113622) / 3, DiversityMeter.Measure([English]).SelfBleu, Digits);
    }

    [Fact]
    public void Speakers_English_ShareOfReplies()
    {
        Assert.Equal(new Dictionary<string, double> { ["Mira"] = 2.0 / 3, ["Tom"] = 1.0 / 3 },
            DiversityMeter.Measure([English]).Speakers);
    }

    [Fact]
    public void Rhythm_English_RunsOfTheSameSpeaker()
    {
        // Mira, Mira (a run of 2), then Tom alone (a run of 1).
        Assert.Equal(new RhythmShares(2, 0.5, 0.5, 0), DiversityMeter.Measure([English]).Rhythm);
    }

    [Fact]
    public void Rhythm_ThreeInARowAcrossTranscripts_CountsEachTranscriptsRuns()
    {
        var three = Session("en",
            ("Mira", SpeakerRole.Npc, "One."), ("Mira", SpeakerRole.Npc, "Two."), ("Mira", SpeakerRole.Npc, "Three."));

        Assert.Equal(new RhythmShares(3, 1.0 / 3, 1.0 / 3, 1.0 / 3), DiversityMeter.Measure([English, three]).Rhythm);
    }

    [Fact]
    public void Distinct_Chinese_OneTokenPerCharacterPunctuationDropped()
    {
        // 你 好 旅 人 你 好: 4 of 6; 你好 好旅 旅人 你好: 3 of 4.
        var figures = DiversityMeter.Measure([Chinese]);

        Assert.Equal((Math.Round(4.0 / 6, Digits), 0.75), (Math.Round(figures.Distinct1, Digits), figures.Distinct2));
    }

    [Fact]
    public void Entropy_Chinese_InBits()
    {
        // Unigrams: 2·(1/3)·log2(3) + 2·(1/6)·log2(6); bigrams: ½·1 + 2·¼·2; openers 你好旅 and 你好: 1 bit.
        var figures = DiversityMeter.Measure([Chinese]);

        Assert.Equal((1.918296, 1.5, 1.0), (Math.Round(figures.UnigramEntropy, 6), figures.BigramEntropy, figures.OpenerEntropy));
    }

    [Fact]
    public void SelfBleu_Chinese_BrevityPenaltyOnTheShortReply()
    {
        // [你好旅人] vs [你好]: p = 2/4, 1/3, 0.1/2, 0.1/1 → 0.169904, brevity 1.
        // [你好] vs [你好旅人]: p = 2/2, 1/1, 0.1/1, 0.1/1 → 0.316228, brevity e^(1 − 4/2) = 0.367879 → 0.116334.
        Assert.Equal((0.169904 + 0.116334) / 2, DiversityMeter.Measure([Chinese]).SelfBleu, Digits);
    }

    [Fact]
    public void Measure_NoTranscripts_AllZero()
    {
        Assert.Equal(Zero, DiversityMeter.Measure([]) with { Speakers = Zero.Speakers });
    }

    [Fact]
    public void Measure_OnlyUserLines_NoRepliesNoSpeakers()
    {
        var figures = DiversityMeter.Measure([Session("en", ("Wren", SpeakerRole.User, "Anyone here?"))]);

        Assert.Equal((0, 0), (figures.Replies, figures.Speakers.Count));
    }

    [Fact]
    public void Measure_OneReply_NothingToCompareAgainst()
    {
        // [the cat sat]: every n-gram distinct, one opener (0 bits), no other reply for self-BLEU or a shared opener.
        var figures = DiversityMeter.Measure([Session("en", ("Mira", SpeakerRole.Npc, "The cat sat."))]);

        Assert.Equal(Zero with { Replies = 1, Tokens = 3, Distinct1 = 1, Distinct2 = 1, UnigramEntropy = Math.Log2(3),
            BigramEntropy = 1, Speakers = figures.Speakers, Rhythm = new RhythmShares(1, 1, 0, 0) }, figures);
    }

    [Fact]
    public void Measure_GivenOpening_NotMeasured()
    {
        var opening = new TranscriptLine(1, "Mira", SpeakerRole.Npc, "Welcome, welcome.", []) { Given = true };
        var transcript = English with { Lines = English.Lines.Insert(0, opening) };

        Assert.Equal(3, DiversityMeter.Measure([transcript]).Replies);
    }

    [Fact]
    public void SelfBleu_ManyReplies_EqualsTheDirectPairwiseDefinition()
    {
        var random = new Random(17);
        string[] words = ["the", "cat", "sat", "on", "mat", "dog", "ran", "a", "雨", "夜"];
        var replies = Enumerable.Range(0, 60)
            .Select(_ => Enumerable.Range(0, random.Next(1, 9)).Select(_ => words[random.Next(words.Length)]).ToImmutableArray())
            .ToList();

        Assert.Equal(DirectSelfBleu(replies), DiversityMeter.SelfBleu(replies), 9);
    }

    [Fact]
    public void Compare_UnigramEntropyDropsFifteenPercent_StopsEarly()
    {
        var comparison = DiversityMeter.Compare(Zero with { UnigramEntropy = 2.0 }, Zero with { UnigramEntropy = 1.7 });

        Assert.Equal((15.0, true, "unigram"),
            (Math.Round(comparison.UnigramEntropyDropPercent, 9), comparison.EarlyStop, string.Join(", ", comparison.StoppedBy)));
    }

    [Fact]
    public void Compare_DropBelowThreshold_KeepsTraining()
    {
        var comparison = DiversityMeter.Compare(Zero with { OpenerEntropy = 4.0 }, Zero with { OpenerEntropy = 3.0 }, thresholdPercent: 30);

        Assert.Equal((25.0, false), (comparison.OpenerEntropyDropPercent, comparison.EarlyStop));
    }

    [Fact]
    public void Compare_EntropyRises_NegativeDropNoStop()
    {
        var comparison = DiversityMeter.Compare(Zero with { BigramEntropy = 2.0 }, Zero with { BigramEntropy = 3.0 });

        Assert.Equal((-50.0, false), (comparison.BigramEntropyDropPercent, comparison.EarlyStop));
    }

    [Fact]
    public void Compare_Changes_AfterMinusBefore()
    {
        var comparison = DiversityMeter.Compare(DiversityMeter.Measure([Chinese]), DiversityMeter.Measure([English]));

        Assert.Equal(0.6 - 4.0 / 6, comparison.Changes.Single(c => c.Figure == "distinct-1").Change, Digits);
    }

    [Fact]
    public void Compare_NegativeThreshold_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DiversityMeter.Compare(Zero, Zero, -1));
    }

    private static readonly DiversityFigures Zero =
        new(0, 0, 0, 0, 0, 0, 0, 0, 0, ImmutableSortedDictionary<string, double>.Empty, new RhythmShares(0, 0, 0, 0));

    private static Transcript Session(string language, params (string Speaker, SpeakerRole Role, string Text)[] lines) =>
        new($"session-{language}", null, [.. lines.Select((l, i) => new TranscriptLine(i + 1, l.Speaker, l.Role, l.Text, []))]);

    /// <summary>Self-BLEU as written in the papers: every reply against the list of all the others, counted directly.</summary>
    private static double DirectSelfBleu(IReadOnlyList<ImmutableArray<string>> replies)
    {
        var total = 0.0;
        for (var i = 0; i < replies.Count; i++)
        {
            var hypothesis = replies[i];
            var references = replies.Where((_, j) => j != i).ToList();
            var logPrecision = 0.0;
            var unigramMatches = 0;
            for (var n = 1; n <= 4; n++)
            {
                var grams = Grams(hypothesis, n);
                var matches = grams.GroupBy(g => g).Sum(g => Math.Min(g.Count(), references.Max(r => Grams(r, n).Count(x => x == g.Key))));
                unigramMatches = n == 1 ? matches : unigramMatches;
                logPrecision += Math.Log((matches == 0 ? 0.1 : matches) / (double)Math.Max(1, grams.Count)) / 4;
            }
            var closest = references.Select(r => r.Length).OrderBy(l => Math.Abs(l - hypothesis.Length)).ThenBy(l => l).First();
            var brevity = hypothesis.Length > closest ? 1 : Math.Exp(1 - (double)closest / hypothesis.Length);
            total += unigramMatches == 0 ? 0 : brevity * Math.Exp(logPrecision);
        }
        return total / replies.Count;
    }

    private static List<string> Grams(ImmutableArray<string> tokens, int n) =>
        [.. Enumerable.Range(0, Math.Max(0, tokens.Length - n + 1)).Select(i => string.Join(' ', tokens.Skip(i).Take(n)))];
}
