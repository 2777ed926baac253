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

    /// <summary>What reads creations out of a person's free-text line in a scene whose characters the mind named
    /// <paramref name="name"/> plays: that mind when it can (a language model), else null (the procedural mind has no model).</summary>
    ICreationExtractor? ExtractorFor(string name) =>
        Names.Contains(name, StringComparer.Ordinal) ? Resolve(name) as ICreationExtractor : null;
}
