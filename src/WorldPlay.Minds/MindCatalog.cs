using System.Collections.Immutable;
using WorldPlay.Core.Minds;

namespace WorldPlay.Minds;

/// <summary>The minds a silo offers by name: the procedural mind for characters and the procedural user simulators.</summary>
public sealed class MindCatalog : IMindCatalog
{
    private readonly ImmutableSortedDictionary<string, IMind> _minds;

    public MindCatalog()
        : this([new ProceduralMind(), new ProceduralUserSimulator(UserStyle.SlowBurn), new ProceduralUserSimulator(UserStyle.FastPlot)])
    {
    }

    public MindCatalog(IEnumerable<IMind> minds) => _minds = minds.ToImmutableSortedDictionary(m => m.Name, m => m, StringComparer.Ordinal);

    public IReadOnlyList<string> Names => [.. _minds.Keys];

    public IMind Resolve(string name) =>
        _minds.TryGetValue(name, out var mind)
            ? mind
            : throw new ArgumentException($"Unknown mind '{name}'; known: {string.Join(", ", _minds.Keys)}.", nameof(name));
}
