using System.Collections.Immutable;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WorldPlay.Contracts;
using WorldPlay.Core.Scenes;
using WorldPlay.Web.Studio;
using static WorldPlay.Web.Tests.StudioSilo;

namespace WorldPlay.Web.Tests;

/// <summary>A retry that arrives while the first request still runs is told to wait: the first is held inside its call (the scene
/// feed is asked for a listener there) until the retry has its answer.</summary>
public sealed class StudioRetryTests : IAsyncLifetime
{
    private readonly HeldFeed feed = new();
    private ServedSilo? silo;

    async Task IAsyncLifetime.InitializeAsync() => silo = await ServedSilo.StartAsync(StudioOptions.DevelopmentMode(), services: s =>
    {
        HeaderTenants.Add(s);
        s.AddSingleton<ISceneFeed>(feed);
    });

    async Task IAsyncLifetime.DisposeAsync()
    {
        feed.Release.Release(10);
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }
    }

    [Fact]
    public async Task Say_RetriedWhileTheFirstRuns_Is409WithRetryAfterAndTheFirstStillAnswers()
    {
        using var acme = HeaderTenants.Client(silo!.Address, "acme");
        var (_, scene) = await OpenHarborAsync(acme);
        feed.Held = "acme." + scene;
        var key = Guid.NewGuid().ToString();
        var first = PostAsync(acme, $"/api/scenes/{Path(scene)}/say", new { text = "Evening." }, key);
        await feed.Entered.Task;

        var (status, _, response) = await PostAsync(acme, $"/api/scenes/{Path(scene)}/say", new { text = "Evening." }, key);
        feed.Release.Release();

        Assert.Equal((HttpStatusCode.Conflict, true, HttpStatusCode.OK),
            (status, response.Headers.RetryAfter?.Delta > TimeSpan.Zero, (await first).Status));
    }

    /// <summary>Holds the call on scene <see cref="Held"/> where it asks for a listener, until released.</summary>
    private sealed class HeldFeed : ISceneFeed
    {
        public string? Held { get; set; }

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public SemaphoreSlim Release { get; } = new(0);

        public ISceneListener? ListenerFor(string internalSceneKey)
        {
            if (internalSceneKey == Held)
            {
                Entered.TrySetResult();
                Release.Wait(TimeSpan.FromMinutes(1));
            }
            return null;
        }

        public void Committed(string internalSceneKey, ImmutableArray<TurnRecord> turns)
        {
        }
    }
}
