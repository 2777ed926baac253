using System.Collections.Immutable;

namespace WorldPlay.Core.Laws;

/// <summary>The laws of one world: the always-on integrity rule plus the laws its setting declares.</summary>
public sealed class LawBook
{
    /// <summary>Every law kind a world file may declare, with what it means.</summary>
    public static readonly ImmutableSortedDictionary<string, string> Kinds = new Dictionary<string, string>
    {
        ["one-place-at-a-time"] = "a character or item is at exactly one place; an item may instead be held",
        ["connected-moves"] = "walking only along connected places; longer journeys are travel events that take time",
        ["holder-gives"] = "only the holder gives an item, to someone at the same place",
        ["dead-do-not-act"] = "the dead (and missing) do not act or receive",
        ["present-to-act"] = "only those at the scene's place act or speak in it, and only to those present",
        ["forbidden-concepts"] = "concepts listed in 'concepts' never enter the world through speech or facts",
        ["relationship-strength-bounds"] = "relationship strength stays within [-1, 1]",
    }.ToImmutableSortedDictionary(StringComparer.Ordinal);

    private readonly ImmutableArray<Law> _laws;

    public LawBook(IEnumerable<Law> declared) => _laws = [new IntegrityLaw(), .. declared];

    public IReadOnlyList<Law> Laws => _laws;

    /// <summary>The laws a setting declares. Throws <see cref="ArgumentException"/> naming an unknown kind.</summary>
    public static LawBook For(WorldSetting setting) => new(setting.Laws.Select(Create));

    public static Law Create(LawSpec spec) => spec.Kind switch
    {
        "one-place-at-a-time" => new OnePlaceAtATime(),
        "connected-moves" => new ConnectedMoves(),
        "holder-gives" => new HolderGives(),
        "dead-do-not-act" => new DeadDoNotAct(),
        "present-to-act" => new PresentToAct(),
        "forbidden-concepts" => new ForbiddenConcepts(spec.Concepts.IsDefault ? [] : spec.Concepts),
        "relationship-strength-bounds" => new RelationshipStrengthBounds(),
        _ => throw new ArgumentException(
            $"Unknown law kind '{spec.Kind}'; known kinds: {string.Join(", ", Kinds.Keys)}.", nameof(spec)),
    };

    /// <summary>The first law that refuses <paramref name="proposed"/>, with its reason; null when all allow it.</summary>
    public (string Law, string Reason)? Judge(WorldState state, WorldEvent proposed, EntityId? scenePlace)
    {
        foreach (var law in _laws)
        {
            if (law.Judge(state, proposed, scenePlace) is { } reason)
            {
                return (law.Kind, reason);
            }
        }
        return null;
    }

    /// <summary>Everything in <paramref name="state"/> that any law forbids.</summary>
    public IEnumerable<string> Audit(WorldState state) => _laws.SelectMany(l => l.Audit(state).Select(v => $"{l.Kind}: {v}"));
}
