namespace WorldPlay.Core.Laws;

/// <summary>A rule every proposed event is checked against before it is committed.</summary>
public abstract class Law
{
    /// <summary>The kind as written in world files (<c>connected-moves</c>, ...).</summary>
    public abstract string Kind { get; }

    /// <summary>Null when <paramref name="proposed"/> may happen in <paramref name="state"/>; otherwise why not, in words a person can
    /// read.</summary>
    /// <param name="scenePlace">The place of the scene the event happens in, or null for an offstage event.</param>
    public abstract string? Judge(WorldState state, WorldEvent proposed, EntityId? scenePlace);

    /// <summary>Everything in <paramref name="state"/> this law forbids (empty for laws about change only).</summary>
    public virtual IEnumerable<string> Audit(WorldState state) => [];

    private protected static string NameOf(WorldState state, EntityId id) => state.Find(id)?.Name ?? id.Value;

    private protected static string PlaceName(WorldState state, EntityId? id) => id is { } p ? NameOf(state, p) : "nowhere";
}
