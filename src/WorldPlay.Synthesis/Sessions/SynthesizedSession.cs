using System.Collections.Immutable;

namespace WorldPlay.Synthesis.Sessions;

/// <summary>What a job produced: its rounds in order, each with the kept transcript, the ranked alternatives and the reviews.</summary>
public sealed record SynthesizedSession(SynthesisJob Job, ImmutableArray<SynthesisRound> Rounds);
