using System.Collections.Immutable;
using Orleans.Concurrency;
using WorldPlay.Core;
using WorldPlay.Core.Characters;
using WorldPlay.Core.Minds;

namespace WorldPlay.Contracts;

/// <summary>One character of one world (key <c>{world}/{character}</c>): its persona, its own memory of what it witnessed,
/// its mood, and the mind that decides its turns from its perspective.</summary>
[Alias("worldplay.character")]
public interface ICharacterGrain : IGrainWithStringKey
{
    /// <summary>Gives the character its persona and mind. Calling it again changes the mind and keeps the memory.</summary>
    [Alias("embody")]
    Task Embody(Embodiment embodiment);

    /// <summary>Perceives, updates memory, assembles the perspective and asks the mind for an action. Commits nothing.</summary>
    [Alias("take-turn")]
    Task<CharacterTurn> TakeTurn(TurnCue cue);

    /// <summary>The character's memory, after taking in what it witnessed since its last turn.</summary>
    [Alias("memory")]
    Task<MemoryView> Memory();

    /// <summary>The perspective the character would have now, for inspection (nothing is decided).</summary>
    [Alias("perspective")]
    Task<PerspectiveView> Perspective(TurnCue cue);
}

/// <summary>Builds a character grain's key.</summary>
public static class CharacterKey
{
    public static string Of(string worldKey, EntityId character) => $"{worldKey}/{character.Value}";
}

[GenerateSerializer, Immutable, Alias("worldplay.Embodiment")]
public sealed record Embodiment(
    [property: Id(0)] string WorldKey,
    [property: Id(1)] Persona Persona,
    [property: Id(2)] string Mind,
    [property: Id(3)] int PerspectiveBudget);

/// <summary>What a character is asked to act on. With a <see cref="Listener"/>, the speech of turn <see cref="Turn"/> is
/// reported to it as the mind produces it.</summary>
[GenerateSerializer, Immutable, Alias("worldplay.TurnCue")]
public sealed record TurnCue(
    [property: Id(0)] SceneCue Cue,
    [property: Id(1)] int Turn = 0,
    [property: Id(2)] ISceneListener? Listener = null);

/// <summary>A decided action and the size of the perspective it was decided from.</summary>
[GenerateSerializer, Immutable, Alias("worldplay.CharacterTurn")]
public sealed record CharacterTurn(
    [property: Id(0)] EntityId Character,
    [property: Id(1)] string Name,
    [property: Id(2)] CharacterAction Action,
    [property: Id(3)] int PerspectiveTokens);

[GenerateSerializer, Immutable, Alias("worldplay.MemoryView")]
public sealed record MemoryView([property: Id(0)] CharacterMemory Memory);

[GenerateSerializer, Immutable, Alias("worldplay.PerspectiveView")]
public sealed record PerspectiveView([property: Id(0)] Perspective Perspective, [property: Id(1)] string Text);
