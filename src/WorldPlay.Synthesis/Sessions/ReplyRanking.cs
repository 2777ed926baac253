using System.Collections.Immutable;
using WorldPlay.Core.Scenes;
using WorldPlay.Evaluation;
using WorldPlay.Evaluation.Detectors;
using WorldPlay.Evaluation.Judging;
using WorldPlay.Evaluation.SelfPlay;
using WorldPlay.Evaluation.Transcripts;
using WorldPlay.Minds;

namespace WorldPlay.Synthesis.Sessions;

/// <summary>Scores replies and segments of one job as the bench scores a session: the turns become transcript lines as
/// <see cref="SessionTranscript"/> makes them and the 13 detectors run over them; a reply's score is the sum of the severities
/// of the hits on its line (lower is better), plus <see cref="JudgePenalty"/> for each category a judge, when given, finds in
/// it.</summary>
internal sealed class ReplyRanking(SynthesisJob job, LlmJudge? judge)
{
    /// <summary>What a category the judge finds in a reply adds to its score: a mid severity on the detectors' 1-5 scale.</summary>
    public const double JudgePenalty = 3;

    private readonly SelfPlaySession _session = new(
        job.Name, job.Scenario, job.User, UserProfile.All.FirstOrDefault(p => p.Name == job.User) ?? UserProfile.All[0], null, job.Seed);

    /// <summary>The turns as the bench's transcript lines.</summary>
    public Transcript Transcript(IReadOnlyList<TurnRecord> turns) => SessionTranscript.From(_session, turns);

    /// <summary>The line text of <paramref name="reply"/> after <paramref name="context"/>, its score and the categories found.</summary>
    public async Task<(string Text, double Score, ImmutableArray<string> Findings)> ScoreReplyAsync(
        IReadOnlyList<TurnRecord> context, TurnRecord reply, CancellationToken cancellationToken)
    {
        var transcript = Transcript([.. context, reply]);
        var line = transcript.Lines.Length - 1;
        var hits = TranscriptScorer.Score(transcript).Hits.Where(h => h.Line == line).ToList();
        var score = (double)hits.Sum(h => h.Severity);
        var findings = hits.Select(h => h.Category).ToHashSet(StringComparer.Ordinal);
        if (judge is not null && transcript.Lines[line].IsNpc)
        {
            var question = new JudgeCase(0, job.Name, line, reply.Turn, reply.SpeakerName, JudgePurpose.Audit, [.. BenchCategory.All]);
            var judgement = await judge.JudgeAsync(transcript, question, cancellationToken);
            foreach (var category in BenchCategory.All.Where(c => judgement.Present(c) == true))
            {
                score += JudgePenalty;
                findings.Add(category);
            }
        }
        return (transcript.Lines[line].Text, score, Ordered(findings));
    }

    /// <summary>The score of the NPC lines of turns <paramref name="from"/> to <paramref name="to"/> of <paramref name="turns"/>
    /// (the turns before them are their context) and the categories found in them.</summary>
    public (double Score, ImmutableArray<string> Findings) ScoreSegment(IReadOnlyList<TurnRecord> turns, int from, int to)
    {
        var scored = TranscriptScorer.Score(Transcript(turns));
        var hits = scored.Hits.Where(h => scored.Transcript.Lines[h.Line].Turn >= from && scored.Transcript.Lines[h.Line].Turn <= to)
            .ToList();
        return (hits.Sum(h => h.Severity), Ordered(hits.Select(h => h.Category)));
    }

    private static ImmutableArray<string> Ordered(IEnumerable<string> categories)
    {
        var found = categories.ToHashSet(StringComparer.Ordinal);
        return [.. BenchCategory.All.Where(found.Contains)];
    }
}
