namespace WorldPlay.Core.Minds;

/// <summary>Finds the mind a name stands for (<c>procedural</c>, <c>user-sim:slow-burn</c>, ...).</summary>
public interface IMindCatalog
{
    /// <summary>The mind named <paramref name="name"/>; throws <see cref="ArgumentException"/> listing the known names otherwise.</summary>
    IMind Resolve(string name);

    /// <summary>The mind named <paramref name="name"/> as it plays <paramref name="character"/>: a catalog may give a character
    /// its own model (a cheaper one for a minor character). Throws like <see cref="Resolve(string)"/>.</summary>
    IMind Resolve(string name, EntityId character) => Resolve(name);

    IReadOnlyList<string> Names { get; }
}
