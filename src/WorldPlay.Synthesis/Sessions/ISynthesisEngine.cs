namespace WorldPlay.Synthesis.Sessions;

/// <summary>Plays one synthesis job end to end (planning, best-of-K ranking, segment review, rounds) and returns what it kept and
/// rejected.</summary>
public interface ISynthesisEngine
{
    /// <summary>Plays <paramref name="job"/> in a fresh world with <paramref name="options"/>.</summary>
    Task<SynthesizedSession> RunAsync(SynthesisJob job, SynthesisOptions options, CancellationToken ct);
}
