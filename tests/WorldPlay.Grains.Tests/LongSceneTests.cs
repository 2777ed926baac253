using WorldPlay.Core;
using WorldPlay.Core.Scenes;

namespace WorldPlay.Grains.Tests;

/// <summary>A 1000-turn ensemble scene on a two-silo cluster, checked once and asserted from several sides.</summary>
[Collection(ClusterCollection.Name)]
public sealed class LongSceneTests(ClusterFixture fixture) : IAsyncLifetime
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static LongRun? _run;

    private sealed record LongRun(List<TurnRecord> Turns, Contracts.WorldAudit Audit, WorldDefinition Definition, List<WorldEvent> Events);

    public async Task InitializeAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_run is null)
            {
                var (world, scene, definition) = await Scenes.OpenAsync(fixture.Client, "harbor", seed: 7);
                var turns = await Scenes.PlayAsync(scene, 1000);
                var events = new List<WorldEvent>();
                await foreach (var e in world.EventsAsync())
                {
                    events.Add(e);
                }
                _run = new LongRun(turns, await world.AuditAsync(), definition, events);
            }
        }
        finally
        {
            Once.Release();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Scene_1000Turns_Completes() => Assert.Equal(1000, _run!.Turns.Count);

    [Fact]
    public void Scene_1000Turns_NoLawViolationsInState() => Assert.Empty(_run!.Audit.Violations);

    [Fact]
    public void Scene_1000Turns_EveryCastMemberSpeaks()
    {
        var spoke = _run!.Turns.Where(t => t.Accepted.Any(e => e.Change is Spoke)).Select(t => t.Speaker).ToHashSet();
        Assert.All(_run.Definition.Scenes[0].Cast, c => Assert.Contains(c, spoke));
    }

    [Fact]
    public void Scene_1000Turns_SomeRelationshipChanges() => Assert.True(_run!.Audit.RelationshipsChanged > 0);

    [Fact]
    public void Scene_1000Turns_SpeakersAreAtTheScenePlace()
    {
        var place = _run!.Definition.Scenes[0].Place;
        var speeches = _run.Events.Where(e => e.Change is Spoke).ToList();
        Assert.All(speeches, e => Assert.Equal(place, e.Place));
    }

    [Fact]
    public void Scene_1000Turns_CausesPointToEarlierEvents() =>
        Assert.All(_run!.Events, e => Assert.All(e.Causes, c => Assert.InRange(c, 1, e.Seq - 1)));

    [Fact]
    public void Scene_1000Turns_PerspectiveDoesNotGrow()
    {
        var tokens = _run!.Turns.Where(t => t.PerspectiveTokens > 0).ToList();
        var first = tokens.Where(t => t.Turn <= 100).Average(t => t.PerspectiveTokens);
        var last = tokens.Where(t => t.Turn > 900).Average(t => t.PerspectiveTokens);
        Assert.True(last <= 1.25 * first, $"last 100 turns averaged {last:0} tokens, first 100 {first:0}");
    }
}
