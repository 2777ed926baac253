using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Scenes;

namespace WorldPlay.Web.Studio.Streaming;

/// <summary>How often a scene's streams look at the grain for turns played elsewhere, how often they say they are alive, and how
/// many messages a client may leave unread before it is let go.</summary>
public sealed record StudioStreamOptions
{
    /// <summary>While a stream of a scene is open, how often the scene's grain is asked how far it has played: turns played through
    /// another silo or a grain client reach the stream at least this fast.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a quiet stream sends <c>ping</c> (a WebSocket) or a comment (Server-Sent Events).</summary>
    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Messages queued for one client beyond which it is disconnected, to reconnect after the last turn it saw.</summary>
    public int MaxQueuedMessages { get; init; } = 4096;
}

/// <summary>The open streams of every scene on this server: speech and committed turns of calls made here go straight to them, and
/// while a scene has a stream open its grain is polled for turns played anywhere else.</summary>
public sealed class SceneFeed(IGrainFactory grains, StudioStreamOptions options, ILogger<SceneFeed> logger) : ISceneFeed
{
    private readonly Dictionary<string, SceneChannel> _scenes = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public ISceneListener? ListenerFor(string internalSceneKey)
    {
        lock (_gate)
        {
            return _scenes.TryGetValue(internalSceneKey, out var scene) ? scene.Reference : null;
        }
    }

    public void Committed(string internalSceneKey, ImmutableArray<TurnRecord> turns)
    {
        SceneChannel? scene;
        lock (_gate)
        {
            _scenes.TryGetValue(internalSceneKey, out scene);
        }
        if (scene is not null && !turns.IsDefaultOrEmpty)
        {
            scene.Deliver(turns);
        }
    }

    /// <summary>Opens a stream of scene <paramref name="internalSceneKey"/> that starts with <paramref name="ready"/>, then sends
    /// every committed turn after <see cref="ReadyMessage.After"/>: those already played (read from the transcript) and the live
    /// ones.</summary>
    internal async Task<SceneStream> OpenAsync(string internalSceneKey, ReadyMessage ready)
    {
        SceneStream stream;
        SceneChannel scene;
        lock (_gate)
        {
            if (!_scenes.TryGetValue(internalSceneKey, out scene!))
            {
                _scenes[internalSceneKey] = scene = new SceneChannel(grains, internalSceneKey, options.PollInterval, logger);
            }
            stream = new SceneStream(scene, ready, options.MaxQueuedMessages);
            scene.Add(stream);
        }
        // Read after the stream is registered, so every turn committed since the ready message was made is either here or heard.
        try
        {
            await stream.CatchUpAsync((await scene.Grain.Status()).Turn);
        }
        catch
        {
            Close(internalSceneKey, stream);
            throw;
        }
        return stream;
    }

    /// <summary>Ends a stream; the scene's listener and poll end with its last stream.</summary>
    internal void Close(string internalSceneKey, SceneStream stream)
    {
        stream.Complete();
        lock (_gate)
        {
            if (_scenes.TryGetValue(internalSceneKey, out var scene) && scene.Remove(stream))
            {
                _scenes.Remove(internalSceneKey);
                scene.Dispose();
            }
        }
    }
}

/// <summary>One scene's open streams, the listener its calls pass to the grain, and the poll of the grain.</summary>
internal sealed class SceneChannel : ISceneListener, IDisposable
{
    /// <summary>The most turns one read of the transcript asks for.</summary>
    public const int TranscriptPage = 200;

    private readonly IGrainFactory _grains;
    private readonly string _key;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _polling = new();
    private ImmutableArray<SceneStream> _streams = [];
    private WorldState? _names;
    private string? _world;

    public SceneChannel(IGrainFactory grains, string key, TimeSpan pollInterval, ILogger logger)
    {
        _grains = grains;
        _key = key;
        _logger = logger;
        Grain = grains.GetGrain<ISceneGrain>(key);
        // The grain holds the listener weakly; this channel holds it for as long as a stream is open.
        Reference = grains.CreateObjectReference<ISceneListener>(this);
        _ = PollAsync(pollInterval, _polling.Token);
    }

    public ISceneGrain Grain { get; }

    /// <summary>What a call on this scene passes to the grain so its speech reaches the streams.</summary>
    public ISceneListener Reference { get; }

    public void Add(SceneStream stream) => ImmutableInterlocked.Update(ref _streams, s => s.Add(stream));

    /// <summary>Removes a stream; true when it was the last.</summary>
    public bool Remove(SceneStream stream) => ImmutableInterlocked.Update(ref _streams, s => s.Remove(stream)) && _streams.IsEmpty;

    Task ISceneListener.Speaking(SpeechPiece piece)
    {
        foreach (var stream in _streams)
        {
            stream.Hear(piece);
        }
        return Task.CompletedTask;
    }

    Task ISceneListener.Played(TurnRecord turn)
    {
        Deliver([turn]);
        return Task.CompletedTask;
    }

    /// <summary>Hands committed turns to every stream, without waiting: a stream that must read a gap does so on its own.</summary>
    public void Deliver(IReadOnlyList<TurnRecord> turns)
    {
        foreach (var stream in _streams)
        {
            _ = Observe(stream.DeliverAsync(turns));
        }
    }

    /// <summary>Up to <paramref name="max"/> committed turns from <paramref name="fromTurn"/> on.</summary>
    public async Task<ImmutableArray<TurnRecord>> TranscriptAsync(int fromTurn, int max) =>
        (await Grain.Transcript(fromTurn, Math.Clamp(max, 1, TranscriptPage))).Turns;

    /// <summary>The names of what <paramref name="turns"/> mention, from the world's state, read again only when it does not know
    /// one of them yet (created in play since).</summary>
    public async Task<Func<EntityId, string>> NamesAsync(IReadOnlyList<TurnRecord> turns)
    {
        var state = _names;
        var events = turns.SelectMany(t => t.Accepted).ToList();
        var newest = events.Count == 0 ? 0 : events.Max(e => e.Seq);
        if (state is null || (state.Version < newest && events.Any(e => Mentions(e).Any(id => state.Find(id) is null))))
        {
            _world ??= (await Grain.Status()).WorldKey;
            _names = state = (await _grains.GetGrain<IWorldGrain>(_world).StateAfterTurn(-1)).State;
        }
        return id => state.Find(id)?.Name ?? id.Value;
    }

    public void Dispose()
    {
        _polling.Cancel();
        _polling.Dispose();
        foreach (var stream in _streams)
        {
            stream.Complete();
        }
        _grains.DeleteObjectReference<ISceneListener>(Reference);
    }

    private static IEnumerable<EntityId> Mentions(WorldEvent e) =>
        e.Change is EntityCreated c ? [e.Actor, c.Id, .. c.References()] : [e.Actor, .. e.Change.References()];

    /// <summary>Turns played where this server did not hear them (another silo, a grain client) reach the streams from here.</summary>
    private async Task PollAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var streams = _streams;
                if (streams.IsEmpty)
                {
                    continue;
                }
                try
                {
                    var turn = (await Grain.Status()).Turn;
                    var from = streams.Min(s => s.LastSent) + 1;
                    while (from <= turn && !cancellationToken.IsCancellationRequested)
                    {
                        var page = await TranscriptAsync(from, turn - from + 1);
                        if (page.IsEmpty)
                        {
                            break;
                        }
                        await Task.WhenAll(streams.Select(s => Observe(s.DeliverAsync(page))));
                        from = page[^1].Turn + 1;
                    }
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    _logger.LogWarning("Polling scene {Scene} for its streams failed ({Error}); trying again.", _key, e.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>A delivery that fails (the grain unreachable a moment) is logged; the next poll delivers what it could not.</summary>
    private async Task Observe(Task delivery)
    {
        try
        {
            await delivery;
        }
        catch (Exception e)
        {
            _logger.LogDebug("Delivering turns of scene {Scene} to a stream failed ({Error}); the next poll tries again.", _key, e.Message);
        }
    }
}
