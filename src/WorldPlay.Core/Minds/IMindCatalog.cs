namespace WorldPlay.Core.Minds;

/// <summary>Finds the mind a name stands for (<c>procedural</c>, <c>user-sim:slow-burn</c>, ...).</summary>
public interface IMindCatalog
{
    /// <summary>The mind named <paramref name="name"/>; throws <see cref="ArgumentException"/> listing the known names otherwise.</summary>
    IMind Resolve(string name);

    IReadOnlyList<string> Names { get; }
}
