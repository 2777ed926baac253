using System.Collections.Immutable;
using System.Diagnostics;
using MessagePack;
using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Minds;
using WorldPlay.Core.Scenes;
using WorldPlay.Core.Serialization;
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
}

/// <summary>An ensemble scene. A turn flows: pick who acts (core turn-taking) -> that character decides (perspective, mind)
/// -> the world judges and commits -> the scene records the turn and moves its pacing on.</summary>
public sealed class StoryThreadGrain(
    [PersistentState("scene", WorldPlayStorage.Grains)] IPersistentState<SceneRecord> record,
    IEventStore store) : Grain, IStoryThreadGrain
{
    /// <summary>The most turns one call may play, so a caller sees progress and no call runs for minutes.</summary>
    public const int MaxTurnsPerCall = 200;

    /// <summary>After this long a call returns the turns it played so far, so a caller hears back often however slow the minds.</summary>
    public static readonly TimeSpan CallBudget = TimeSpan.FromSeconds(10);

    /// <summary>How many lines before a regenerated turn make up the preference signal's prompt.</summary>
    public const int PromptLines = 6;

    private WorldDefinition? _definition;

    /// <summary>Set while a regenerated turn is replayed: reseeds the speaker's mind for that one turn.</summary>
    private int? _variant;

    private string Key => this.GetPrimaryKeyString();

    private SceneOptions Options => record.State.Options ?? throw new InvalidOperationException($"Scene '{Key}' is not open; open it first.");

    private SceneProgress Progress
    {
        get => record.State.Progress!;
        set => record.State.Progress = value;
    }

    private IWorldGrain World => GrainFactory.GetGrain<IWorldGrain>(Options.WorldKey);

    async Task<SceneStatus> IStoryThreadGrain.Open(SceneOptions options)
    {
        if (record.State.Options is not null)
        {
            throw new InvalidOperationException($"Scene '{Key}' is already open.");
        }
        var world = GrainFactory.GetGrain<IWorldGrain>(options.WorldKey);
        var definition = (await world.Definition()).Definition;
        var spec = definition.Scenes.FirstOrDefault(s => s.Id == options.SceneId)
            ?? throw new ArgumentException($"Unknown scene '{options.SceneId}' in world '{options.WorldKey}'; known: {string.Join(", ", definition.Scenes.Select(s => s.Id))}.");
        var state = (await world.StateAfterTurn(-1)).State;
        var talkativeness = spec.Cast.Distinct().ToDictionary(c => c, c => definition.PersonaOf(c)?.Talkativeness ?? 0.5);
        var participants = spec.User is { } user ? spec.Cast.Add(user).Distinct() : spec.Cast;
        await Task.WhenAll(participants.Select(id => Embody(definition, options, id)));
        record.State = new SceneRecord
        {
            Options = options,
            Progress = SceneProgress.Open(
                spec, options.TurnTaking ?? spec.TurnTaking, options.Seed, talkativeness, state.CharactersAt(spec.Place).Select(c => c.Id)),
        };
        _definition = definition;
        await record.WriteStateAsync();
        return Status();
    }

    async Task<TurnBatch> IStoryThreadGrain.Play(int untilTurn, int maxTurns, ISceneListener? listener)
    {
        if (maxTurns < 1 || maxTurns > MaxTurnsPerCall)
        {
            throw new ArgumentOutOfRangeException(nameof(maxTurns), maxTurns, $"Play between 1 and {MaxTurnsPerCall} turns per call.");
        }
        if (Options.UserMind is null && Progress.User is not null)
        {
            throw new InvalidOperationException($"Scene '{Key}' was opened for a person to play the user; use Say, or open it with a user mind for self-play.");
        }
        var played = ImmutableArray.CreateBuilder<TurnRecord>();
        var clock = Stopwatch.StartNew();
        while (played.Count < maxTurns && Progress.Turn < untilTurn && (played.Count == 0 || clock.Elapsed < CallBudget))
        {
            if (await StepAsync(userPlays: true, listener) is not { } turn)
            {
                break;
            }
            played.Add(turn);
        }
        return new TurnBatch(played.ToImmutable(), Status());
    }

    async Task<TurnBatch> IStoryThreadGrain.Say(UserLine line, ISceneListener? listener)
    {
        var user = Progress.User ?? throw new InvalidOperationException($"Scene '{Key}' has no user participant.");
        var name = (await Definition()).Entities.First(e => e.Id == user).Name;
        var action = new CharacterAction(line.Text, "", [], line.Proposals.IsDefault ? [] : line.Proposals, MindUsage.Free("person"));
        var played = ImmutableArray.CreateBuilder<TurnRecord>();
        played.Add(await InterruptibleAsync(() => WorldPlayTelemetry.TurnAsync(Key, Progress.Turn + 1, user,
            () => CommitTurnAsync(new CharacterTurn(user, name, action, 0), TurnRole.User, offstage: false, Stopwatch.StartNew(), listener))));
        while (Progress.RepliesUntilUser > 0 && played.Count <= MaxTurnsPerCall && await StepAsync(userPlays: false, listener) is { } reply)
        {
            played.Add(reply);
        }
        return new TurnBatch(played.ToImmutable(), Status());
    }

    async Task<SceneStatus> IStoryThreadGrain.AddParticipant(EntityId character)
    {
        var definition = await Definition();
        if (definition.PersonaOf(character) is null || character == Progress.User)
        {
            throw new ArgumentException(
                $"Unknown character '{character}' in world '{Options.WorldKey}'; known: {string.Join(", ", definition.Personas.Select(p => p.Id).Where(p => p != Progress.User))}.");
        }
        if (!Progress.Cast.Contains(character))
        {
            await Embody(definition, Options, character);
            Progress = Progress with
            {
                Cast = Progress.Cast.Add(character),
                Talkativeness = Progress.Talkativeness.SetItem(character, definition.PersonaOf(character)!.Talkativeness),
            };
            await record.WriteStateAsync();
        }
        return Status();
    }

    Task<SceneStatus> IStoryThreadGrain.Status() => Task.FromResult(Status());

    async Task<TurnBatch> IStoryThreadGrain.Transcript(int fromTurn, int max) =>
        new(await ReadTranscriptAsync(TranscriptSegments(int.MaxValue), fromTurn, max), Status());

    async Task<TurnBatch> IStoryThreadGrain.Branch(SceneBranch branch)
    {
        if (record.State.Options is not null)
        {
            throw new InvalidOperationException($"Scene '{Key}' is already open.");
        }
        var parent = await GrainFactory.GetGrain<IStoryThreadGrain>(branch.ParentScene).Setup();
        var world = GrainFactory.GetGrain<IWorldGrain>(branch.WorldKey);
        var fork = (await world.Lineage()).Parent;
        if (fork is null || fork.Parent != parent.Options.WorldKey)
        {
            throw new ArgumentException(
                $"World '{branch.WorldKey}' is not a branch of '{parent.Options.WorldKey}', the world of scene '{branch.ParentScene}'; fork that world first.");
        }
        var options = parent.Options with { WorldKey = branch.WorldKey };
        var definition = (await world.Definition()).Definition;
        var spec = definition.Scenes.First(s => s.Id == options.SceneId);
        var prefix = parent.Transcript.Where(s => s.Offset < fork.Turn).Select(s => s with { LastTurn = Math.Min(s.LastTurn, fork.Turn) }).ToImmutableArray();
        var shared = await ReadTranscriptAsync(prefix, 1, fork.Turn);
        var participants = spec.User is { } user ? spec.Cast.Add(user).Distinct() : spec.Cast;
        await Task.WhenAll(participants.Select(id => Embody(definition, options, id)));
        record.State = new SceneRecord
        {
            Options = options,
            Progress = await ProgressAfterAsync(world, definition, spec, options, shared),
            Prefix = prefix,
            ForkTurn = fork.Turn,
            SiblingOf = branch.ReplayVariant is null ? null : branch.ParentScene,
        };
        _definition = definition;
        await record.WriteStateAsync();
        if (branch.ReplayVariant is not { } variant)
        {
            return new TurnBatch([], Status());
        }
        _variant = variant;
        try
        {
            var replayed = await StepAsync(userPlays: options.UserMind is not null, listener: null);
            return new TurnBatch(replayed is null ? [] : [replayed], Status());
        }
        finally
        {
            _variant = null;
        }
    }

    async Task<SceneStatus> IStoryThreadGrain.Import(SceneImport scene)
    {
        if (record.State.Options is not null)
        {
            throw new InvalidOperationException($"Scene '{Key}' is already open.");
        }
        var options = scene.Options;
        var world = GrainFactory.GetGrain<IWorldGrain>(options.WorldKey);
        var definition = (await world.Definition()).Definition;
        var spec = definition.Scenes.FirstOrDefault(s => s.Id == options.SceneId)
            ?? throw new ArgumentException($"Unknown scene '{options.SceneId}' in world '{options.WorldKey}'; known: {string.Join(", ", definition.Scenes.Select(s => s.Id))}.");
        var participants = spec.User is { } user ? spec.Cast.Add(user).Distinct() : spec.Cast;
        await Task.WhenAll(participants.Select(id => Embody(definition, options, id)));
        long version = 0;
        foreach (var chunk in scene.Transcript.Chunk(EventStoreLimits.MaxRecordsPerBatch))
        {
            var records = chunk.Select(t => MessagePackSerializer.Serialize(t, CoreSerialization.Canonical)).ToList();
            version = (await store.AppendAsync(WorldPlayStorage.TranscriptStream(Key), version, records, $"import/{version + 1}")).LastVersion;
        }
        record.State = new SceneRecord
        {
            Options = options,
            Progress = await ProgressAfterAsync(world, definition, spec, options, scene.Transcript),
            TranscriptVersion = version,
        };
        _definition = definition;
        await record.WriteStateAsync();
        return Status();
    }

    async Task<TurnAlternatives> IStoryThreadGrain.Regenerate()
    {
        if (record.State.SiblingOf is { } origin && record.State.ForkTurn + 1 == Progress.Turn)
        {
            // A sibling that has not moved on regenerates the same turn: the origin keeps the turn's alternatives.
            return await GrainFactory.GetGrain<IStoryThreadGrain>(origin).Regenerate();
        }
        var turn = Progress.Turn;
        if (turn < 1)
        {
            throw new InvalidOperationException($"Scene '{Key}' has played no turn yet; there is nothing to regenerate.");
        }
        var last = (await ReadTranscriptAsync(TranscriptSegments(turn), turn, 1)).Single();
        if (last.Role == TurnRole.User && Options.UserMind is null)
        {
            throw new InvalidOperationException($"Turn {turn} of scene '{Key}' is the person's own line; only a mind's turn can be regenerated.");
        }
        var n = ++record.State.Regenerations;
        await record.WriteStateAsync();
        var siblingWorld = $"{Options.WorldKey}-t{turn}-r{n}";
        var siblingScene = $"{siblingWorld}/{Options.SceneId}";
        await World.Fork(new ForkRequest(siblingWorld, turn - 1, BranchKind.Regenerated));
        var replayed = await GrainFactory.GetGrain<IStoryThreadGrain>(siblingScene).Branch(new SceneBranch(Key, siblingWorld, n));
        var alternative = replayed.Turns.FirstOrDefault()
            ?? throw new InvalidOperationException($"Turn {turn} of scene '{Key}' could not be played again: nobody could act on branch '{siblingWorld}'.");
        var alternatives = record.State.Alternatives is { } known && known.Turn == turn
            ? known
            : new TurnAlternatives(Key, turn, [new AlternativeTurn(Key, Options.WorldKey, last)]);
        record.State.Alternatives = alternatives with { Candidates = alternatives.Candidates.Add(new AlternativeTurn(siblingScene, siblingWorld, alternative)) };
        await record.WriteStateAsync();
        return record.State.Alternatives;
    }

    async Task<TurnAlternatives> IStoryThreadGrain.Alternatives()
    {
        if (record.State.SiblingOf is { } origin && record.State.ForkTurn + 1 == Progress.Turn)
        {
            return await GrainFactory.GetGrain<IStoryThreadGrain>(origin).Alternatives();
        }
        return record.State.Alternatives ?? new TurnAlternatives(Key, Progress.Turn, []);
    }

    async Task<PreferenceSignal> IStoryThreadGrain.Choose(string sceneKey)
    {
        if (record.State.Alternatives is null && record.State.SiblingOf is { } origin)
        {
            return await GrainFactory.GetGrain<IStoryThreadGrain>(origin).Choose(sceneKey);
        }
        var alternatives = record.State.Alternatives
            ?? throw new InvalidOperationException($"Scene '{Key}' has no regenerated turn to choose from; regenerate first.");
        var chosen = alternatives.Candidates.FirstOrDefault(c => c.Scene == sceneKey)
            ?? throw new ArgumentException(
                $"Scene '{sceneKey}' is not an alternative of turn {alternatives.Turn} of scene '{Key}'; known: {string.Join(", ", alternatives.Candidates.Select(c => c.Scene))}.");
        var before = await ReadTranscriptAsync(TranscriptSegments(alternatives.Turn), Math.Max(1, alternatives.Turn - PromptLines), alternatives.Turn - 1);
        var prompt = string.Join('\n', [
            .. before.Where(t => t.Turn < alternatives.Turn).Select(t => $"{t.SpeakerName}: {t.Speech}".TrimEnd()),
            $"{chosen.Turn.SpeakerName}:",
        ]);
        var root = (await World.Lineage()).Root;
        var signal = new PreferenceSignal(
            root,
            alternatives.Turn,
            chosen.Turn.Speaker,
            prompt,
            Option(chosen),
            [.. alternatives.Candidates.Where(c => c.Scene != sceneKey).Select(Option)],
            chosen.Turn.Usage.Mind);
        await GrainFactory.GetGrain<IWorldFamilyGrain>(root).RecordPreference(signal);
        return signal;

        static ReplyOption Option(AlternativeTurn a) => new(a.World, a.Scene, a.Turn.Speech);
    }

    Task<SceneSetup> IStoryThreadGrain.Setup() => Task.FromResult(new SceneSetup(Options, TranscriptSegments(Progress.Turn)));

    /// <summary>The streams this scene's transcript is read from, up to <paramref name="lastTurn"/>: the shared prefix, then its own.</summary>
    private ImmutableArray<TranscriptSegment> TranscriptSegments(int lastTurn)
    {
        var prefix = record.State.Prefix.IsDefault ? [] : record.State.Prefix;
        return prefix.Add(new TranscriptSegment(WorldPlayStorage.TranscriptStream(Key), record.State.ForkTurn, lastTurn));
    }

    /// <summary>Up to <paramref name="max"/> turns from <paramref name="fromTurn"/> on, read from the segments' streams.</summary>
    private async Task<ImmutableArray<TurnRecord>> ReadTranscriptAsync(ImmutableArray<TranscriptSegment> segments, int fromTurn, int max)
    {
        var turns = ImmutableArray.CreateBuilder<TurnRecord>();
        var next = Math.Max(1, fromTurn);
        foreach (var segment in segments)
        {
            if (turns.Count >= max || next > segment.LastTurn)
            {
                continue;
            }
            await foreach (var stored in store.ReadAsync(segment.Stream, Math.Max(0, next - segment.Offset - 1)))
            {
                var turn = MessagePackSerializer.Deserialize<TurnRecord>(stored.Data, CoreSerialization.Canonical);
                if (turns.Count >= max || turn.Turn > segment.LastTurn)
                {
                    break;
                }
                turns.Add(turn);
                next = turn.Turn + 1;
            }
        }
        return turns.ToImmutable();
    }

    /// <summary>The scene's progress after <paramref name="turns"/>, folded as they were played: who is present after each turn
    /// comes from the world's events up to it.</summary>
    private static async Task<SceneProgress> ProgressAfterAsync(
        IWorldGrain world, WorldDefinition definition, SceneSpec spec, SceneOptions options, ImmutableArray<TurnRecord> turns)
    {
        var events = new List<WorldEvent>();
        var version = long.MaxValue;
        while (events.Count < version)
        {
            var page = await world.Events(events.Count, 5000);
            version = page.Version;
            if (page.Events.IsEmpty)
            {
                break;
            }
            events.AddRange(page.Events);
        }
        var opened = turns.IsEmpty ? 0 : turns[0].Turn - 1;
        var state = WorldState.Initial(definition).ApplyAll(events.TakeWhile(e => e.Turn <= opened));
        var talkativeness = spec.Cast.Distinct().ToDictionary(c => c, c => definition.PersonaOf(c)?.Talkativeness ?? 0.5);
        var progress = SceneProgress.Open(spec, options.TurnTaking ?? spec.TurnTaking, options.Seed, talkativeness, state.CharactersAt(spec.Place).Select(c => c.Id));
        var characters = definition.Entities.Where(e => e.IsCharacter).ToList();
        var applied = (int)state.Version;
        foreach (var turn in turns)
        {
            var upTo = events.Skip(applied).TakeWhile(e => e.Turn <= turn.Turn).ToList();
            state = state.ApplyAll(upTo);
            applied += upTo.Count;
            progress = progress.After(turn, [.. state.CharactersAt(spec.Place).Select(c => c.Id)], characters);
        }
        return progress;
    }

    private Task<TurnRecord?> StepAsync(bool userPlays, ISceneListener? listener) => InterruptibleAsync(() => DecideAndCommitAsync(userPlays, listener));

    private async Task<TurnRecord?> DecideAndCommitAsync(bool userPlays, ISceneListener? listener)
    {
        var clock = Stopwatch.StartNew();
        var next = Progress.Next(userPlays);
        if (next.Who is not { } who)
        {
            return null;
        }
        return await WorldPlayTelemetry.TurnAsync(Key, Progress.Turn + 1, who, async () =>
        {
            var offstage = next.Kind == NextUpKind.Offstage;
            var placeName = (await Definition()).Entities.First(e => e.Id == Progress.Spec.Place).Name;
            var cue = Progress.CueFor(who, offstage, placeName);
            if (_variant is { } variant)
            {
                cue = cue with { Seed = StableSeed.Of(cue.Seed, "regenerate", variant) };
            }
            var decided = await GrainFactory.GetGrain<ICharacterGrain>(CharacterKey.Of(Options.WorldKey, who))
                .TakeTurn(new TurnCue(cue, Progress.Turn + 1, listener));
            var role = next.Kind == NextUpKind.User ? TurnRole.User : TurnRole.Npc;
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
                $"Turn {Progress.Turn + 1} of scene '{Key}' was interrupted ({e.GetType().Name}: {e.Message}); nothing of it was recorded, so calling again is safe.");
        }
        catch (TurnInterruptedException)
        {
            DeactivateOnIdle();
            throw;
        }
    }

    private async Task<TurnRecord> CommitTurnAsync(CharacterTurn decided, TurnRole role, bool offstage, Stopwatch clock, ISceneListener? listener)
    {
        var turn = Progress.Turn + 1;
        var answering = Progress.LastLine is { } line && line.Speaker != decided.Character ? [line.Seq] : ImmutableArray<long>.Empty;
        var proposals = decided.Action.AllProposals(decided.Character, answering).ToImmutableArray();
        var receipt = await World.Commit(new CommitRequest($"{Key}/{turn}", turn, Progress.Spec.Place, offstage, proposals));
        var turnRecord = new TurnRecord(
            turn, decided.Character, decided.Name, role, decided.Action.Speech, decided.Action.Narration,
            receipt.Accepted, receipt.Rejected, decided.Action.Usage, decided.PerspectiveTokens, clock.Elapsed.TotalMilliseconds);
        var appended = await store.AppendAsync(
            WorldPlayStorage.TranscriptStream(Key),
            record.State.TranscriptVersion,
            [MessagePackSerializer.Serialize(turnRecord, CoreSerialization.Canonical)],
            $"{Key}/{turn}");
        if (appended.AlreadyStored)
        {
            // This turn was recorded before this scene last saved its progress (it was interrupted): the stored turn is the turn.
            turnRecord = MessagePackSerializer.Deserialize<TurnRecord>(
                await store.ReadRecordAsync(WorldPlayStorage.TranscriptStream(Key), appended.FirstVersion), CoreSerialization.Canonical);
        }
        record.State.TranscriptVersion = appended.LastVersion;
        var definition = await Definition();
        Progress = Progress.After(turnRecord, receipt.PresentAtScene, definition.Entities.Where(e => e.IsCharacter));
        await record.WriteStateAsync();
        if (listener is not null)
        {
            _ = listener.Played(turnRecord);
        }
        return turnRecord;
    }

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
        return new SceneStatus(Key, Options.WorldKey, p.Spec.Id, p.Spec.Place, p.Cast, p.User, p.Turn, p.Present, p.Pacing, p.Tension, p.Policy);
    }
}
