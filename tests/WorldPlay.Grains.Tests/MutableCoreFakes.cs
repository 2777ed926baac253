using System.Collections.Immutable;

// In a WorldPlay.Core namespace, as the copier looks at core types only: each of these can change after construction.
namespace WorldPlay.Core.Fakes;

public sealed class WithSetter
{
    public int Count { get; set; }
}

public sealed record WithList(List<int> Items);

public sealed record WithArray(int[] Items);

/// <summary>Immutable itself, but one of its subtypes is not.</summary>
public abstract record Base(string Name);

public sealed record MutableChild(string Name, List<string> Notes) : Base(Name);

public sealed record HoldsMutable(ImmutableArray<WithSetter> Things);
