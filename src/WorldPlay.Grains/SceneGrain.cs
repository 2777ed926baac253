using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Laws;
using WorldPlay.Core.Minds;
using WorldPlay.Core.Scenes;
using WorldPlay.Minds;
using WorldPlay.Storage;

namespace WorldPlay.Grains;

/// <summary>The grain-storage record of a scene: how it was opened and its progress. Turns live in the event store.</summary>
[GenerateSerializer, Alias("worldplay.SceneRecord")]
public sealed class SceneRecord
{
    [Id(0)] public SceneOptions? Options { get; set; }

    [Id(1)] public SceneProgress? Progress { get; set; }

    [Id(2)] public long TranscriptVersion { get; set; }

    /// <summary>For a scene on a branch: the ancestors' transcript streams up to the fork turn, oldest first.</summary>
    [Id(3)] public ImmutableArray<TranscriptSegment> Prefix { get; set; } = [];

    /// <summary>For a scene on a branch: the fork turn (this scene's own stream starts at the turn after it).</summary>
    [Id(4)] public int ForkTurn { get; set; }

    /// <summary>The alternatives of the last regenerated turn, when this scene is their origin.</summary>
    [Id(5)] public TurnAlternatives? Alternatives { get; set; }

    /// <summary>For a regenerated sibling: the scene whose turn it replayed.</summary>
    [Id(6)] public string? SiblingOf { get; set; }

    /// <summary>How many siblings this scene has made, so each gets its own keys and seed.</summary>
    [Id(7)] public int Regenerations { get; set; }

    /// <summary>The world's stream version after the last turn this record's progress holds: the turns the world stored after it
    /// are the ones this record does not know yet.</summary>
    [Id(8)] public long WorldStreamVersion { get; set; }

    /// <summary>The streams this scene's transcript is read from, up to <paramref name="lastTurn"/>: the shared prefix, then its
    /// own stream <paramref name="own"/>.</summary>
    public ImmutableArray<TranscriptSegment> TranscriptUpTo(string own, int lastTurn) =>
        (Prefix.IsDefault ? [] : Prefix).Add(new TranscriptSegment(own, ForkTurn, lastTurn));
}

/// <summary>An ensemble scene. A turn flows: pick who acts (core turn-taking) -> that character decides (perspective, mind)
/// -> the world judges and commits -> the scene records the turn and moves its pacing on.
/// A turn is stored once, in the world's commit (its events and the scene's draft of the turn in one record). The scene writes
/// its own transcript (one append) and record every <see cref="WriteEvery"/> turns, before anything reads them (its transcript,
/// its setup for a branch, a regeneration) and when it goes idle. A scene that stops before it wrote its turns rebuilds them
/// from the world when it activates.
/// The grain type is the name it had as the story-thread grain, so stored scenes still activate under it.</summary>
[GrainType("storythread")]
public sealed class SceneGrain(
    [PersistentState("scene", WorldPlayStorage.Grains)] IPersistentState<SceneRecord> record,
    IEventStore store) : Grain, ISceneGrain
{
    /// <summary>The most turns one call may play, so a caller sees progress and no call runs for minutes.</summary>
    public const int MaxTurnsPerCall = 200;

    /// <summary>After this long a call returns the turns it played so far, so a caller hears back often however slow the minds.</summary>
    public static readonly TimeSpan CallBudget = TimeSpan.FromSeconds(10);

    /// <summary>The most turns a scene keeps unwritten in its transcript and record: at 32, the two writes cost 0.06 storage
    /// operations a turn, and a scene that stops rebuilds at most 31 turns from the world.</summary>
    public const int WriteEvery = 32;

    private WorldDefinition? _definition;
    private LawBook? _laws;

    /// <summary>The world as this scene last read it, for planning bridges.</summary>
    private WorldState? _world;
    private TranscriptLog? _transcript;
    private TurnRegeneration? _regeneration;

    /// <summary>Set while a regenerated turn is replayed: reseeds the speaker's mind for that one turn.</summary>
    private int? _variant;

    /// <summary>The silo's turn gate slot the turn being played holds, and the clock started when it asked for it.</summary>
    private (TurnGate.TurnSlot Slot, Stopwatch Clock)? _admission;

    /// <summary>Turns played (stored in the world) and not yet written to the transcript and the record.</summary>
    private readonly List<TurnRecord> _unwritten = [];

    private IWorldGrain? _worldGrain;

    /// <summary>Held while the turns and record are written, and while a turn enters them.</summary>
    private readonly SemaphoreSlim _writing = new(1, 1);

    /// <summary>Whether the record holds progress not yet written (recovered turns the transcript already held).</summary>
    private bool _recordDirty;

    private string Key => this.GetPrimaryKeyString();

    private SceneOptions Options =>
        record.State.Options ?? throw new InvalidOperationException($"Scene '{Key}' is not open; open it first.");

    private SceneProgress Progress
    {
        get => record.State.Progress!;
        set => record.State.Progress = value;
    }

    /// <summary>The scene's world (looked up once: <c>GetGrain</c> costs a few percent of a turn).</summary>
    private IWorldGrain World => _worldGrain ??= GrainFactory.GetGrain<IWorldGrain>(Options.WorldKey);

    private TranscriptLog Transcript => _transcript ??= new TranscriptLog(store, WorldPlayStorage.TranscriptStream(Key));

    private TurnRegeneration Regeneration => _regeneration ??= new TurnRegeneration(GrainFactory, record, Transcript, Key);

    /// <summary>A scene that goes idle writes the turns it has not written yet, so its next activation has none to rebuild. Nothing
    /// is lost if it cannot: they are stored in the world.</summary>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (reason.ReasonCode == DeactivationReasonCode.ActivationIdle || reason.ReasonCode == DeactivationReasonCode.ShuttingDown)
        {
            try
            {
                await WriteAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Rebuilt from the world on the next activation.
            }
        }
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (record.State.Options is null || !await RecoverTurnsAsync())
        {
            return;
        }
        try
        {
            await WriteAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The recovered turns stay unwritten in this activation (they are stored in the world); the next call writes them,
            // or fails the way any call fails while storage is away.
            _recordDirty = true;
        }
    }

    async Task<SceneStatus> ISceneGrain.Open(SceneOptions options)
    {
        await OpenAsync(options, async (world, definition, spec) => new SceneRecord
        {
            Options = options,
            Progress = OpenProgress(definition, spec, options, (await world.StateAfterTurn(-1)).State),
        });
        return Status();
    }

    async Task<TurnBatch> ISceneGrain.Play(int untilTurn, int maxTurns, ISceneListener? listener)
    {
        if (maxTurns < 1 || maxTurns > MaxTurnsPerCall)
        {
            throw new ArgumentOutOfRangeException(nameof(maxTurns), maxTurns, $"Play between 1 and {MaxTurnsPerCall} turns per call.");
        }
        if (Options.UserMind is null && Progress.User is not null)
        {
            throw new InvalidOperationException(
                $"Scene '{Key}' was opened for a person to play the user; use Say, or open it with a user mind for self-play.");
        }
        var played = ImmutableArray.CreateBuilder<TurnRecord>();
        var clock = Stopwatch.StartNew();
        while (played.Count < maxTurns && Progress.Turn < untilTurn && (played.Count == 0 || clock.Elapsed < CallBudget))
        {
            if (await StepUnlessBusyAsync(userPlays: true, listener, played.Count) is not { } turn)
            {
                break;
            }
            played.Add(turn);
        }
        return new TurnBatch(played.ToImmutable(), Status());
    }

    async Task<TurnBatch> ISceneGrain.Say(UserLine line, ISceneListener? listener)
    {
        var user = Progress.User ?? throw new InvalidOperationException($"Scene '{Key}' has no user participant.");
        var definition = await Definition();
        var name = definition.Entities.First(e => e.Id == user).Name;
        // Checked before the user's turn is committed, so a wrong name plays nothing.
        _ = line.Next is { } asked ? Progress.Directed(asked, id => NameOf(definition, id)) : default;
        // A line with no structured proposals may still create: the scene's model mind, if any, proposes what the line backs.
        var extracted = line.Proposals.IsDefaultOrEmpty && !string.IsNullOrWhiteSpace(line.Text)
            && ServiceProvider.GetService<IMindCatalog>()?.ExtractorFor(Options.CharacterMind) is { } extractor
            ? await extractor.ExtractAsync(
                CreationRequest.Of((await World.StateAfterTurn(-1)).State, user, Progress.Spec.Place, line.Text), CancellationToken.None)
            : null;
        var action = new CharacterAction(line.Text, "", [], extracted?.Proposals ?? (line.Proposals.IsDefault ? [] : line.Proposals),
            extracted is { } x ? x.Usage with { Mind = "person" } : MindUsage.Free("person"));
        var played = ImmutableArray.CreateBuilder<TurnRecord>();
        await OpeningFirstAsync(played, listener);
        played.Add(await InterruptibleAsync(() => WorldPlayTelemetry.TurnAsync(Key, Progress.Turn + 1, user,
            () => CommitTurnAsync(
                new CharacterTurn(user, name, action, 0), TurnRole.User, offstage: false, Stopwatch.StartNew(), listener))));
        // The first speaker the user asked for answers first, if the user's own turn left them here to speak.
        if (line.Next is { } first && Progress.CastPresent.Contains(first))
        {
            played.Add(await InterruptibleAsync(() => PlayTurnAsync(new NextUp(NextUpKind.Character, first), listener)));
        }
        while (Progress.RepliesUntilUser > 0 && played.Count <= MaxTurnsPerCall
            && await StepUnlessBusyAsync(userPlays: false, listener, played.Count) is { } reply)
        {
            played.Add(reply);
        }
        return new TurnBatch(played.ToImmutable(), Status());
    }

    async Task<TurnBatch> ISceneGrain.Trigger(SceneTrigger trigger, ISceneListener? listener)
    {
        var changes = trigger.Changes.IsDefault ? [] : trigger.Changes;
        if (changes.IsEmpty && string.IsNullOrWhiteSpace(trigger.Text))
        {
            throw new ArgumentException("A trigger carries the changes the game made, a text telling them, or both.", nameof(trigger));
        }
        var actor = trigger.Actor ?? Progress.User
            ?? throw new ArgumentException($"Scene '{Key}' has no user; name the actor of the trigger.", nameof(trigger));
        var state = (await World.StateAfterTurn(-1)).State;
        if (state.Find(actor) is not { IsCharacter: true } who)
        {
            throw new ArgumentException(
                $"Unknown actor '{actor}' in world '{Options.WorldKey}'; characters: "
                + $"{string.Join(", ", state.Entities.Values.Where(e => e.IsCharacter).Select(e => e.Id))}.", nameof(trigger));
        }
        var action = new CharacterAction("", trigger.Text, [], [.. changes.Select(c => Proposal.Of(actor, c))], MindUsage.Free("game"));
        var played = ImmutableArray.CreateBuilder<TurnRecord>();
        await OpeningFirstAsync(played, listener);
        played.Add(await InterruptibleAsync(() => WorldPlayTelemetry.TurnAsync(Key, Progress.Turn + 1, actor,
            () => CommitTurnAsync(
                new CharacterTurn(actor, who.Name, action, 0), TurnRole.Narrator, offstage: false, Stopwatch.StartNew(), listener))));
        if (trigger.Reply)
        {
            // The characters answer as they answer the user: until it would be the user's turn, at least one of them.
            Progress = Progress with { RepliesUntilUser = Math.Max(1, Progress.RepliesUntilUser) };
            while (Progress.RepliesUntilUser > 0 && played.Count <= MaxTurnsPerCall
                && await StepUnlessBusyAsync(userPlays: false, listener, played.Count) is { } r)
            {
                played.Add(r);
            }
        }
        return new TurnBatch(played.ToImmutable(), Status());
    }

    async Task<TurnBatch> ISceneGrain.PlayNext(EntityId speaker, ISceneListener? listener)
    {
        var definition = await Definition();
        var next = Progress.Directed(speaker, id => NameOf(definition, id));
        var played = ImmutableArray.CreateBuilder<TurnRecord>();
        await OpeningFirstAsync(played, listener);
        played.Add(await InterruptibleAsync(() => PlayTurnAsync(next, listener)));
        return new TurnBatch(played.ToImmutable(), Status());
    }

    async Task<TurnBatch> ISceneGrain.Converse(int turns, ISceneListener? listener)
    {
        if (turns < 1 || turns > MaxTurnsPerCall)
        {
            throw new ArgumentOutOfRangeException(nameof(turns), turns, $"Converse between 1 and {MaxTurnsPerCall} turns per call.");
        }
        var played = ImmutableArray.CreateBuilder<TurnRecord>();
        var clock = Stopwatch.StartNew();
        while (played.Count < turns && (played.Count == 0 || clock.Elapsed < CallBudget))
        {
            if (await StepUnlessBusyAsync(userPlays: false, listener, played.Count) is not { } turn)
            {
                break;
            }
            played.Add(turn);
        }
        return new TurnBatch(played.ToImmutable(), Status());
    }

    async Task<SceneStatus> ISceneGrain.AddParticipant(EntityId character)
    {
        var definition = await Definition();
        if (definition.PersonaOf(character) is null || character == Progress.User)
        {
            throw new ArgumentException(
                $"Unknown character '{character}' in world '{Options.WorldKey}'; "
                + $"known: {string.Join(", ", definition.Personas.Select(p => p.Id).Where(p => p != Progress.User))}.");
        }
        if (!Progress.Cast.Contains(character))
        {
            await Embody(definition, Options, character);
            Progress = Progress with
            {
                Cast = Progress.Cast.Add(character),
                Talkativeness = Progress.Talkativeness.SetItem(character, definition.PersonaOf(character)!.Talkativeness),
            };
            _recordDirty = true;
            await WriteTurnsAsync();
        }
        return Status();
    }

    Task<SceneStatus> ISceneGrain.Status() => Task.FromResult(Status());

    async Task<TurnBatch> ISceneGrain.Transcript(int fromTurn, int max)
    {
        await WriteTurnsAsync();
        return new(await Transcript.ReadAsync(TranscriptSegments(int.MaxValue), fromTurn, max), Status());
    }

    async Task<TurnBatch> ISceneGrain.Branch(SceneBranch branch)
    {
        ThrowIfOpen();
        var parent = await GrainFactory.GetGrain<ISceneGrain>(branch.ParentScene).Setup();
        var fork = (await GrainFactory.GetGrain<IWorldGrain>(branch.WorldKey).Lineage()).Parent;
        if (fork is null || fork.Parent != parent.Options.WorldKey)
        {
            throw new ArgumentException(
                $"World '{branch.WorldKey}' is not a branch of '{parent.Options.WorldKey}', the world of scene '{branch.ParentScene}'; "
                + "fork that world first.");
        }
        var options = parent.Options with { WorldKey = branch.WorldKey };
        var prefix = parent.Transcript
            .Where(s => s.Offset < fork.Turn)
            .Select(s => s with { LastTurn = Math.Min(s.LastTurn, fork.Turn) })
            .ToImmutableArray();
        await OpenAsync(options, async (world, definition, spec) => new SceneRecord
        {
            Options = options,
            Progress = await ProgressAfterAsync(world, definition, spec, options, await Transcript.ReadAsync(prefix, 1, fork.Turn)),
            Prefix = prefix,
            ForkTurn = fork.Turn,
            SiblingOf = branch.ReplayVariant is null ? null : branch.ParentScene,
        });
        if (branch.ReplayVariant is not { } variant)
        {
            return new TurnBatch([], Status());
        }
        _variant = variant;
        try
        {
            var replayed = await StepAsync(userPlays: options.UserMind is not null, listener: null);
            await WriteTurnsAsync();
            return new TurnBatch(replayed is null ? [] : [replayed], Status());
        }
        finally
        {
            _variant = null;
        }
    }

    async Task<SceneStatus> ISceneGrain.Import(SceneImport scene)
    {
        await OpenAsync(scene.Options, async (world, definition, spec) => new SceneRecord
        {
            Options = scene.Options,
            TranscriptVersion = await Transcript.ImportAsync(scene.Transcript),
            Progress = await ProgressAfterAsync(world, definition, spec, scene.Options, scene.Transcript),
        });
        return Status();
    }

    async Task<TurnAlternatives> ISceneGrain.Regenerate()
    {
        // Regeneration reads the transcript and writes the record itself: both must hold every turn played.
        await WriteTurnsAsync();
        return await Regeneration.RegenerateAsync();
    }

    Task<TurnAlternatives> ISceneGrain.Alternatives() => Regeneration.AlternativesAsync();

    async Task<PreferenceSignal> ISceneGrain.Choose(string sceneKey)
    {
        await WriteTurnsAsync();
        return await Regeneration.ChooseAsync(sceneKey);
    }

    async Task<SceneSetup> ISceneGrain.Setup()
    {
        await WriteTurnsAsync();
        return new SceneSetup(Options, TranscriptSegments(Progress.Turn));
    }

    private ImmutableArray<TranscriptSegment> TranscriptSegments(int lastTurn) => record.State.TranscriptUpTo(Transcript.Stream, lastTurn);

    /// <summary>Opens this scene on the world of <paramref name="options"/>: embodies its participants (but a person), then stores
    /// the record <paramref name="start"/> makes from the world, its definition and the scene's spec.</summary>
    private async Task OpenAsync(SceneOptions options, Func<IWorldGrain, WorldDefinition, SceneSpec, Task<SceneRecord>> start)
    {
        ThrowIfOpen();
        var world = GrainFactory.GetGrain<IWorldGrain>(options.WorldKey);
        var definition = (await world.Definition()).Definition;
        var spec = definition.Scenes.FirstOrDefault(s => s.Id == options.SceneId)
            ?? throw new ArgumentException(
                $"Unknown scene '{options.SceneId}' in world '{options.WorldKey}'; "
                + $"known: {string.Join(", ", definition.Scenes.Select(s => s.Id))}.");
        if (options.OpeningLine is { } opening && (!spec.Cast.Contains(opening.Speaker) || opening.Speaker == spec.User
            || string.IsNullOrWhiteSpace(opening.Text)))
        {
            throw new ArgumentException(
                $"The opening line of scene '{options.SceneId}' needs a text and a speaker of its cast, not the user; got "
                + $"'{opening.Speaker}'; the cast: {string.Join(", ", spec.Cast.Where(c => c != spec.User))}.");
        }
        var participants = spec.User is { } user ? spec.Cast.Add(user).Distinct() : spec.Cast;
        await Task.WhenAll(participants.Select(id => Embody(definition, options, id)));
        record.State = await start(world, definition, spec);
        _definition = definition;
        // A continued scene's cast may hold characters who joined or were added after it opened.
        await Task.WhenAll(record.State.Progress!.Cast.Except(participants).Select(id => Embody(definition, options, id)));
        await record.WriteStateAsync();
    }

    private void ThrowIfOpen()
    {
        if (record.State.Options is not null)
        {
            throw new InvalidOperationException($"Scene '{Key}' is already open.");
        }
    }

    /// <summary>The scene's progress when it opens on <paramref name="state"/>.</summary>
    private static SceneProgress OpenProgress(WorldDefinition definition, SceneSpec spec, SceneOptions options, WorldState state)
    {
        var talkativeness = spec.Cast.Distinct().ToDictionary(c => c, c => definition.PersonaOf(c)?.Talkativeness ?? 0.5);
        var present = state.CharactersAt(spec.Place).Select(c => c.Id);
        return SceneProgress.Open(spec, options.TurnTaking ?? spec.TurnTaking, options.Seed, talkativeness, present, options.Alternation);
    }

    /// <summary>The scene's progress after <paramref name="turns"/>, folded as they were played: who is present after each turn
    /// comes from the world's events up to it.</summary>
    private static async Task<SceneProgress> ProgressAfterAsync(
        IWorldGrain world, WorldDefinition definition, SceneSpec spec, SceneOptions options, ImmutableArray<TurnRecord> turns)
    {
        var events = await world.EventsAfterAsync(0);
        var opened = turns.IsEmpty ? 0 : turns[0].Turn - 1;
        var state = WorldState.Initial(definition).ApplyAll(events.TakeWhile(e => e.Turn <= opened));
        var progress = OpenProgress(definition, spec, options, state);
        var characters = definition.Entities.Where(e => e.IsCharacter).ToList();
        var joinable = Joinable(definition, spec);
        var applied = (int)state.Version;
        foreach (var turn in turns)
        {
            var upTo = events.Skip(applied).TakeWhile(e => e.Turn <= turn.Turn).ToList();
            state = state.ApplyAll(upTo);
            applied += upTo.Count;
            ImmutableArray<EntityId> present = [.. state.CharactersAt(spec.Place).Select(c => c.Id)];
            progress = progress.After(turn, present, characters).Following(Presence.Between(progress.Present, present), joinable);
        }
        return progress;
    }

    /// <summary>Plays the next turn once the silo's <see cref="TurnGate"/> admits it; a turn it refuses throws
    /// <see cref="SiloBusyException"/> having played and stored nothing. The turn's latency counts its wait in the gate.</summary>
    private async Task<TurnRecord?> StepAsync(bool userPlays, ISceneListener? listener)
    {
        var clock = Stopwatch.StartNew();
        var slot = await ServiceProvider.GetRequiredService<TurnGate>().EnterAsync();
        _admission = (slot, clock);
        try
        {
            return await InterruptibleAsync(() => DecideAndCommitAsync(userPlays, listener));
        }
        finally
        {
            _admission = null;
            slot.Dispose();
        }
    }

    /// <summary>Like <see cref="StepAsync"/>, but a turn the gate refuses after this call played others ends the call with them
    /// (null), so the caller hears what was played before it waits.</summary>
    private async Task<TurnRecord?> StepUnlessBusyAsync(bool userPlays, ISceneListener? listener, int playedInCall)
    {
        try
        {
            return await StepAsync(userPlays, listener);
        }
        catch (SiloBusyException) when (playedInCall > 0)
        {
            return null;
        }
    }

    /// <summary>Gives the gate slot back while <paramref name="who"/>'s mind waits on a language model: the slot bounds work on
    /// this silo's CPU, and the model's own concurrency limit bounds the calls waiting on it.</summary>
    private void LeaveGateWhileOnModel(EntityId who)
    {
        var mind = who == Progress.User ? Options.UserMind : Options.CharacterMind;
        if (_admission is { Slot: var slot } && mind is not null
            && ServiceProvider.GetService<IMindCatalog>()?.Resolve(mind, who) is Minds.Llm.LlmMind or Minds.Llm.LlmUserSimulator)
        {
            slot.Dispose();
        }
    }

    private async Task<TurnRecord?> DecideAndCommitAsync(bool userPlays, ISceneListener? listener)
    {
        if (OpeningDue is { } opening)
        {
            return await PlayOpeningAsync(opening, listener);
        }
        var next = Progress.Next(userPlays);
        return next.Who is null ? null : await PlayTurnAsync(next, listener);
    }

    /// <summary>The scene's opening line while no turn has been played yet: whatever plays first, the opening is turn 1.</summary>
    private ScriptedLine? OpeningDue => Progress.Turn == 0 ? Options.OpeningLine : null;

    /// <summary>Adds the opening line to <paramref name="played"/> if it is due, before a turn the caller asked for.</summary>
    private async Task OpeningFirstAsync(ImmutableArray<TurnRecord>.Builder played, ISceneListener? listener)
    {
        if (OpeningDue is { } opening)
        {
            played.Add(await InterruptibleAsync(() => PlayOpeningAsync(opening, listener)));
        }
    }

    /// <summary>Plays <paramref name="opening"/> as its speaker's turn: the scripted text takes the place of the mind's decision, and
    /// the world commits and judges it like any spoken line.</summary>
    private Task<TurnRecord> PlayOpeningAsync(ScriptedLine opening, ISceneListener? listener)
    {
        var clock = _admission?.Clock ?? Stopwatch.StartNew();
        return WorldPlayTelemetry.TurnAsync(Key, Progress.Turn + 1, opening.Speaker, async () =>
        {
            var action = new CharacterAction(opening.Text, "", [], [], MindUsage.Free("script"));
            var decided = new CharacterTurn(opening.Speaker, NameOf(await Definition(), opening.Speaker), action, 0);
            return await CommitTurnAsync(decided, TurnRole.Npc, offstage: false, clock, listener);
        });
    }

    /// <summary>Plays the turn of <paramref name="next"/>, who must be someone.</summary>
    private Task<TurnRecord> PlayTurnAsync(NextUp next, ISceneListener? listener)
    {
        var clock = _admission?.Clock ?? Stopwatch.StartNew();
        var who = next.Who!.Value;
        return WorldPlayTelemetry.TurnAsync(Key, Progress.Turn + 1, who, async () =>
        {
            var offstage = next.Kind == NextUpKind.Offstage;
            var placeName = (await Definition()).Entities.First(e => e.Id == Progress.Spec.Place).Name;
            var cue = Progress.CueFor(who, offstage, placeName);
            if (_variant is { } variant)
            {
                cue = cue with { Seed = StableSeed.Of(cue.Seed, "regenerate", variant) };
            }
            LeaveGateWhileOnModel(who);
            var decided = await GrainFactory.GetGrain<ICharacterGrain>(CharacterKey.Of(Options.WorldKey, who))
                .TakeTurn(new TurnCue(cue, Progress.Turn + 1, listener));
            var role = who == Progress.User ? TurnRole.User : TurnRole.Npc;
            return await CommitTurnAsync(decided, role, offstage, clock, listener);
        });
    }

    /// <summary>Runs one turn; if anything fails on the way, the scene reloads from storage on the next call and replays the turn.
    /// Whatever was stored stays stored: commits and turn records are idempotent by turn number.</summary>
    private async Task<T> InterruptibleAsync<T>(Func<Task<T>> turn)
    {
        try
        {
            return await turn();
        }
        catch (MindUnavailableException e) when (e.Reason == MindUnavailableReason.Unreachable)
        {
            // Not an interruption: the scene is as it was, but calling again fails the same way until the endpoint is fixed.
            DeactivateOnIdle();
            throw new ModelUnreachableException(e.Message);
        }
        catch (Exception e) when (e is not ArgumentException and not TurnInterruptedException)
        {
            DeactivateOnIdle();
            throw new TurnInterruptedException(
                $"Turn {Progress.Turn + 1} of scene '{Key}' was interrupted ({e.GetType().Name}: {e.Message}); "
                + "nothing of it was recorded, so calling again is safe.");
        }
        catch (TurnInterruptedException)
        {
            DeactivateOnIdle();
            throw;
        }
    }

    private async Task<TurnRecord> CommitTurnAsync(
        CharacterTurn decided, TurnRole role, bool offstage, Stopwatch clock, ISceneListener? listener)
    {
        var turn = Progress.Turn + 1;
        var answering = Progress.LastLine is { } line && line.Speaker != decided.Character ? [line.Seq] : ImmutableArray<long>.Empty;
        var wanted = decided.Action.AllProposals(decided.Character, answering).ToImmutableArray();
        // A person's (or the game's) impossible line is refused with the law's reason rather than bridged: they choose what to do
        // instead.
        var (proposals, bridges) = role != TurnRole.Npc
            ? (wanted, ImmutableArray<Bridge>.Empty)
            : await BridgeAsync(turn, offstage, wanted);
        var definition = await Definition();
        var language = definition.Setting.Language;
        // The world was read for any journey or bridge of this turn, so it names places and people created in play too.
        string Named(EntityId id) => _world?.Find(id)?.Name ?? NameOf(definition, id);
        var draft = new TurnDraft(
            new TurnRecord(turn, decided.Character, decided.Name, role, decided.Action.Speech, decided.Action.Narration, [], [],
                decided.Action.Usage, decided.PerspectiveTokens, clock.Elapsed.TotalMilliseconds),
            [.. bridges.Select(b => NarrativeBridge.Narrate(b, Named, language))],
            [.. bridges.Select(b => b.Wanted.Actor)]);
        var receipt = await World.Commit(new CommitRequest($"{Key}/{turn}", turn, Progress.Spec.Place, offstage, proposals, draft));
        // A retried commit the world had stored before answers with the turn as it was first decided.
        draft = receipt.Draft ?? draft;
        var presence = Presence.Between(Progress.Present, receipt.PresentAtScene);
        var turnRecord = draft.Recorded(language, Named, presence, receipt.Accepted, receipt.Rejected, clock.Elapsed.TotalMilliseconds);
        var cast = Progress.Cast;
        // Not while a write that interleaved (Setup, Transcript) is under way: it writes the progress of the turns it writes.
        await _writing.WaitAsync();
        try
        {
            _unwritten.Add(turnRecord);
            record.State.WorldStreamVersion = receipt.StreamVersion;
            Progress = Progress.After(turnRecord, receipt.PresentAtScene, definition.Entities.Where(e => e.IsCharacter))
                .Following(presence, Joinable(definition, Progress.Spec));
        }
        finally
        {
            _writing.Release();
        }
        await Task.WhenAll(Progress.Cast.Except(cast).Select(id => Embody(definition, Options, id)));
        if (_unwritten.Count >= WriteEvery)
        {
            await WriteTurnsAsync();
        }
        if (listener is not null)
        {
            _ = listener.Played(turnRecord);
        }
        return turnRecord;
    }

    /// <summary>The proposals to commit, with the bridges that replaced those the world makes impossible here. The world's state is
    /// read only when a proposal could need a bridge: a line to someone not present, or a journey.</summary>
    private async Task<(ImmutableArray<Proposal>, ImmutableArray<Bridge>)> BridgeAsync(
        int turn, bool offstage, ImmutableArray<Proposal> proposals)
    {
        var present = Progress.Present;
        if (!proposals.Any(p => p.Change is Moved or Travelled
            || p.Change is Spoke { Addressees.IsDefault: false } s && s.Addressees.Any(a => !present.Contains(a))))
        {
            return (proposals, ImmutableArray<Bridge>.Empty);
        }
        var definition = await Definition();
        // The scene folds the world's events itself, since it needs only what happened since it last looked.
        var world = _world ?? WorldState.Initial(definition);
        _world = world.ApplyAll(await World.EventsAfterAsync(world.Version));
        _laws ??= LawBook.For(definition.Setting);
        return NarrativeBridge.Plan(_world, _laws, turn, offstage ? (EntityId?)null : Progress.Spec.Place, proposals);
    }

    /// <summary>Writes the unwritten turns to the transcript in one append, then the record with the progress after them. The
    /// turns are already stored in the world: if either write fails, the next activation rebuilds them from there.</summary>
    private async Task WriteTurnsAsync()
    {
        try
        {
            await WriteAsync();
        }
        catch (Exception e)
        {
            DeactivateOnIdle();
            throw new TurnInterruptedException(
                $"Scene '{Key}' played up to turn {Progress.Turn} but could not write its transcript ({e.GetType().Name}: {e.Message}); "
                + "the turns are stored in the world and are written when the scene is next called, so calling again is safe.");
        }
    }

    /// <summary>Writes the unwritten turns and then the record, one write at a time: <c>Setup</c> (which interleaves with any
    /// call) and <c>Transcript</c> (with other reads) may ask while a turn is in flight, and no turn's progress enters the record
    /// while its transcript append is under way.</summary>
    private async Task WriteAsync()
    {
        await _writing.WaitAsync();
        try
        {
            if (_unwritten.Count == 0 && !_recordDirty)
            {
                return;
            }
            if (_unwritten.Count > 0)
            {
                record.State.TranscriptVersion = await Transcript.AppendAsync(record.State.TranscriptVersion, _unwritten);
                _unwritten.Clear();
            }
            _recordDirty = true;
            await record.WriteStateAsync();
            _recordDirty = false;
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>Rebuilds the turns the world stored for this scene after its record's progress (the scene stopped before it wrote
    /// them): folds them into the progress as they were played, with who was present after each as the world stored it, and
    /// writes them, skipping those the transcript already holds.</summary>
    private async Task<bool> RecoverTurnsAsync()
    {
        var committed = await World.CommittedTurns($"{Key}/", Progress.Turn, record.State.WorldStreamVersion);
        if (committed.IsEmpty)
        {
            return false;
        }
        var definition = await Definition();
        // Names as the world knows them now (people and places created in play included); who was present comes with each turn.
        var world = (await World.StateAfterTurn(-1)).State;
        string Named(EntityId id) => world.Find(id)?.Name ?? NameOf(definition, id);
        var (cast, characters) = (Progress.Cast, definition.Entities.Where(e => e.IsCharacter).ToList());
        foreach (var turn in committed)
        {
            var presence = Presence.Between(Progress.Present, turn.PresentAtScene);
            var recorded = turn.Draft.Recorded(
                definition.Setting.Language, Named, presence, turn.Accepted, turn.Rejected, turn.Draft.Decided.LatencyMs);
            _unwritten.Add(recorded);
            Progress = Progress.After(recorded, turn.PresentAtScene, characters).Following(presence, Joinable(definition, Progress.Spec));
            record.State.WorldStreamVersion = turn.StreamVersion;
        }
        await Task.WhenAll(Progress.Cast.Except(cast).Select(id => Embody(definition, Options, id)));
        // The transcript may hold the first of them: the scene stopped after writing its transcript and before its record.
        var own = new TranscriptSegment(Transcript.Stream, record.State.ForkTurn, int.MaxValue);
        var written = await Transcript.ReadAsync([own], _unwritten[0].Turn, _unwritten.Count);
        record.State.TranscriptVersion += written.Length;
        _unwritten.RemoveAll(t => written.Any(w => w.Turn == t.Turn));
        _recordDirty = true;
        return true;
    }

    /// <summary>The characters who join the scene on walking in (those with a persona, but the user), with their talkativeness.</summary>
    private static Dictionary<EntityId, double> Joinable(WorldDefinition definition, SceneSpec spec) =>
        definition.Personas.Where(p => p.Id != spec.User).ToDictionary(p => p.Id, p => p.Talkativeness);

    private static string NameOf(WorldDefinition definition, EntityId id) =>
        definition.Entities.FirstOrDefault(e => e.Id == id)?.Name ?? id.Value;

    private async Task Embody(WorldDefinition definition, SceneOptions options, EntityId id)
    {
        var persona = definition.PersonaOf(id)
            ?? throw new ArgumentException($"Character '{id}' in scene '{options.SceneId}' has no persona in world '{options.WorldKey}'.");
        var mind = id == definition.Scenes.First(s => s.Id == options.SceneId).User ? options.UserMind ?? "person" : options.CharacterMind;
        if (mind == "person")
        {
            return;
        }
        await GrainFactory.GetGrain<ICharacterGrain>(CharacterKey.Of(options.WorldKey, id))
            .Embody(new Embodiment(options.WorldKey, persona, mind, options.PerspectiveBudget));
    }

    private async Task<WorldDefinition> Definition() => _definition ??= (await World.Definition()).Definition;

    private SceneStatus Status()
    {
        var p = Progress;
        return new SceneStatus(
            Key, Options.WorldKey, p.Spec.Id, p.Spec.Place, p.Cast, p.User, p.Turn, p.Present, p.Pacing, p.Tension, p.Policy);
    }
}
