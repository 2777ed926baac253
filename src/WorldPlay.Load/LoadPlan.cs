using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WorldPlay.Client;
using WorldPlay.Core;
using WorldPlay.Core.Worlds;
using WorldPlay.Hosting;
using WorldPlay.Load.Sessions;

namespace WorldPlay.Load;

/// <summary>A load run ready to play: its request, the world cut to the requested cast, and the cluster it loads (none: an
/// embedded silo in this process). Making one reads the world and the cluster file, so a mistake in either shows before any
/// silo starts.</summary>
public sealed class LoadPlan
{
    private readonly LoadRequest _request;
    private readonly WorldDefinition _definition;
    private readonly SceneSpec _scene;
    private readonly ClusterFile? _connection;
    private readonly JsonObject? _worldFile;

    private LoadPlan(LoadRequest request, WorldDefinition definition, SceneSpec scene, ClusterFile? connection, JsonObject? worldFile) =>
        (_request, _definition, _scene, _connection, _worldFile) = (request, definition, scene, connection, worldFile);

    /// <summary>Reads the request's world (a sample name or a file) and, with <see cref="LoadRequest.Cluster"/>, its cluster
    /// file.</summary>
    public static LoadPlan Of(LoadRequest request)
    {
        var (definition, scene) = LoadWorld.Trimmed(WorldFiles.Load(request.World), request.Characters);
        var connection = request.Cluster is { } file ? ClusterFile.Read(file.FullName) : null;
        // The API takes the world as a file in the body: the same file, its scene cut to the same cast.
        var worldFile = request.Api is null ? null : LoadWorld.TrimmedFile(WorldFiles.Text(request.World), scene);
        return new LoadPlan(request, definition, scene, connection, worldFile);
    }

    /// <summary>Starts the embedded silo or connects to the cluster (or, with <see cref="LoadRequest.Api"/>, the studio API), plays
    /// every session, reads them back from storage, and
    /// stops. Progress lines and a silo kill (only with <paramref name="silos"/>) are written to <paramref name="progress"/>.</summary>
    public async Task<LoadReport> PlayAsync(IKillableSilos? silos, TextWriter progress, CancellationToken cancellationToken)
    {
        if (_request.Api is { } api)
        {
            await using var sessions = new ApiSessions(_request, _worldFile!, _scene, api);
            var apiRun = new LoadRun(_request, _definition, sessions, new LoadMeter(), null, progress);
            return await apiRun.PlayAndVerifyAsync(cancellationToken);
        }
        var languageModel = _request.LanguageModel is { } llm && _request.ModelConcurrency is { } limit
            ? llm with { MaxConcurrentRequests = limit }
            : _request.LanguageModel;
        using var host = _connection is null
            ? await WorldPlaySilo.StartEmbeddedAsync(
                cancellationToken: cancellationToken, languageModel: languageModel, turnGate: _request.TurnGate)
            : await WorldPlayClientHosting.ConnectAsync(_connection, cancellationToken: cancellationToken);
        try
        {
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            var meter = new LoadMeter();
            var client = new WorldPlayClient(grains, Resilience.Create(onInterrupted: meter.Retried));
            await using var sessions = new GrainSessions(_request, _definition, _scene, client, grains);
            var run = new LoadRun(_request, _definition, sessions, meter, silos, progress);
            return await run.PlayAndVerifyAsync(cancellationToken);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
