using System.Collections.Immutable;
using WorldPlay.Client;
using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Minds;
using WorldPlay.Core.Scenes;
using WorldPlay.Evaluation.Scenarios;

namespace WorldPlay.Evaluation.SelfPlay;

/// <summary>Plays a bench session through the client library: a fresh world per session, its scene paced as the scenario's source
/// plays it (<see cref="Scenario.Alternation"/>), opening with the scenario's opening message when it has one.</summary>
public sealed class GrainSessionPlayer(WorldPlayClient client, SessionMinds minds) : ISessionPlayer
{
    private const int Batch = 20;

    /// <inheritdoc/>
    public async Task<ImmutableArray<TurnRecord>> PlayAsync(SelfPlaySession session, int turns, CancellationToken cancellationToken)
    {
        var scenario = session.Scenario;
        var worldKey = $"{session.Name}-{Guid.NewGuid():N}";
        await client.CreateWorldAsync(worldKey, scenario.World);
        // Round-robin keeps the character turns with the scenario's NPC while no one else is in the scene. The opening message is
        // the NPC's: the scene plays it as turn 1, through the world's laws like any line.
        var opening = scenario.OpeningMessage is { } text && !string.IsNullOrWhiteSpace(text) ? new ScriptedLine(scenario.Npc, text) : null;
        var scene = await client.OpenSceneAsync(
            $"{worldKey}/{scenario.SceneId}",
            new SceneOptions(worldKey, scenario.SceneId, session.Seed, minds.Npc, minds.User(session), TurnTakingPolicy.RoundRobin,
                PerspectiveBuilder.DefaultBudget, scenario.Alternation, opening));
        await scene.PlayThroughAsync((await scene.StatusAsync()).Turn + turns, Batch, cancellationToken);
        var transcript = ImmutableArray.CreateBuilder<TurnRecord>();
        await foreach (var t in scene.TranscriptAsync(cancellationToken: cancellationToken))
        {
            transcript.Add(t);
        }
        return transcript.ToImmutable();
    }
}
