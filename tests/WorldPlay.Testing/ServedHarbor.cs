using System.Collections.Immutable;
using WorldPlay.Client;
using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Worlds;
using WorldPlay.Web;
using WorldPlay.Web.Studio;

namespace WorldPlay.Testing;

/// <summary>A silo serving the HTTP API and viewer on a free port, with a harbor scene played long enough for relationships
/// to change, and a branch forked from it halfway.</summary>
public sealed class ServedHarbor : IAsyncLifetime
{
    public const int Turns = 120;

    private ServedSilo? silo;

    public ServedSilo Silo => silo ?? throw new InvalidOperationException("The silo has not started.");

    public HttpClient Http { get; private set; } = new();

    public string World { get; } = $"harbor-7-{Guid.NewGuid():N}";

    public string Branch => World + "-fork";

    public int ForkTurn => Turns / 2;

    public string Scene { get; private set; } = "";

    /// <summary>The world's events, in order.</summary>
    public ImmutableArray<WorldEvent> Events { get; private set; } = [];

    async Task IAsyncLifetime.InitializeAsync()
    {
        silo = await ServedSilo.StartAsync(StudioOptions.DevelopmentMode());
        Http = new HttpClient { BaseAddress = silo.Address };
        var client = new WorldPlayClient(silo.Grains);
        var definition = WorldFiles.Load("harbor");
        var spec = definition.Scenes[0];
        var world = await client.CreateWorldAsync(World, definition);
        // The co-creating user plants relatives, places and items, so the served world also shows what play created.
        var user = spec.User is null ? null : "user-sim:co-creator";
        var scene = await client.OpenSceneAsync($"{World}/{spec.Id}", new SceneOptions(World, spec.Id, 7, "procedural", user, null, 1200));
        Scene = scene.Key;
        while ((await scene.StatusAsync()).Turn < Turns)
        {
            Assert.NotEmpty((await scene.PlayUntilAsync(Turns, 40)).Turns);
        }
        await world.ForkAsync(Branch, ForkTurn);
        var events = ImmutableArray.CreateBuilder<WorldEvent>();
        await foreach (var e in world.EventsAsync())
        {
            events.Add(e);
        }
        Events = events.ToImmutable();
    }

    /// <summary>The first event that changed the strength of a relationship an earlier turn had already set, so the turn before
    /// and the turn of the event both show the edge, with different strengths.</summary>
    public (WorldEvent Event, RelationshipChanged Change) RelationshipChange()
    {
        double? StrengthAfter(RelationshipChanged edge, int turn) => Events
            .Where(e => e.Turn <= turn
                && e.Change is RelationshipChanged r && r.From == edge.From && r.To == edge.To && r.Type == edge.Type)
            .Select(e => (double?)((RelationshipChanged)e.Change).Strength).LastOrDefault();

        return Events.Where(e => e.Change is RelationshipChanged).Select(e => (e, (RelationshipChanged)e.Change))
            .First(c => StrengthAfter(c.Item2, c.e.Turn - 1) is { } before
                && Math.Abs(before - StrengthAfter(c.Item2, c.e.Turn)!.Value) > 1e-6);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        Http.Dispose();
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }
    }
}
