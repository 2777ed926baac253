using System.Collections.Immutable;
using WorldPlay.Core.Scenes;

namespace WorldPlay.Core;

/// <summary>One event as a designer reads it in a diff or a causal chain: number, turn, actor, kind and plain words.</summary>
public sealed record EventRef(long Seq, int Turn, EntityId Actor, string Kind, string Text, ImmutableArray<long> Causes)
{
    /// <summary>Which side of a branch comparison the event belongs to (<c>from</c> or <c>to</c>); null when comparing two turns of one
    /// timeline.</summary>
    public string? Side { get; init; }

    public static EventRef Of(WorldEvent e, Func<EntityId, string> name) =>
        new(e.Seq, e.Turn, e.Actor, e.Change.Kind, EventText.Describe(e, name), e.Causes.IsDefault ? [] : e.Causes);

    /// <summary>Names from the later state first, so an entity that only exists there still reads well.</summary>
    internal static Func<EntityId, string> Names(params WorldState[] states) =>
        id => states.Select(s => s.Find(id)?.Name).FirstOrDefault(n => n is not null) ?? id.Value;
}
