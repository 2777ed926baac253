using System.Collections.Immutable;
using Orleans.Concurrency;
using WorldPlay.Core;
using WorldPlay.Core.Minds;
using WorldPlay.Core.Scenes;

namespace WorldPlay.Contracts;

/// <summary>An ensemble scene: participants at a place, who speaks next, pacing, and the transcript of turns.</summary>
[Alias("worldplay.story-thread")]
public interface IStoryThreadGrain : IGrainWithStringKey
{
    /// <summary>Opens the scene declared as <see cref="SceneOptions.SceneId"/> in the world and embodies its cast.</summary>
    [Alias("open")]
    Task<SceneStatus> Open(SceneOptions options);

    /// <summary>Plays self-play turns (the user simulator plays the user) until the scene reaches turn <paramref name="untilTurn"/>,
    /// at most <paramref name="maxTurns"/> in this call. Calling it again after an interruption resumes where the scene stands
    /// and never plays past <paramref name="untilTurn"/>. A <paramref name="listener"/> hears the speech as it is produced.</summary>
    [Alias("play")]
    Task<TurnBatch> Play(int untilTurn, int maxTurns, ISceneListener? listener = null);

    /// <summary>The user says something; the characters reply until it is the user's turn again. A <paramref name="listener"/>
    /// hears the replies' speech as it is produced.</summary>
    [Alias("say")]
    Task<TurnBatch> Say(UserLine line, ISceneListener? listener = null);

    /// <summary>Adds a character of the world to the scene's cast (it speaks only while at the scene's place).</summary>
    [Alias("add-participant")]
    Task<SceneStatus> AddParticipant(EntityId character);

    [Alias("status"), ReadOnly]
    Task<SceneStatus> Status();

    /// <summary>Up to <paramref name="max"/> turns starting at turn <paramref name="fromTurn"/>.</summary>
    [Alias("transcript"), ReadOnly]
    Task<TurnBatch> Transcript(int fromTurn, int max);
}

/// <summary>How to open a scene. <see cref="UserMind"/> null means a person plays the user through <c>Say</c>.</summary>
[GenerateSerializer, Immutable, Alias("worldplay.SceneOptions")]
public sealed record SceneOptions(
    [property: Id(0)] string WorldKey,
    [property: Id(1)] string SceneId,
    [property: Id(2)] int Seed,
    [property: Id(3)] string CharacterMind,
    [property: Id(4)] string? UserMind,
    [property: Id(5)] TurnTakingPolicy? TurnTaking,
    [property: Id(6)] int PerspectiveBudget);

[GenerateSerializer, Immutable, Alias("worldplay.UserLine")]
public sealed record UserLine([property: Id(0)] string Text, [property: Id(1)] ImmutableArray<Proposal> Proposals);

[GenerateSerializer, Immutable, Alias("worldplay.TurnBatch")]
public sealed record TurnBatch([property: Id(0)] ImmutableArray<TurnRecord> Turns, [property: Id(1)] SceneStatus Status);

[GenerateSerializer, Immutable, Alias("worldplay.SceneStatus")]
public sealed record SceneStatus(
    [property: Id(0)] string SceneKey,
    [property: Id(1)] string WorldKey,
    [property: Id(2)] string SceneId,
    [property: Id(3)] EntityId Place,
    [property: Id(4)] ImmutableArray<EntityId> Cast,
    [property: Id(5)] EntityId? User,
    [property: Id(6)] int Turn,
    [property: Id(7)] ImmutableArray<EntityId> Present,
    [property: Id(8)] Pacing Pacing,
    [property: Id(9)] double Tension,
    [property: Id(10)] TurnTakingPolicy TurnTaking);
