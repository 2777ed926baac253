using WorldPlay.Contracts;
using WorldPlay.Core.Scenes;

namespace WorldPlay.Synthesis.Sessions;

/// <summary>Where a session stands: the world (or branch) and scene it goes on in, the turns kept so far and the scene's
/// status after the last of them.</summary>
/// <param name="Unregenerable">A turn that cannot be regenerated on this scene: the first turn a reseeded branch replayed (the
/// scene grain hands a regeneration of that turn to its parent), or 0.</param>
internal sealed class ScenePath(string world, string scene, IEnumerable<TurnRecord> kept, SceneStatus status, int unregenerable = 0)
{
    public string World { get; set; } = world;

    public string Scene { get; set; } = scene;

    public List<TurnRecord> Kept { get; } = [.. kept];

    public SceneStatus Status { get; set; } = status;

    public int Unregenerable { get; } = unregenerable;

    /// <summary>The last turn kept (0 before the first).</summary>
    public int Turn => Kept.Count == 0 ? 0 : Kept[^1].Turn;
}
