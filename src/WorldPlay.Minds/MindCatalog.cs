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

    /// <summary>The procedural minds plus a language model behind <paramref name="options"/>: <c>openai:{model}</c> for characters
    /// and <c>openai:{model}:user-sim:slow-burn</c> / <c>...:fast-plot</c> for the user.</summary>
    public static MindCatalog WithLanguageModel(Llm.LlmMindOptions options)
    {
        var endpoint = new Llm.LlmEndpoint(options);
        var llm = new Llm.LlmMind(endpoint);
        return new MindCatalog(
        [
            new ProceduralMind(), new ProceduralUserSimulator(UserStyle.SlowBurn), new ProceduralUserSimulator(UserStyle.FastPlot),
            llm, new Llm.LlmUserSimulator(endpoint, UserStyle.SlowBurn), new Llm.LlmUserSimulator(endpoint, UserStyle.FastPlot),
        ]);
    }

    public IReadOnlyList<string> Names => [.. _minds.Keys];

    public IMind Resolve(string name) =>
        _minds.TryGetValue(name, out var mind)
            ? mind
            : throw new ArgumentException($"Unknown mind '{name}'; known: {string.Join(", ", _minds.Keys)}.", nameof(name));
}
