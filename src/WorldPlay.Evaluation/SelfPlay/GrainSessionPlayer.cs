using System.Collections.Immutable;
using WorldPlay.Client;
using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Minds;
using WorldPlay.Core.Scenes;

namespace WorldPlay.Evaluation.SelfPlay;

/// <summary>Plays a bench session through the client library: a fresh world per session, its scene with alternating turns.</summary>
public sealed class GrainSessionPlayer(WorldPlayClient client, SessionMinds minds) : ISessionPlayer
{
    private const int Batch = 20;

    /// <inheritdoc/>
    public async Task<ImmutableArray<TurnRecord>> PlayAsync(SelfPlaySession session, int turns, CancellationToken cancellationToken)
    {
        var scenario = session.Scenario;
        var worldKey = $"{session.Name}-{Guid.NewGuid():N}";
        await client.CreateWorldAsync(worldKey, scenario.World);
        // With one NPC, the scene gives the user the floor after every one or two NPC replies (the engine's ensemble pacing);
        // round-robin keeps those NPC turns from going to anyone but the one NPC.
        var scene = await client.OpenSceneAsync(
            $"{worldKey}/{scenario.SceneId}",
            new SceneOptions(worldKey, scenario.SceneId, session.Seed, minds.Npc, minds.User(session), TurnTakingPolicy.RoundRobin,
                PerspectiveBuilder.DefaultBudget));
        await scene.PlayThroughAsync((await scene.StatusAsync()).Turn + turns, Batch, cancellationToken);
        var transcript = ImmutableArray.CreateBuilder<TurnRecord>();
        await foreach (var t in scene.TranscriptAsync(cancellationToken: cancellationToken))
        {
            transcript.Add(t);
        }
        return transcript.ToImmutable();
    }
}
