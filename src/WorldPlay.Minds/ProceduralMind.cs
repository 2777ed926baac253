using WorldPlay.Core;
using WorldPlay.Core.Minds;
using WorldPlay.Minds.Procedural;

namespace WorldPlay.Minds;

/// <summary>A deterministic, offline character mind built from a phrase grammar: speech in the persona's voice that answers
/// the line heard, names those present by their ties, and ends on a hook; now and then a proposed change to the world.
/// The same perspective (seed included) always gives the same action. Not a language model.</summary>
public sealed class ProceduralMind : IMind
{
    internal const string MindName = "procedural";

    public string Name => MindName;

    public Task<CharacterAction> DecideAsync(Perspective perspective, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Decide(perspective));
    }

    /// <summary>The action for <paramref name="perspective"/>, synchronously.</summary>
    public static CharacterAction Decide(Perspective perspective)
    {
        ArgumentNullException.ThrowIfNull(perspective);
        if (perspective.Cue.Offstage)
        {
            return WalkBack(perspective);
        }
        return new CharacterTurn(perspective).Decide();
    }

    /// <summary>The exit that leads back toward the scene: the scene's place when it is next door, otherwise the nearest
    /// exit (fewest minutes, then id); null when already there or there is no way out. A perspective holds exits, not the
    /// map, so the grain that knows the map may give a better next step.</summary>
    public static EntityId? WayBack(Perspective perspective)
    {
        ArgumentNullException.ThrowIfNull(perspective);
        if (perspective.Place.Id == perspective.Cue.ScenePlace)
        {
            return null;
        }
        var exits = perspective.Place.Exits.IsDefault ? [] : perspective.Place.Exits;
        if (exits.Any(e => e.To == perspective.Cue.ScenePlace))
        {
            return perspective.Cue.ScenePlace;
        }
        return exits.OrderBy(e => e.Minutes).ThenBy(e => e.To).Select(e => (EntityId?)e.To).FirstOrDefault();
    }

    private static CharacterAction WalkBack(Perspective perspective) =>
        new(
            "",
            "",
            [],
            WayBack(perspective) is { } next ? [Proposal.Of(perspective.Self, new Moved(next))] : [],
            MindUsage.Free(MindName));
}
