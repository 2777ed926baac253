using System.Collections.Immutable;
using System.Diagnostics;
using MessagePack;
using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Minds;
using WorldPlay.Core.Scenes;
using WorldPlay.Core.Serialization;
using WorldPlay.Storage;

namespace WorldPlay.Grains;

/// <summary>The grain-storage record of a scene: how it was opened and its progress. Turns live in the event store.</summary>
[GenerateSerializer, Alias("worldplay.SceneRecord")]
public sealed class SceneRecord
{
    [Id(0)] public SceneOptions? Options { get; set; }

    [Id(1)] public SceneProgress? Progress { get; set; }

    [Id(2)] public long TranscriptVersion { get; set; }
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

    private WorldDefinition? _definition;

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

    async Task<TurnBatch> IStoryThreadGrain.Transcript(int fromTurn, int max)
    {
        var turns = ImmutableArray.CreateBuilder<TurnRecord>();
        await foreach (var stored in store.ReadAsync(WorldPlayStorage.TranscriptStream(Key), Math.Max(0, fromTurn - 1)))
        {
            if (turns.Count >= max)
            {
                break;
            }
            turns.Add(MessagePackSerializer.Deserialize<TurnRecord>(stored.Data, CoreSerialization.Canonical));
        }
        return new TurnBatch(turns.ToImmutable(), Status());
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
            var decided = await GrainFactory.GetGrain<ICharacterGrain>(CharacterKey.Of(Options.WorldKey, who))
                .TakeTurn(new TurnCue(Progress.CueFor(who, offstage, placeName), Progress.Turn + 1, listener));
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
        catch (Exception e) when (e is not ArgumentException and not TurnInterruptedException)
        {
            DeactivateOnIdle();
            throw new TurnInterruptedException(
                $"Turn {Progress.Turn + 1} of scene '{Key}' was interrupted ({e.GetType().Name}: {e.Message}); call again to resume from turn {Progress.Turn}.");
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
