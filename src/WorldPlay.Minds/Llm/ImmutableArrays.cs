using System.Collections.Immutable;

namespace WorldPlay.Minds.Llm;

internal static class ImmutableArrays
{
    /// <summary>The items, or none for a default (never assigned) array, as records read from older data may hold.</summary>
    public static ImmutableArray<T> OrEmpty<T>(this ImmutableArray<T> items) => items.IsDefault ? [] : items;
}
