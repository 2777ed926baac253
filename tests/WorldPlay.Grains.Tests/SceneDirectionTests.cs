using System.Collections.Immutable;
using WorldPlay.Client;
using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Scenes;
using WorldPlay.Core.Worlds;

namespace WorldPlay.Grains.Tests;

/// <summary>The ensemble takes direction: the cast follows presence, the caller names the next speaker or lets the characters talk
/// among themselves, and a line to someone elsewhere is bridged with narration.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SceneDirectionTests(ClusterFixture fixture)
{
    private static readonly EntityId Greaves = "greaves";
    private static readonly EntityId Mira = "mira";
    private static readonly EntityId Tavern = "gull-and-kettle";
    private static readonly EntityId Quay = "long-quay";
    private static readonly EntityId Office = "harbor-office";

    /// <summary>The harbor world with Hald Greaves at the harbor office, out of the scene's cast, and the scene opened for a person.
    /// </summary>
    private async Task<(string WorldKey, SceneHandle Scene)> OpenWithGreavesAwayAsync(string mind = "procedural", int seed = 3)
    {
        var harbor = WorldFiles.Load("harbor");
        var spec = harbor.Scenes[0];
        var definition = harbor with
        {
            Entities = [.. harbor.Entities.Select(e => e.Id == Greaves ? e with { Location = Office } : e)],
            Scenes = [spec with { Cast = [.. spec.Cast.Where(c => c != Greaves)] }],
        };
        var key = $"harbor-direction-{Guid.NewGuid():N}";
        await fixture.Client.CreateWorldAsync(key, definition);
        var scene = await fixture.Client.OpenSceneAsync($"{key}/{spec.Id}", new SceneOptions(key, spec.Id, seed, mind, null, null, 1200));
        return (key, scene);
    }

    /// <summary>Greaves walks along a path outside the scene, as another scene or a tool would move him.</summary>
    private async Task WalkGreavesAsync(string worldKey, SceneHandle scene, params EntityId[] steps)
    {
        var world = fixture.Cluster.Client.GetGrain<IWorldGrain>(worldKey);
        var turn = (await Status(scene)).Turn;
        foreach (var (step, i) in steps.Select((s, i) => (s, i)))
        {
            var receipt = await world.Commit(new CommitRequest($"walk-{Guid.NewGuid():N}", turn, null, true,
                [Proposal.Of(Greaves, new Moved(step))]));
            Assert.True(receipt.Rejected.IsEmpty,
                $"step {i} to {step} refused: {string.Join("; ", receipt.Rejected.Select(r => r.Reason))}");
        }
    }

    private Task<SceneStatus> Status(SceneHandle scene) => fixture.Cluster.Client.GetGrain<ISceneGrain>(scene.Key).Status();

    [Fact]
    public async Task Cast_ACharacterWalksIn_JoinsAndTheTurnNarratesIt()
    {
        var (world, scene) = await OpenWithGreavesAwayAsync();
        await WalkGreavesAsync(world, scene, Quay, Tavern);

        var turn = await scene.PlayNextAsync(Mira);

        Assert.Equal((true, true), ((await Status(scene)).Cast.Contains(Greaves), turn.Narration.Contains("Hald Greaves walks in.")));
    }

    [Fact]
    public async Task PlayNext_ACharacterWhoWalkedIn_SpeaksTheNextTurn()
    {
        var (world, scene) = await OpenWithGreavesAwayAsync();
        await WalkGreavesAsync(world, scene, Quay, Tavern);
        await scene.PlayNextAsync(Mira);

        var turn = await scene.PlayNextAsync(Greaves);

        Assert.Equal((Greaves, TurnRole.Npc), (turn.Speaker, turn.Role));
    }

    [Fact]
    public async Task Cast_OneWhoJoinedWalksOut_LeavesAndTheTurnNarratesIt()
    {
        var (world, scene) = await OpenWithGreavesAwayAsync();
        await WalkGreavesAsync(world, scene, Quay, Tavern);
        await scene.PlayNextAsync(Mira);
        await WalkGreavesAsync(world, scene, Quay);

        var turn = await scene.PlayNextAsync(Mira);

        Assert.Equal((false, true), ((await Status(scene)).Cast.Contains(Greaves), turn.Narration.Contains("Hald Greaves leaves.")));
    }

    [Fact]
    public async Task PlayNext_ACharacterAway_IsRefusedNamingWhoCanSpeak()
    {
        var (_, scene) = await OpenWithGreavesAwayAsync();

        var e = await Assert.ThrowsAsync<ArgumentException>(() => scene.PlayNextAsync(Greaves));

        Assert.Contains("who can speak: mira (Mira Haskel), tomas (Tomas Haskel)", e.Message);
    }

    [Fact]
    public async Task PlayNext_SomeoneUnknown_IsRefusedNamingWhoCanSpeak()
    {
        var (_, scene) = await OpenWithGreavesAwayAsync();

        var e = await Assert.ThrowsAsync<ArgumentException>(() => scene.PlayNextAsync("nobody"));

        Assert.Contains("'nobody' cannot speak next", e.Message);
    }

    [Fact]
    public async Task PlayNext_TheUser_IsRefused()
    {
        var (_, scene) = await OpenWithGreavesAwayAsync();

        var e = await Assert.ThrowsAsync<ArgumentException>(() => scene.PlayNextAsync("wren"));

        Assert.Contains("wren is the user", e.Message);
    }

    [Fact]
    public async Task PlayNext_ACastMemberHere_SpeaksTheNextTurnWhoeverTurnTakingWouldPick()
    {
        var (_, scene, _) = await Scenes.OpenAsync(fixture.Client, userMind: null, seed: 11);

        var turns = new List<TurnRecord> { await scene.PlayNextAsync("oren"), await scene.PlayNextAsync("oren") };

        Assert.Equal(["oren", "oren"], turns.Select(t => t.Speaker.Value));
    }

    [Fact]
    public async Task Converse_InAScenePlayedByAPerson_PlaysTheTurnsWithoutTheUser()
    {
        var (_, scene, _) = await Scenes.OpenAsync(fixture.Client, userMind: null, seed: 12);

        var turns = await scene.ConverseAsync(12);

        Assert.Equal((12, 0), (turns.Length, turns.Count(t => t.Role == TurnRole.User)));
    }

    [Fact]
    public async Task Converse_InSelfPlay_TheUserSimulatorNeverPlays()
    {
        var (_, scene, _) = await Scenes.OpenAsync(fixture.Client, seed: 13);

        var turns = await scene.ConverseAsync(30);

        Assert.Equal((30, 0), (turns.Length, turns.Count(t => t.Role == TurnRole.User)));
    }

    [Fact]
    public async Task Bridge_ALineToSomeoneElsewhere_BecomesANarratedLawfulJourneyAndNoSpeechIsRefused()
    {
        var (_, scene) = await OpenWithGreavesAwayAsync(CallingOutMind.CallsGreaves);

        var turn = await scene.PlayNextAsync(Mira);

        Assert.Equal(
            ("travelled:harbor-office", 0, 0, "Later, at the Harbor Office, Mira Haskel finds Hald Greaves."),
            (string.Join(",", turn.Accepted.Select(e => $"{e.Change.Kind}:{(e.Change as Travelled)?.To}")), turn.Rejected.Length,
                turn.Accepted.Count(e => e.Change is Spoke), turn.Narration));
    }

    [Fact]
    public async Task Bridge_TheJourney_TakesTheRoutesMinutesOnTheStoryClock()
    {
        var (world, scene) = await OpenWithGreavesAwayAsync(CallingOutMind.CallsGreaves);
        var before = (await fixture.Client.World(world).StateAsync()).State.StoryMinute;

        await scene.PlayNextAsync(Mira);

        Assert.Equal(4, (await fixture.Client.World(world).StateAsync()).State.StoryMinute - before);
    }
}
