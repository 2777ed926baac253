using System.Collections.Immutable;
using WorldPlay.Evaluation.SelfPlay;
using WorldPlay.Synthesis.Rows;
using WorldPlay.Synthesis.Sessions;

namespace WorldPlay.Synthesis.Output;

/// <summary>Turns a synthesized session into training rows (docs/synthesis.md, "Rows"):
/// <list type="bullet">
/// <item>chat: one sample per character per kept segment (<see cref="SessionSegment.Kept"/>), the system prompt being the character's
/// persona and perspective at its first reply in the segment, the lines before that reply as context, and the segment's lines up to
/// the character's last reply, its own as <c>assistant</c>;</item>
/// <item>pairs: the kept reply over each best-of-K loser that scored worse (a tie says nothing), and a rewrite over the reply it
/// replaced when both answered the same context;</item>
/// <item>KTO: a kept reply without findings is desirable; a kept reply with findings, a loser that scored worse, and a replaced reply
/// with findings are not.</item>
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
        var root = session.Rounds.IsDefaultOrEmpty ? "" : session.Rounds[0].World;
        foreach (var round in session.Rounds)
        {
            var transcript = SessionTranscripts.Of(session, round, SessionTranscripts.KeptName(session, round));
            if (SessionTranscript.UserBreak(transcript) is not null)
            {
                // As in the bench, a round whose simulated user broke measures the simulator: none of it becomes training data.
                continue;
            }
            var candidates = round.Candidates.IsDefault ? [] : round.Candidates.Where(c => c.Turn > round.StartTurn).ToList();
            // A turn a rewrite replaced appears twice: first as played, last as rewritten (the one the transcript holds).
            var final = candidates.GroupBy(c => c.Turn).ToDictionary(g => g.Key, g => g.Last());
            RowSource Source(int turn, string speaker, string branch) => new(
                session.Job.Scenario.Id, root, branch, round.Scene, turn, speaker, session.Job.Scenario.Language, round.Number,
                session.Job.User);

            foreach (var segment in SessionSegment.Of(round, transcript).Where(s => s.Kept))
            {
                chat.AddRange(Samples(segment, final, Source, round.World));
            }
            foreach (var c in candidates)
            {
                var isFinal = ReferenceEquals(final[c.Turn], c);
                var source = Source(c.Turn, c.Speaker, c.Kept.World);
                if (isFinal)
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
            foreach (var review in (round.Reviews.IsDefault ? [] : round.Reviews).Where(r => r.Rewritten))
            {
                foreach (var turn in candidates.Where(c => c.Turn >= review.FromTurn && c.Turn <= review.ToTurn).GroupBy(c => c.Turn))
                {
                    var (original, rewrite) = (turn.First(), turn.Last());
                    if (!ReferenceEquals(original, rewrite) && original.Speaker == rewrite.Speaker && original.System == rewrite.System
                        && original.Prompt.SequenceEqual(rewrite.Prompt) && original.Kept.Text != rewrite.Kept.Text)
                    {
                        pairs.Add(new PreferencePair(Source(turn.Key, rewrite.Speaker, review.World ?? rewrite.Kept.World), rewrite.System,
                            rewrite.Prompt, rewrite.Kept.Text, original.Kept.Text, PreferenceOrigin.Rewrite, rewrite.Kept.Score,
                            original.Kept.Score));
                    }
                }
            }
        }
        return new SessionRows(chat.ToImmutable(), pairs.ToImmutable(), kto.ToImmutable());
    }

    /// <summary>A reply is clean when the detectors (and judge) found nothing in it.</summary>
    private static bool Clean(ReplyCandidate reply) => reply.Findings.IsDefaultOrEmpty;

    private static IEnumerable<ChatSample> Samples(
        SessionSegment segment, Dictionary<int, TurnCandidates> final, Func<int, string, string, RowSource> source, string branch)
    {
        var speakers = segment.Lines.Where(l => l.IsNpc && final.ContainsKey(l.Turn)).Select(l => l.Speaker).Distinct(StringComparer.Ordinal);
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
            yield return new ChatSample(source(own[0].Line.Turn, speaker, branch), first.System, messages.ToImmutable(),
                scores.ToImmutableSortedDictionary(StringComparer.Ordinal));
        }
    }
}
