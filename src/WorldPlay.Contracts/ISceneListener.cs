using Orleans.Concurrency;
using WorldPlay.Core;
using WorldPlay.Core.Scenes;

namespace WorldPlay.Contracts;

/// <summary>Hears a scene while it plays: each speaker's speech as its mind produces it, then each turn once the world has
/// committed it. Calls are one-way: a slow or vanished listener never holds a turn up, and the committed turn (returned by
/// <c>Play</c> and <c>Say</c>, and kept in the transcript) stays the record.</summary>
[Alias("worldplay.scene-listener")]
public interface ISceneListener : IGrainObserver
{
    /// <summary>A piece of the speech of turn <see cref="SpeechPiece.Turn"/>; the pieces of a turn join to its speech.</summary>
    [OneWay, Alias("speaking")]
    Task Speaking(SpeechPiece piece);

    /// <summary>A turn the world has committed, whole.</summary>
    [OneWay, Alias("played")]
    Task Played(TurnRecord turn);
}

/// <summary>The <see cref="Index"/>-th piece of <see cref="Speaker"/>'s speech in turn <see cref="Turn"/>. <see cref="Restart"/>
/// voids the pieces before it (the mind asked its model again) and starts the speech anew.</summary>
[GenerateSerializer, Immutable, Alias("worldplay.SpeechPiece")]
public sealed record SpeechPiece(
    [property: Id(0)] int Turn,
    [property: Id(1)] EntityId Speaker,
    [property: Id(2)] int Index,
    [property: Id(3)] string Text,
    [property: Id(4)] bool Restart);
