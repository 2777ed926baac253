using System.Collections.Immutable;
using WorldPlay.Synthesis.Rows;

namespace WorldPlay.Synthesis.Output;

/// <summary>The training rows one synthesized session gives: chat samples of its kept segments, preference pairs from best-of-K
/// and from rewrites, and unpaired KTO rows.</summary>
public sealed record SessionRows(ImmutableArray<ChatSample> Chat, ImmutableArray<PreferencePair> Pairs, ImmutableArray<KtoRow> Kto)
{
    public static SessionRows Empty { get; } = new([], [], []);
}
