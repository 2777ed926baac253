using System.Collections.Immutable;
using WorldPlay.Core;
using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Detectors;

/// <summary>One probe: a user line naming what the user created at least <see cref="ConstructedRecall.MinTurnsSinceCreation"/>
/// turns before, the NPC lines that answer it (indices in <see cref="Transcript.Lines"/>), and whether none of them confuses a
/// reference.</summary>
public sealed record Probe(int Line, int Turn, ImmutableArray<string> Entities, ImmutableArray<int> Answers, bool Consistent);

/// <summary>User-constructed recall over some probes: how many were answered without a reference confusion, of how many;
/// <see cref="Recall"/> is null ("n/a") when there were none.</summary>
public sealed record ProbeRecall(int Probes, int Consistent)
{
    public double? Recall => Probes == 0 ? null : Math.Round((double)Consistent / Probes, 4, MidpointRounding.AwayFromZero);

    /// <summary>"0.67 (2 of 3 probes)", or "n/a (no probes)".</summary>
    public string Describe() => Recall is { } r
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{r:0.00} ({Consistent} of {Probes} probes)")
        : "n/a (no probes)";
}

/// <summary>The write-up's reference-confusion measure as a share: of the user's lines that come back to what they built long ago
/// (a sister, a town, a locket), how many did the characters answer without getting it wrong.</summary>
public static class ConstructedRecall
{
    /// <summary>A mention counts as a probe only this many turns (NPC and user lines together) after the creation, so that it tests
    /// memory across a stretch of play rather than the last exchange.</summary>
    public const int MinTurnsSinceCreation = 10;

    /// <summary>The probes of a scored session: each user line naming a user-created entity created at least
    /// <see cref="MinTurnsSinceCreation"/> turns earlier and followed by an NPC reply before the next user line. Its answers are
    /// the NPC replies up to the next user line that name one of those entities, or the first reply when none does; it is
    /// consistent when no answer has a <c>logic.reference_confusion</c> hit.</summary>
    public static ImmutableArray<Probe> Probes(ScoredTranscript scored)
    {
        ArgumentNullException.ThrowIfNull(scored);
        var transcript = scored.Transcript;
        if (TranscriptWorld.StatesBefore(transcript) is not { } states)
        {
            return [];
        }
        var confused = scored.Hits.Where(h => h.Category == BenchCategory.ReferenceConfusion).Select(h => h.Line).ToHashSet();
        var probes = ImmutableArray.CreateBuilder<Probe>();
        for (var i = 0; i < transcript.Lines.Length; i++)
        {
            var line = transcript.Lines[i];
            if (line.Role != SpeakerRole.User)
            {
                continue;
            }
            var named = states[i].Entities.Values
                .Where(e => ConstructedTies.UserCreated(e) && e.Provenance.Turn <= line.Turn - MinTurnsSinceCreation
                    && ConstructedTies.Mentions(line.Text, e))
                .ToList();
            var replies = transcript.Lines.Select((l, j) => (Line: l, Index: j)).Skip(i + 1)
                .TakeWhile(x => x.Line.Role != SpeakerRole.User).Where(x => x.Line.IsNpc).ToList();
            if (named.Count == 0 || replies.Count == 0)
            {
                continue;
            }
            var mentioning = replies.Where(r => named.Any(e => ConstructedTies.Mentions(r.Line.Text, e))).Select(r => r.Index).ToList();
            ImmutableArray<int> answers = mentioning.Count > 0 ? [.. mentioning] : [replies[0].Index];
            probes.Add(new Probe(i, line.Turn, [.. named.Select(e => e.Name)], answers, !answers.Any(confused.Contains)));
        }
        return probes.ToImmutable();
    }

    /// <summary>The recall of one session.</summary>
    public static ProbeRecall Of(ScoredTranscript scored)
    {
        var probes = Probes(scored);
        return new ProbeRecall(probes.Length, probes.Count(p => p.Consistent));
    }

    /// <summary>The recall over several sessions: every probe counts once, whichever session it is in.</summary>
    public static ProbeRecall Of(IEnumerable<ProbeRecall> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var list = sessions.ToList();
        return new ProbeRecall(list.Sum(s => s.Probes), list.Sum(s => s.Consistent));
    }
}
