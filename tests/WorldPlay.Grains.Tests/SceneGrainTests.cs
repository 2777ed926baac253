using System.Reflection;
using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Scenes;

namespace WorldPlay.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class SceneGrainTests(ClusterFixture fixture)
{
    [Fact]
    public void SceneGrain_KeepsTheStoryThreadNames_SoStoredScenesAndOlderSilosStillReachIt()
    {
        var scene = fixture.Cluster.Client.GetGrain<ISceneGrain>("harbor-1/harbor-evening");

        Assert.Equal("storythread", scene.GetGrainId().Type.ToString());
        Assert.Equal("worldplay.story-thread", typeof(ISceneGrain).GetCustomAttribute<AliasAttribute>()!.Alias);
    }

    [Fact]
    public async Task Say_NamingACharacter_ThatCharacterAnswersFirst()
    {
        var (_, scene, definition) = await Scenes.OpenAsync(fixture.Client, userMind: null);
        var cast = Scenes.Characters(definition);
        var addressee = definition.Entities.First(e => e.Id == cast[^1]);

        var turns = await scene.SayAsync($"{addressee.Name}, what brings you here tonight?");

        Assert.Equal(addressee.Id, turns[1].Speaker);
    }

    [Fact]
    public async Task Say_ForbiddenConcept_SpeechRefusedWithReason()
    {
        var (_, scene, _) = await Scenes.OpenAsync(fixture.Client, userMind: null);

        var turns = await scene.SayAsync("Let me just charge my phone with electricity first.");

        Assert.Contains(turns[0].Rejected, r => r.Law == "forbidden-concepts");
    }

    [Fact]
    public async Task Play_SameSeed_SameTimeline()
    {
        var (worldA, sceneA, _) = await Scenes.OpenAsync(fixture.Client, seed: 42);
        var (worldB, sceneB, _) = await Scenes.OpenAsync(fixture.Client, seed: 42);
        await Scenes.PlayAsync(sceneA, 120);
        await Scenes.PlayAsync(sceneB, 120);

        Assert.Equal((await worldA.AuditAsync()).TimelineHash, (await worldB.AuditAsync()).TimelineHash);
    }

    [Fact]
    public async Task Play_EveryTurn_SpeakerIsPresentOrWalkingBack()
    {
        var (_, scene, definition) = await Scenes.OpenAsync(fixture.Client, "court", seed: 5);
        var turns = await Scenes.PlayAsync(scene, 200);

        Assert.All(turns.Where(t => t.Speech.Length > 0).SelectMany(t => t.Accepted.Where(e => e.Change is Spoke)),
            e => Assert.Equal(definition.Scenes[0].Place, e.Place));
    }

    [Fact]
    public async Task PlayUntil_CalledAgain_NeverPlaysPastTheTarget()
    {
        var (_, scene, _) = await Scenes.OpenAsync(fixture.Client, seed: 8);
        await scene.PlayThroughAsync(10);

        var again = await scene.PlayUntilAsync(10, maxTurns: 20);

        Assert.Equal((0, 10), (again.Turns.Length, again.Status.Turn));
    }

    [Fact]
    public async Task Transcript_AfterPlay_HasEveryTurnInOrder()
    {
        var (_, scene, _) = await Scenes.OpenAsync(fixture.Client, seed: 9);
        await Scenes.PlayAsync(scene, 60);
        var turns = new List<int>();
        await foreach (var t in scene.TranscriptAsync(pageSize: 25))
        {
            turns.Add(t.Turn);
        }

        Assert.Equal(Enumerable.Range(1, 60), turns);
    }

    [Fact]
    public async Task AddParticipant_UnknownCharacter_ErrorNamesKnownOnes()
    {
        var (_, scene, definition) = await Scenes.OpenAsync(fixture.Client);

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => scene.AddParticipantAsync(new EntityId("nobody")));

        Assert.Contains(definition.Scenes[0].Cast[0].Value, error.Message);
    }
}
