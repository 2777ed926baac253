using System.Collections.Immutable;
using WorldPlay.Core.Scenes;
using WorldPlay.Evaluation.SelfPlay;
using WorldPlay.Synthesis.Rows;
using WorldPlay.Synthesis.Sessions;

namespace WorldPlay.Synthesis.Output;

/// <summary>Turns a synthesized session into training rows (docs/synthesis.md, "Rows"):
/// <list type="bullet">
/// <item>chat: one sample per character per kept segment (<see cref="SessionSegment.Kept"/>), the system prompt being the character's
/// persona and perspective at its first reply in the segment, the lines before that reply as context, and the segment's lines up to
/// the character's last reply, its own as <c>assistant</c>;</item>
/// <item>pairs: the kept reply over each best-of-K loser that scored worse (a tie says nothing), and, for a reviewed segment that was
/// replayed, the better of the first play and the rewrite over the other, turn by turn where both answered the same lines and the
/// turn's scores agree with the segment's;</item>
/// <item>KTO: a reply the transcript kept is desirable when the detectors found nothing in it and undesirable otherwise; a loser that
/// scored worse, and a reply of a replaced or discarded segment with findings, are undesirable.</item>
/// </list>
/// A round whose simulated user broke (spoke as a character, looped) gives no rows.</summary>
public static class SessionRowBuilder
{
    public static SessionRows Build(SynthesizedSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var chat = ImmutableArray.CreateBuilder<ChatSample>();
        var pairs = ImmutableArray.CreateBuilder<PreferencePair>();
        var kto = ImmutableArray.CreateBuilder<KtoRow>();
        foreach (var round in session.Rounds)
        {
            var transcript = SessionTranscripts.Of(session, round, SessionTranscripts.KeptName(session, round));
            if (SessionTranscript.UserBreak(transcript) is not null)
            {
                // As in the bench, a round whose simulated user broke measures the simulator: none of it becomes training data.
                continue;
            }
            var candidates = round.Candidates.IsDefault ? [] : round.Candidates.Where(c => c.Turn > round.StartTurn).ToList();
            // The candidates of a turn the transcript kept: the last ranked for that turn whose kept reply is the transcript's line
            // (a replaced segment's and a discarded rewrite's candidates share turn numbers with it).
            var final = Final(candidates, transcript.Lines.Where(l => l.Turn > round.StartTurn).Select(l => (l.Turn, l.Text)));
            // World: where the reply itself was played (a regeneration's sibling branch, say); branch: where the round ended.
            RowSource Source(int turn, string speaker, string world) => new(
                session.Job.Scenario.Id, world, round.World, round.Scene, turn, speaker, session.Job.Scenario.Language, round.Number,
                session.Job.User);

            foreach (var segment in SessionSegment.Of(round, transcript).Where(s => s.Kept))
            {
                chat.AddRange(Samples(segment, final, Source));
            }
            foreach (var c in candidates)
            {
                var source = Source(c.Turn, c.Speaker, c.Kept.World);
                if (final.TryGetValue(c.Turn, out var kept) && ReferenceEquals(kept, c))
                {
                    kto.Add(new KtoRow(source, c.System, c.Prompt, c.Kept.Text, Clean(c.Kept), PreferenceOrigin.BestOfK, c.Kept.Score));
                }
                else if (!Clean(c.Kept))
                {
                    kto.Add(new KtoRow(source, c.System, c.Prompt, c.Kept.Text, false, PreferenceOrigin.Rewrite, c.Kept.Score));
                }
                foreach (var loser in (c.Rejected.IsDefault ? [] : c.Rejected).Where(r => r.Score > c.Kept.Score))
                {
                    pairs.Add(new PreferencePair(source, c.System, c.Prompt, c.Kept.Text, loser.Text, PreferenceOrigin.BestOfK,
                        c.Kept.Score, loser.Score));
                    kto.Add(new KtoRow(Source(c.Turn, c.Speaker, loser.World), c.System, c.Prompt, loser.Text, false,
                        PreferenceOrigin.BestOfK, loser.Score));
                }
            }
            foreach (var review in (round.Reviews.IsDefault ? [] : round.Reviews).Where(r => !r.Rewrite.IsDefaultOrEmpty))
            {
                pairs.AddRange(RewritePairs(session, review, candidates, Source));
            }
        }
        return new SessionRows(chat.ToImmutable(), pairs.ToImmutable(), kto.ToImmutable());
    }

    /// <summary>A reply is clean when the detectors (and judge) found nothing in it.</summary>
    private static bool Clean(ReplyCandidate reply) => reply.Findings.IsDefaultOrEmpty;

    private static Dictionary<int, TurnCandidates> Final(List<TurnCandidates> candidates, IEnumerable<(int Turn, string Text)> lines)
    {
        var final = new Dictionary<int, TurnCandidates>();
        foreach (var (turn, text) in lines)
        {
            if (candidates.LastOrDefault(c => c.Turn == turn && c.Kept.Text == text) is { } match)
            {
                final[turn] = match;
            }
        }
        return final;
    }

    /// <summary>Pairs of a replayed segment: per NPC turn played both times after the same lines, the reply of the better play
    /// (the rewrite when it was kept, the first play otherwise) over the other's, when the turn's own scores agree.</summary>
    private static IEnumerable<PreferencePair> RewritePairs(
        SynthesizedSession session, SegmentReview review, List<TurnCandidates> candidates, Func<int, string, string, RowSource> source)
    {
        var original = Final(candidates, Lines(session, review.Original));
        var rewrite = Final(candidates, Lines(session, review.Rewrite));
        foreach (var (turn, first) in original.OrderBy(o => o.Key))
        {
            if (!rewrite.TryGetValue(turn, out var second) || ReferenceEquals(first, second) || first.Speaker != second.Speaker
                || !first.Prompt.SequenceEqual(second.Prompt) || first.Kept.Text == second.Kept.Text)
            {
                continue;
            }
            var (chosen, rejected) = review.Rewritten ? (second, first) : (first, second);
            if (chosen.Kept.Score < rejected.Kept.Score)
            {
                yield return new PreferencePair(source(turn, chosen.Speaker, chosen.Kept.World), chosen.System, chosen.Prompt,
                    chosen.Kept.Text, rejected.Kept.Text, PreferenceOrigin.Rewrite, chosen.Kept.Score, rejected.Kept.Score);
            }
        }
    }

    private static IEnumerable<(int Turn, string Text)> Lines(SynthesizedSession session, ImmutableArray<TurnRecord> turns) =>
        SessionTranscripts.Of(session.Job, turns.IsDefault ? [] : turns, session.Job.Name).Lines.Select(l => (l.Turn, l.Text));

    private static IEnumerable<ChatSample> Samples(
        SessionSegment segment, Dictionary<int, TurnCandidates> final, Func<int, string, string, RowSource> source)
    {
        var speakers = segment.Lines.Where(l => l.IsNpc && final.ContainsKey(l.Turn)).Select(l => l.Speaker)
            .Distinct(StringComparer.Ordinal);
        foreach (var speaker in speakers)
        {
            var own = segment.Lines.Select((l, i) => (Line: l, Index: i))
                .Where(x => x.Line.Speaker == speaker && x.Line.IsNpc && final.ContainsKey(x.Line.Turn)).ToList();
            var first = final[own[0].Line.Turn];
            var messages = ImmutableArray.CreateBuilder<ChatTurn>();
            messages.AddRange(first.Prompt.IsDefault ? [] : first.Prompt);
            foreach (var line in segment.Lines.Skip(own[0].Index).Take(own[^1].Index - own[0].Index + 1))
            {
                messages.Add(line.Speaker == speaker
                    ? new ChatTurn(ChatTurn.Assistant, line.Text)
                    : new ChatTurn(ChatTurn.User, line.Text, line.Speaker));
            }
            var replies = own.Select(x => final[x.Line.Turn].Kept).ToList();
            var scores = new SortedDictionary<string, double>(StringComparer.Ordinal)
            {
                ["replies"] = replies.Count,
                ["misaligned"] = (double)replies.Count(r => !Clean(r)) / replies.Count,
                ["score"] = replies.Average(r => r.Score),
            };
            yield return new ChatSample(source(own[0].Line.Turn, first.Speaker, first.Kept.World), first.System, messages.ToImmutable(),
                scores.ToImmutableSortedDictionary(StringComparer.Ordinal));
        }
    }
}
