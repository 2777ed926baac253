using System.Collections.Immutable;
using System.Text.Json;
using WorldPlay.Contracts;
using WorldPlay.Core;

namespace WorldPlay.Web.Studio;

// The studio API's messages, as JSON carries them (camelCase, enums kebab-case, world changes with their "kind").
// docs/studio-api.md is their reference; the OpenAPI document describes them too.

/// <summary>Creates world <see cref="Key"/> from a sample (<see cref="Sample"/>) or from a world file's content (<see cref="World"/>).
/// </summary>
public sealed record CreateWorldRequest(string Key, string? Sample = null, JsonElement? World = null);

/// <summary>Opens scene <see cref="Scene"/> of a world (default: its first). <see cref="UserMind"/> null: a person plays the user
/// through say; otherwise a simulated user (<c>user-sim:PROFILE</c>) plays it.</summary>
public sealed record OpenSceneRequest(
    string? Scene = null, int Seed = 1, string? Mind = null, string? UserMind = null, string? TurnTaking = null);

/// <summary>The player says <see cref="Text"/>, with what it creates or declares (<see cref="Proposals"/>), and may name the
/// character who answers first (<see cref="Next"/>).</summary>
public sealed record SayRequest(string Text, ImmutableArray<Proposal>? Proposals = null, string? Next = null);

/// <summary>The characters talk among themselves for <see cref="Turns"/> turns.</summary>
public sealed record ConverseRequest(int Turns);

/// <summary>Character <see cref="Speaker"/> speaks the next turn.</summary>
public sealed record NextRequest(string Speaker);

/// <summary>Something happened in the game's own world: <see cref="Changes"/> made by <see cref="Actor"/> (default: the player's
/// character), told in <see cref="Text"/>, judged by the laws; with <see cref="Reply"/> the characters answer it.</summary>
public sealed record TriggerRequest(ImmutableArray<WorldChange> Changes, string? Actor = null, string? Text = null, bool Reply = false);

/// <summary>Goes on from turn <see cref="AtTurn"/> on a new branch <see cref="Key"/> (default: generated); the scene as it was stays
/// readable.</summary>
public sealed record ForkSceneRequest(int AtTurn, string? Key = null);

/// <summary>Keeps the alternative played on scene <see cref="Scene"/>.</summary>
public sealed record ChooseRequest(string Scene);

/// <summary>A scene as a game sees it: where, who is there, whose turn, how far.</summary>
public sealed record SceneView(
    string Scene, string World, string SceneId, string Place, ImmutableArray<string> Cast, ImmutableArray<string> Present,
    string? User, int Turn)
{
    public static SceneView Of(SceneStatus status, Func<string, string> external) => new(
        external(status.SceneKey), external(status.WorldKey), status.SceneId, status.Place.Value,
        [.. status.Cast.Select(c => c.Value)], [.. status.Present.Select(c => c.Value)], status.User?.Value, status.Turn);
}

/// <summary>What a call that plays turns answers: the turns committed, in order, and the scene after them.</summary>
public sealed record TurnsAnswer(ImmutableArray<TurnView> Turns, SceneView Scene);

/// <summary>What the REST endpoints and the streaming commands do to scenes, on behalf of a caller: every key is the caller's
/// own (<see cref="TenantKeys"/>), every mutating call is idempotent under its key, and a <paramref name="listener"/> hears
/// speech as it is produced. Errors a caller can cause are <see cref="ArgumentException"/> (400),
/// <see cref="KeyNotFoundException"/> (404) or <see cref="StudioRefusal"/> (a status and a message).</summary>
public interface IStudioScenes
{
    Task<SceneView> OpenAsync(StudioCaller caller, string world, OpenSceneRequest request, string? idempotencyKey);

    Task<TurnsAnswer> SayAsync(StudioCaller caller, string scene, SayRequest request, string? idempotencyKey,
        ISceneListener? listener = null);

    Task<TurnsAnswer> ConverseAsync(StudioCaller caller, string scene, ConverseRequest request, string? idempotencyKey,
        ISceneListener? listener = null);

    Task<TurnsAnswer> NextAsync(StudioCaller caller, string scene, NextRequest request, string? idempotencyKey,
        ISceneListener? listener = null);

    Task<TurnsAnswer> TriggerAsync(StudioCaller caller, string scene, TriggerRequest request, string? idempotencyKey,
        ISceneListener? listener = null);

    Task<SceneView> StatusAsync(StudioCaller caller, string scene);

    /// <summary>Up to <paramref name="max"/> committed turns from <paramref name="fromTurn"/> on.</summary>
    Task<ImmutableArray<TurnView>> TranscriptAsync(StudioCaller caller, string scene, int fromTurn, int max);

    /// <summary>Creates a world from a sample or a world file (its problems: a <see cref="WorldFileRefusal"/>).</summary>
    Task<StudioWorld> CreateWorldAsync(StudioCaller caller, CreateWorldRequest request, string? idempotencyKey);

    /// <summary>Closes a scene: it frees its concurrent-scene slot, stays readable, and is played again only once reopened.</summary>
    Task CloseAsync(StudioCaller caller, string scene);

    Task<AlternativesView> RegenerateAsync(StudioCaller caller, string scene, string? idempotencyKey);

    /// <summary>Keeps the alternative played on <see cref="ChooseRequest.Scene"/>; answers that scene, to go on with.</summary>
    Task<SceneView> ChooseAsync(StudioCaller caller, string scene, ChooseRequest request, string? idempotencyKey);

    /// <summary>Forks the scene's world after a turn and opens the scene's continuation on the new branch.</summary>
    Task<SceneView> ForkAsync(StudioCaller caller, string scene, ForkSceneRequest request, string? idempotencyKey);

    Task<MemoryAnswer> MemoryAsync(StudioCaller caller, string world, string character);
}

/// <summary>A world file that cannot be used (400), with each of the world loader's problems.</summary>
public sealed class WorldFileRefusal(IReadOnlyList<string> problems)
    : ArgumentException("world: the world file has problems: " + string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>A refusal with its HTTP status (403, 404, 409, 413, 422, 429) and a message a game can show.</summary>
public sealed class StudioRefusal(int status, string message, TimeSpan? retryAfter = null) : Exception(message)
{
    public int Status { get; } = status;

    /// <summary>For 429: when to try again.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>What the streams hear of the turns played through this server, whoever asked for them: the REST calls pass
/// <see cref="ListenerFor"/> to the scene grain (so open streams hear the speech as it is produced) and hand the committed
/// turns to <see cref="Committed"/> (so no stream misses one whose one-way message was lost).</summary>
public interface ISceneFeed
{
    /// <summary>A listener for a call on scene <paramref name="internalSceneKey"/> (a grain key), or null when nobody listens.
    /// </summary>
    ISceneListener? ListenerFor(string internalSceneKey);

    /// <summary>Turns of scene <paramref name="internalSceneKey"/> that a call has committed, in order.</summary>
    void Committed(string internalSceneKey, ImmutableArray<Core.Scenes.TurnRecord> turns);
}
