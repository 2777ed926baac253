using System.Collections.Immutable;
using WorldPlay.Core;
using WorldPlay.Core.Minds;

namespace WorldPlay.Minds;

/// <summary>The minds a silo offers by name: the procedural mind for characters (plain and in each <see cref="ProceduralStyle"/>,
/// <c>procedural:lyrical</c>) and a procedural user simulator per
/// <see cref="UserProfile.All"/> (<c>user-sim:terse</c>, <c>user-sim:adversarial</c>, <c>user-sim:adversarial:fight</c>, ...).
/// A situation from a file is played by constructing <see cref="ProceduralUserSimulator"/> with it and listing it here.</summary>
public sealed class MindCatalog : IMindCatalog
{
    private readonly ImmutableSortedDictionary<string, IMind> _minds;
    private readonly ImmutableDictionary<(string Mind, EntityId Character), IMind> _castings = ImmutableDictionary<(
        string, EntityId), IMind>.Empty;

    public MindCatalog()
        : this([new ProceduralMind(), .. Styled(), .. UserProfile.All.Select(p => new ProceduralUserSimulator(p))])
    {
    }

    public MindCatalog(IEnumerable<IMind> minds) => _minds = minds.ToImmutableSortedDictionary(m => m.Name, m => m, StringComparer.Ordinal);

    private MindCatalog(IEnumerable<IMind> minds, ImmutableDictionary<(string Mind, EntityId Character), IMind> castings)
        : this(minds) => _castings = castings;

    /// <summary>The procedural minds plus a language model behind <paramref name="options"/>: <c>openai:{model}</c> for characters
    /// and <c>user-sim:slow-burn:openai:{model}</c> / <c>user-sim:fast-plot:openai:{model}</c> (one per user profile) for the user. A
    /// character named in
    /// <see cref="Llm.LlmMindOptions.CharacterModels"/> is played by its own model whenever <c>openai:{model}</c> is asked for.</summary>
    public static MindCatalog WithLanguageModel(Llm.LlmMindOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = new Llm.LlmEndpoint(options);
        var llm = new Llm.LlmMind(endpoint);
        var byModel = options.CharacterModels.Values.Distinct(StringComparer.Ordinal)
            .ToDictionary(model => model, model => model == llm.Model ? llm : new Llm.LlmMind(endpoint, model), StringComparer.Ordinal);
        var castings = options.CharacterModels.ToImmutableDictionary(c => (llm.Name, new EntityId(c.Key)), c => (IMind)byModel[c.Value]);
        return new MindCatalog(
        [
            new ProceduralMind(), .. Styled(), .. UserProfile.All.Select(p => new ProceduralUserSimulator(p)),
            llm, .. UserProfile.All.Select(p => new Llm.LlmUserSimulator(endpoint, p)),
        ], castings);
    }

    public IReadOnlyList<string> Names => [.. _minds.Keys];

    /// <summary>The procedural mind in each of its style profiles: <c>procedural:terse</c>, <c>procedural:lyrical</c>, ...</summary>
    private static IEnumerable<IMind> Styled() => ProceduralStyle.All.Select(s => new ProceduralMind(s));

    public IMind Resolve(string name, EntityId character) =>
        _castings.TryGetValue((name, character), out var cast) ? cast : Resolve(name);

    public IMind Resolve(string name) =>
        _minds.TryGetValue(name, out var mind)
            ? mind
            : throw new ArgumentException($"Unknown mind '{name}'; known: {string.Join(", ", _minds.Keys)}.", nameof(name));
}
