using WorldPlay.Core.Scenes;
using WorldPlay.Evaluation.SelfPlay;
using WorldPlay.Evaluation.Transcripts;
using WorldPlay.Minds;
using WorldPlay.Synthesis.Sessions;

namespace WorldPlay.Synthesis.Output;

/// <summary>Synthesized rounds as bench transcripts: the same lines, world line and file format as <c>bench run</c> writes, so
/// <c>worldplay bench score</c> reads them.</summary>
public static class SessionTranscripts
{
    /// <summary>The transcript of one round of <paramref name="session"/>, named <paramref name="name"/>. The turns a later round
    /// shares with the round it forked from (up to its start turn) are marked given: context for the round's own lines, never scored
    /// twice.</summary>
    public static Transcript Of(SynthesizedSession session, SynthesisRound round, string name)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(round);
        var transcript = Of(session.Job, round.Transcript, name);
        return round.StartTurn == 0
            ? transcript
            : transcript with { Lines = [.. transcript.Lines.Select(l => l.Turn <= round.StartTurn ? l with { Given = true } : l)] };
    }

    /// <summary>The transcript of <paramref name="turns"/> played for <paramref name="job"/>, named <paramref name="name"/>.</summary>
    public static Transcript Of(SynthesisJob job, IReadOnlyList<TurnRecord> turns, string name)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(turns);
        return SessionTranscript.From(SelfPlay(job, name), turns);
    }

    /// <summary>The name of round <paramref name="round"/>'s kept transcript: the job's name, and the round when there are
    /// several.</summary>
    public static string KeptName(SynthesizedSession session, SynthesisRound round)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(round);
        return session.Rounds.Length == 1 ? session.Job.Name : $"{session.Job.Name}-round{round.Number}";
    }

    /// <summary>Writes <paramref name="transcript"/> of <paramref name="job"/> to <paramref name="path"/>, after a world line with
    /// the (possibly enriched) world file the job played.</summary>
    public static void Write(Transcript transcript, SynthesisJob job, string path)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        ArgumentNullException.ThrowIfNull(job);
        SessionTranscript.Write(transcript, SelfPlay(job, transcript.Name), path);
    }

    /// <summary>The job as the bench's self-play session it is, for the bench's transcript functions.</summary>
    private static SelfPlaySession SelfPlay(SynthesisJob job, string name)
    {
        var profile = UserProfile.All.FirstOrDefault(p => p.Name == job.User)
            ?? throw new ArgumentException($"Unknown user profile '{job.User}'; known: " +
                $"{string.Join(", ", UserProfile.All.Select(p => p.Name))}.");
        return new SelfPlaySession(name, job.Scenario, job.User, profile, null, job.Seed);
    }
}
