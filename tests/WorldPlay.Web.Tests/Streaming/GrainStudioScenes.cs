using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Web.Studio;

namespace WorldPlay.Web.Tests.Streaming;

/// <summary>A test-only <see cref="IStudioScenes"/> with just what the stream tests call: it plays through the grains with the
/// stream's listener and hands the committed turns to the <see cref="ISceneFeed"/>, as the real one does. Delete this file (and
/// its registration in <see cref="StreamSilo"/>) when the rest lane's StudioSceneService is merged.</summary>
internal sealed class GrainStudioScenes(IGrainFactory grains, ISceneFeed feed) : IStudioScenes
{
    public static void Add(IServiceCollection services) => services.AddSingleton<IStudioScenes, GrainStudioScenes>();

    public Task<SceneView> OpenAsync(StudioCaller caller, string world, OpenSceneRequest request, string? idempotencyKey) =>
        throw new NotSupportedException("The stream tests open scenes through the grains.");

    public async Task<TurnsAnswer> SayAsync(StudioCaller caller, string scene, SayRequest request, string? idempotencyKey,
        ISceneListener? listener = null)
    {
        var key = TenantKeys.Internal(caller.Tenant, scene);
        await StatusAsync(caller, scene);
        return await AnswerAsync(caller, key,
            await Grain(key).Say(new UserLine(request.Text ?? "", request.Proposals ?? []), listener));
    }

    public async Task<TurnsAnswer> ConverseAsync(StudioCaller caller, string scene, ConverseRequest request, string? idempotencyKey,
        ISceneListener? listener = null)
    {
        var key = TenantKeys.Internal(caller.Tenant, scene);
        await StatusAsync(caller, scene);
        return await AnswerAsync(caller, key, await Grain(key).Converse(request.Turns, listener));
    }

    public async Task<TurnsAnswer> NextAsync(StudioCaller caller, string scene, NextRequest request, string? idempotencyKey,
        ISceneListener? listener = null)
    {
        var key = TenantKeys.Internal(caller.Tenant, scene);
        await StatusAsync(caller, scene);
        if (!EntityId.IsSlug(request.Speaker ?? ""))
        {
            throw new ArgumentException($"speaker '{request.Speaker}' is not a character id, such as mira.");
        }
        return await AnswerAsync(caller, key, await Grain(key).PlayNext(new EntityId(request.Speaker!), listener));
    }

    public Task<TurnsAnswer> TriggerAsync(StudioCaller caller, string scene, TriggerRequest request, string? idempotencyKey,
        ISceneListener? listener = null) =>
        throw new NotSupportedException("The stream tests play no triggers.");

    public async Task<SceneView> StatusAsync(StudioCaller caller, string scene)
    {
        try
        {
            return SceneView.Of(await Grain(TenantKeys.Internal(caller.Tenant, scene)).Status(), Outside(caller));
        }
        catch (InvalidOperationException)
        {
            throw new KeyNotFoundException($"Unknown scene '{scene}'.");
        }
    }

    public Task<ImmutableArray<TurnView>> TranscriptAsync(StudioCaller caller, string scene, int fromTurn, int max) =>
        throw new NotSupportedException("The stream tests read transcripts through the stream.");

    private ISceneGrain Grain(string key) => grains.GetGrain<ISceneGrain>(key);

    private static Func<string, string> Outside(StudioCaller caller) => key => TenantKeys.External(caller.Tenant, key) ?? key;

    private async Task<TurnsAnswer> AnswerAsync(StudioCaller caller, string key, TurnBatch batch)
    {
        feed.Committed(key, batch.Turns);
        var state = (await grains.GetGrain<IWorldGrain>(batch.Status.WorldKey).StateAfterTurn(-1)).State;
        return new TurnsAnswer([.. batch.Turns.Select(t => TurnView.Of(t, id => state.Find(id)?.Name ?? id.Value))],
            SceneView.Of(batch.Status, Outside(caller)));
    }
}
