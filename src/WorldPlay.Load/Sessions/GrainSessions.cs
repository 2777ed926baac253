using System.Collections.Immutable;
using WorldPlay.Client;
using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Minds;

namespace WorldPlay.Load.Sessions;

/// <summary>Sessions played through the Orleans grain client, on an embedded silo or a cluster.</summary>
internal sealed class GrainSessions(
    LoadRequest request, WorldDefinition definition, SceneSpec scene, WorldPlayClient client, IGrainFactory grains) : ILoadTarget
{
    private readonly LoadRequest _request = request;
    private readonly WorldDefinition _definition = definition;
    private readonly SceneSpec _scene = scene;
    private readonly WorldPlayClient _client = client;

    public string Name => _request.Cluster is { } file ? $"cluster {file.FullName}" : "embedded";

    public string Transport => "orleans";

    public bool Embedded => _request.Cluster is null;

    public ISessionDriver Session(SessionLedger session) => new Driver(this, session);

    public Task<ImmutableArray<LoadSilo>> SilosAsync() => LoadSilos.ReadAsync(grains);

    public Task<ImmutableArray<SiloMeterReading>> MetersAsync() => SiloMeters.ReadAsync(grains);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class Driver(GrainSessions target, SessionLedger session) : ISessionDriver
    {
        private readonly WorldPlayClient _client = target._client;
        private int _attempts;

        /// <summary>A cluster under load can time out a call whose work was done, so a retried open first checks what storage
        /// holds: the keys are this session's own, so whoever created them was this session.</summary>
        public async Task<int> OpenAsync(CancellationToken cancellationToken)
        {
            var (request, scene) = (target._request, target._scene);
            var options = new SceneOptions(
                session.WorldKey, scene.Id, session.Number, request.CharacterMind, scene.User is null ? null : request.UserMind, null,
                PerspectiveBuilder.DefaultBudget);
            var retrying = ++_attempts > 1;
            if (!retrying || !await SucceedsAsync(() => _client.World(session.WorldKey).SummaryAsync()))
            {
                await _client.CreateWorldAsync(session.WorldKey, target._definition);
            }
            if (!retrying || !await SucceedsAsync(() => _client.Scene(session.SceneKey).StatusAsync()))
            {
                await _client.OpenSceneAsync(session.SceneKey, options);
            }
            return (await _client.Scene(session.SceneKey).StatusAsync()).Turn;
        }

        /// <summary>The scene grain resumes where the scene stands and never plays past the target, so a retry after a failed call
        /// neither loses nor repeats what it committed.</summary>
        public async Task<PlayedBatch> PlayUntilAsync(int target, int maxTurns, CancellationToken cancellationToken)
        {
            var batch = await _client.Scene(session.SceneKey).PlayUntilAsync(target, maxTurns, cancellationToken);
            return new PlayedBatch([.. batch.Turns.Select(t => new PlayedTurn(t.Turn, t.LatencyMs))], batch.Status.Turn);
        }

        /// <summary>Reads are safe to repeat, so they ride out a silo that is still being declared dead like the turns did.</summary>
        public async Task<StoredSession> ReadBackAsync(CancellationToken cancellationToken) =>
            await Resilience.Pipeline.ExecuteAsync(async _ =>
            {
                var turns = new List<int>();
                var usage = new ModelUsageTally();
                await foreach (var turn in _client.Scene(session.SceneKey).TranscriptAsync())
                {
                    turns.Add(turn.Turn);
                    usage.Add(turn);
                }
                var seqs = new List<long>();
                await foreach (var e in _client.World(session.WorldKey).EventsAsync())
                {
                    seqs.Add(e.Seq);
                }
                return new StoredSession(turns, seqs, usage);
            }, cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        /// <summary>Whether a read of something that may not exist yet succeeds (it throws <see cref="InvalidOperationException"/>
        /// when not).</summary>
        private static async Task<bool> SucceedsAsync<T>(Func<Task<T>> read)
        {
            try
            {
                await read();
                return true;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }
    }
}
