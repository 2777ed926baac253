using System.Collections.Immutable;
using Orleans.Concurrency;
using WorldPlay.Core;
using WorldPlay.Core.Minds;
using WorldPlay.Core.Scenes;

namespace WorldPlay.Contracts;

/// <summary>An ensemble scene: participants at a place, who speaks next, pacing, and the transcript of turns.
/// The alias is the name it had as the story-thread grain, so clusters of mixed versions still call it.</summary>
[Alias("worldplay.story-thread")]
public interface ISceneGrain : IGrainWithStringKey
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

    /// <summary>The game reports changes in its own world: the laws judge them as they judge a character's proposals (never
    /// bridged), the accepted ones are committed as one narrator turn of <see cref="SceneTrigger.Actor"/> (in the transcript and the
    /// world's events) and the refused ones come back in that turn's rejections with the law's reason. With
    /// <see cref="SceneTrigger.Reply"/> the characters answer it, as they answer the user.</summary>
    [Alias("trigger")]
    Task<TurnBatch> Trigger(SceneTrigger trigger, ISceneListener? listener = null);

    /// <summary>Plays one turn spoken by <paramref name="speaker"/>, a character of the cast at the scene's place, whoever turn-taking
    /// would have picked (after the scene's opening line, if that is still due). The user, a character away or unknown is refused
    /// with an <see cref="ArgumentException"/> naming who can speak.</summary>
    [Alias("play-next")]
    Task<TurnBatch> PlayNext(EntityId speaker, ISceneListener? listener = null);

    /// <summary>The characters talk among themselves for up to <paramref name="turns"/> turns (at most 200) and the user never plays,
    /// in self-play as in a scene a person plays; turn-taking picks who speaks. It returns early when nobody can act or after about
    /// 10 s, so call again for the rest.</summary>
    [Alias("converse")]
    Task<TurnBatch> Converse(int turns, ISceneListener? listener = null);

    /// <summary>Adds a character of the world to the scene's cast (it speaks only while at the scene's place).</summary>
    [Alias("add-participant")]
    Task<SceneStatus> AddParticipant(EntityId character);

    [Alias("status"), ReadOnly]
    Task<SceneStatus> Status();

    /// <summary>Up to <paramref name="max"/> turns starting at turn <paramref name="fromTurn"/>.</summary>
    [Alias("transcript"), ReadOnly]
    Task<TurnBatch> Transcript(int fromTurn, int max);

    /// <summary>Opens this scene as the continuation of <see cref="SceneBranch.ParentScene"/> on <see cref="SceneBranch.WorldKey"/>, a fork
    /// of the parent's world: its transcript is the parent's up to the fork turn plus its own turns, and its pacing is rebuilt from those
    /// turns. With a <see cref="SceneBranch.ReplayVariant"/> it plays the next turn at once, its speaker's mind reseeded by the
    /// variant.</summary>
    [Alias("branch")]
    Task<TurnBatch> Branch(SceneBranch branch);

    /// <summary>Plays the last turn again on a sibling branch (the world forked one turn back) with the speaker's mind reseeded,
    /// and returns every alternative of that turn so far, this scene's own reply first.</summary>
    [Alias("regenerate")]
    Task<TurnAlternatives> Regenerate();

    /// <summary>The alternatives of the last regenerated turn (empty when it was never regenerated).</summary>
    [Alias("alternatives"), ReadOnly]
    Task<TurnAlternatives> Alternatives();

    /// <summary>Keeps the alternative played on scene <paramref name="sceneKey"/> and records the choice as a preference signal
    /// of the world family; the caller continues on that scene.</summary>
    [Alias("choose")]
    Task<PreferenceSignal> Choose(string sceneKey);

    /// <summary>Opens the scene on a world imported with its timeline, with the turns recorded so far; it goes on after the last of
    /// them.</summary>
    [Alias("import")]
    Task<SceneStatus> Import(SceneImport scene);

    /// <summary>How the scene was opened and the store streams its transcript is read from, for a branch to continue it. It may
    /// interleave with any call: a scene asks it of its parent while the parent waits for the branch (regenerate).</summary>
    [Alias("setup"), AlwaysInterleave]
    Task<SceneSetup> Setup();
}

/// <summary>A scene to open on an imported world, with its recorded turns in order.</summary>
[GenerateSerializer, Immutable, Alias("worldplay.SceneImport")]
public sealed record SceneImport([property: Id(0)] SceneOptions Options, [property: Id(1)] ImmutableArray<TurnRecord> Transcript);

/// <summary>The turns of store stream <see cref="Stream"/> after turn <see cref="Offset"/> (its record 1 is turn Offset + 1) up to
/// <see cref="LastTurn"/>.</summary>
[GenerateSerializer, Immutable, Alias("worldplay.TranscriptSegment")]
public sealed record TranscriptSegment([property: Id(0)] string Stream, [property: Id(1)] int Offset, [property: Id(2)] int LastTurn);

/// <summary>A scene's options and the segments of its transcript, oldest first (the last is its own stream).</summary>
[GenerateSerializer, Immutable, Alias("worldplay.SceneSetup")]
public sealed record SceneSetup([property: Id(0)] SceneOptions Options, [property: Id(1)] ImmutableArray<TranscriptSegment> Transcript);

/// <summary>How to open a scene on a branch: the scene it continues and the forked world. See <see cref="ISceneGrain.Branch"/>.</summary>
[GenerateSerializer, Immutable, Alias("worldplay.SceneBranch")]
public sealed record SceneBranch([property: Id(0)] string ParentScene, [property: Id(1)] string WorldKey,
    [property: Id(2)] int? ReplayVariant = null);

/// <summary>One candidate for a regenerated turn: the sibling scene and world it lives on and the turn as played there.</summary>
[GenerateSerializer, Immutable, Alias("worldplay.AlternativeTurn")]
public sealed record AlternativeTurn([property: Id(0)] string Scene, [property: Id(1)] string World, [property: Id(2)] TurnRecord Turn);

/// <summary>The candidates for turn <see cref="Turn"/> of scene <see cref="Origin"/> (the scene first regenerated), the origin's own
/// first.</summary>
[GenerateSerializer, Immutable, Alias("worldplay.TurnAlternatives")]
public sealed record TurnAlternatives(
    [property: Id(0)] string Origin,
    [property: Id(1)] int Turn,
    [property: Id(2)] ImmutableArray<AlternativeTurn> Candidates);

/// <summary>How to open a scene. <see cref="UserMind"/> null means a person plays the user through <c>Say</c>.
/// <see cref="Alternation"/> says how the floor passes between the user and the characters (the ensemble's pacing unless set);
/// <see cref="OpeningLine"/>, when set, is the scene's first turn.</summary>
[GenerateSerializer, Immutable, Alias("worldplay.SceneOptions")]
public sealed record SceneOptions(
    [property: Id(0)] string WorldKey,
    [property: Id(1)] string SceneId,
    [property: Id(2)] int Seed,
    [property: Id(3)] string CharacterMind,
    [property: Id(4)] string? UserMind,
    [property: Id(5)] TurnTakingPolicy? TurnTaking,
    [property: Id(6)] int PerspectiveBudget,
    [property: Id(7)] Alternation Alternation = Alternation.Ensemble,
    [property: Id(8)] ScriptedLine? OpeningLine = null);

/// <summary>A line written beforehand, such as a benchmark scenario's opening message: <see cref="Speaker"/>, one of the scene's
/// characters, says <see cref="Text"/> as a turn of its own, committed and judged by the world's laws like any other.</summary>
[GenerateSerializer, Immutable, Alias("worldplay.ScriptedLine")]
public sealed record ScriptedLine([property: Id(0)] EntityId Speaker, [property: Id(1)] string Text);

/// <summary>What the user says, with what it creates or declares, and optionally who answers first (<see cref="Next"/>, a character
/// of the cast at the scene's place).</summary>
[GenerateSerializer, Immutable, Alias("worldplay.UserLine")]
public sealed record UserLine(
    [property: Id(0)] string Text, [property: Id(1)] ImmutableArray<Proposal> Proposals, [property: Id(2)] EntityId? Next = null);

/// <summary>Something that happened in the game's own world: <see cref="Changes"/> made by <see cref="Actor"/> (null: the scene's
/// user), told in <see cref="Text"/>. With <see cref="Reply"/> the characters answer it.</summary>
[GenerateSerializer, Immutable, Alias("worldplay.SceneTrigger")]
public sealed record SceneTrigger(
    [property: Id(0)] ImmutableArray<WorldChange> Changes,
    [property: Id(1)] EntityId? Actor = null,
    [property: Id(2)] string Text = "",
    [property: Id(3)] bool Reply = false);

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
