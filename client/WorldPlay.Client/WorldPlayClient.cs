using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Characters;
using WorldPlay.Core.Scenes;

namespace WorldPlay.Client;

/// <summary>The typed entry point a game calls: open worlds and scenes, speak in them, read world state.
/// Works against an embedded silo or a cluster client alike (it only needs an <see cref="IGrainFactory"/>).</summary>
public sealed class WorldPlayClient(IGrainFactory grains, Polly.ResiliencePipeline? resilience = null)
{
    /// <summary>Creates a world under <paramref name="key"/> from its definition.</summary>
    public async Task<WorldHandle> CreateWorldAsync(string key, WorldDefinition definition, int snapshotEvery = 64)
    {
        await grains.GetGrain<IWorldGrain>(key).Create(new WorldSeed(definition, snapshotEvery));
        return World(key);
    }

    /// <summary>Creates a world under <paramref name="key"/> with a timeline recorded elsewhere (a file), and opens its scene
    /// <paramref name="scene"/> with the recorded <paramref name="transcript"/>, ready to go on.</summary>
    public async Task<(WorldHandle World, SceneHandle Scene)> ImportAsync(
        string key,
        WorldDefinition definition,
        ImmutableArray<WorldEvent> events,
        SceneOptions scene,
        ImmutableArray<TurnRecord> transcript,
        int snapshotEvery = 64)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(scene);
        // Checked before the world is stored, so a wrong scene id leaves nothing behind under the key.
        if (definition.Scenes.All(s => s.Id != scene.SceneId))
        {
            throw new ArgumentException(
                $"Unknown scene '{scene.SceneId}' in world '{key}'; known: {string.Join(", ", definition.Scenes.Select(s => s.Id))}.");
        }
        await grains.GetGrain<IWorldGrain>(key).Import(new TimelineImport(new WorldSeed(definition, snapshotEvery), events));
        var sceneKey = $"{key}/{scene.SceneId}";
        await grains.GetGrain<ISceneGrain>(sceneKey).Import(new SceneImport(scene with { WorldKey = key }, transcript));
        return (World(key), Scene(sceneKey));
    }

    /// <summary>A world that already exists.</summary>
    public WorldHandle World(string key) => new(grains, key);

    /// <summary>Opens a scene of a world under <paramref name="sceneKey"/>; its cast is embodied and ready to speak.</summary>
    public async Task<SceneHandle> OpenSceneAsync(string sceneKey, SceneOptions options)
    {
        await grains.GetGrain<ISceneGrain>(sceneKey).Open(options);
        return Scene(sceneKey);
    }

    /// <summary>A scene that is already open.</summary>
    public SceneHandle Scene(string sceneKey) => new(grains, sceneKey, resilience ?? Resilience.Pipeline);

    /// <summary>Opens scene <paramref name="parentScene"/>'s continuation on <paramref name="branch"/>, a fork of its world, under
    /// <paramref name="sceneKey"/> (default: <c>{branch}/{scene id}</c>); it goes on from the fork turn.</summary>
    public async Task<SceneHandle> ContinueOnBranchAsync(SceneHandle parentScene, WorldHandle branch, string? sceneKey = null)
    {
        var key = sceneKey ?? $"{branch.Key}/{(await parentScene.StatusAsync()).SceneId}";
        await grains.GetGrain<ISceneGrain>(key).Branch(new SceneBranch(parentScene.Key, branch.Key));
        return Scene(key);
    }

    /// <summary>The keys of every root world (branches are listed by <see cref="WorldHandle.BranchesAsync"/>).</summary>
    public Task<ImmutableArray<string>> WorldsAsync() => grains.GetGrain<IWorldCatalogGrain>(IWorldCatalogGrain.Key).Worlds();
}

/// <summary>One world: its state at any turn, its events, its laws' audit, and what each character remembers.</summary>
public sealed class WorldHandle(IGrainFactory grains, string key)
{
    private readonly IWorldGrain _world = grains.GetGrain<IWorldGrain>(key);

    public string Key { get; } = key;

    public Task<WorldSummary> SummaryAsync() => _world.Summary();

    public async Task<WorldDefinition> DefinitionAsync() => (await _world.Definition()).Definition;

    /// <summary>The current state, or the state after <paramref name="turn"/>.</summary>
    public Task<StateView> StateAsync(int? turn = null) => _world.StateAfterTurn(turn ?? -1);

    public Task<WorldAudit> AuditAsync() => _world.Audit();

    /// <summary>Every event, in order, fetched a page at a time.</summary>
    public async IAsyncEnumerable<WorldEvent> EventsAsync(
        int pageSize = 1000, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        long after = 0;
        while (true)
        {
            var page = await _world.Events(after, pageSize);
            foreach (var e in page.Events)
            {
                yield return e;
            }
            cancellationToken.ThrowIfCancellationRequested();
            if (page.Events.Length == 0 || page.Events[^1].Seq >= page.Version)
            {
                yield break;
            }
            after = page.Events[^1].Seq;
        }
    }

    /// <summary>The state just after event <paramref name="seq"/> (0: the starting state).</summary>
    public Task<StateView> StateAtAsync(long seq) => _world.StateAt(seq);

    /// <summary>Creates world <paramref name="newKey"/> as a branch of this one after turn <paramref name="atTurn"/>; it shares this
    /// world's timeline up to there without copying it.</summary>
    public async Task<WorldHandle> ForkAsync(string newKey, int atTurn)
    {
        await _world.Fork(new ForkRequest(newKey, atTurn));
        return new WorldHandle(grains, newKey);
    }

    /// <summary>What changed from turn <paramref name="fromTurn"/> to turn <paramref name="toTurn"/>, with the events
    /// responsible.</summary>
    public Task<TimelineDiff> DiffAsync(int fromTurn, int toTurn) => _world.Diff(fromTurn, toTurn);

    /// <summary>What differs from this world to <paramref name="other"/>, a branch of the same family, with each side's events
    /// since they parted.</summary>
    public Task<TimelineDiff> DiffAsync(WorldHandle other) => _world.DiffBranch(other.Key);

    /// <summary>The causal chain behind a relationship, fact or status (see <see cref="WhyRequest"/>).</summary>
    public Task<CausalAnswer> WhyAsync(WhyRequest request) => _world.Why(request);

    /// <summary>This world's parent, grandparent, ... with their fork points, and the root of its family.</summary>
    public Task<WorldLineage> LineageAsync() => _world.Lineage();

    /// <summary>Every branch of this world's family (the tree grown from its root), in the order they were made.</summary>
    public async Task<ImmutableArray<BranchEntry>> BranchesAsync() =>
        await grains.GetGrain<IWorldFamilyGrain>((await _world.Lineage()).Root).Branches();

    /// <summary>Every preference signal recorded in this world's family (choices between regenerated replies).</summary>
    public async Task<ImmutableArray<PreferenceSignal>> PreferencesAsync() =>
        await grains.GetGrain<IWorldFamilyGrain>((await _world.Lineage()).Root).Preferences();

    /// <summary>Writes this family's preference signals as JSONL preference pairs, one line per discarded reply; returns the
    /// lines written.</summary>
    public async Task<int> ExportPreferencesAsync(TextWriter writer) =>
        await PreferencePairs.WriteAsync(await PreferencesAsync(), writer);

    /// <summary>What <paramref name="character"/> remembers: only the events it witnessed.</summary>
    public async Task<CharacterMemory> MemoryOfAsync(EntityId character) =>
        (await grains.GetGrain<ICharacterGrain>(CharacterKey.Of(Key, character)).Memory()).Memory;
}

/// <summary>One open scene: say something as the user, let self-play run, add participants, read the transcript.</summary>
public sealed class SceneHandle(IGrainFactory grains, string key, Polly.ResiliencePipeline resilience)
{
    private readonly ISceneGrain scene = grains.GetGrain<ISceneGrain>(key);

    public string Key { get; } = key;

    /// <summary>The user says <paramref name="text"/>; returns the user's turn followed by the characters' replies.</summary>
    public async Task<ImmutableArray<TurnRecord>> SayAsync(string text, ImmutableArray<Proposal> proposals = default) =>
        (await scene.Say(new UserLine(text, proposals.IsDefault ? [] : proposals))).Turns;

    /// <summary>Plays self-play until the scene reaches turn <paramref name="untilTurn"/>, at most <paramref name="maxTurns"/>
    /// turns per call. Interrupted turns (a silo died, storage was briefly away) are retried; a retry never plays past
    /// <paramref name="untilTurn"/>.</summary>
    public async Task<TurnBatch> PlayUntilAsync(int untilTurn, int maxTurns = 20, CancellationToken cancellationToken = default) =>
        await resilience.ExecuteAsync(async _ => await scene.Play(untilTurn, maxTurns), cancellationToken);

    /// <summary>The user says <paramref name="text"/>; yields the characters' speech as their minds produce it and every turn
    /// (the user's first) once committed.</summary>
    public IAsyncEnumerable<SceneUpdate> SayStreamingAsync(
        string text, ImmutableArray<Proposal> proposals = default, CancellationToken cancellationToken = default) =>
        StreamAsync(
            listener => scene.Say(new UserLine(text, proposals.IsDefault ? [] : proposals), listener),
            _ => false,
            cancellationToken);

    /// <summary>Plays self-play like <see cref="PlayUntilAsync"/>, yielding each speaker's speech as its mind produces it and
    /// each turn once the world has committed it. Every committed turn is yielded exactly once, in order, after its speech:
    /// the speech updates of a turn since its last <c>Restart</c> (a retry voided what came before) join to the committed
    /// speech.</summary>
    public IAsyncEnumerable<SceneUpdate> PlayStreamingAsync(
        int untilTurn, int maxTurns = 20, CancellationToken cancellationToken = default) =>
        StreamAsync(
            listener => resilience.ExecuteAsync(async _ => await scene.Play(untilTurn, maxTurns, listener), cancellationToken).AsTask(),
            batch => batch.Turns.Length > 0 && batch.Status.Turn < untilTurn,
            cancellationToken);

    /// <summary>Makes calls with a listener while <paramref name="more"/> says so, yielding what the listener hears. A turn whose
    /// one-way <c>Played</c> message never came (a silo died mid-call) is yielded from the call's result or the transcript.</summary>
    private async IAsyncEnumerable<SceneUpdate> StreamAsync(
        Func<ISceneListener, Task<TurnBatch>> call,
        Func<TurnBatch, bool> more,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var heard = new SceneUpdates((await scene.Status()).Turn);
        var reference = grains.CreateObjectReference<ISceneListener>(heard);
        var playing = Task.Run(async () =>
        {
            try
            {
                TurnBatch batch;
                do
                {
                    batch = await call(reference);
                    var last = heard.LastTurn;
                    if (batch.Turns.Length > 0 && batch.Turns[0].Turn > last + 1)
                    {
                        heard.Fill((await scene.Transcript(last + 1, batch.Turns[0].Turn - last - 1)).Turns);
                    }
                    heard.Fill(batch.Turns);
                }
                while (more(batch) && !cancellationToken.IsCancellationRequested);
                heard.Complete(null);
            }
            catch (Exception e)
            {
                heard.Complete(e);
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var update in heard.Updates.ReadAllAsync(cancellationToken))
            {
                yield return update;
            }
            await playing;
        }
        finally
        {
            grains.DeleteObjectReference<ISceneListener>(reference);
            GC.KeepAlive(heard);
        }
    }

    /// <summary>Plays self-play call after call until the scene reaches turn <paramref name="untilTurn"/> (or nobody is left to
    /// act); returns every turn played. A single call may return early (it plays for about 10 s at most).</summary>
    public async Task<ImmutableArray<TurnRecord>> PlayThroughAsync(
        int untilTurn, int maxTurnsPerCall = 20, CancellationToken cancellationToken = default)
    {
        var played = ImmutableArray.CreateBuilder<TurnRecord>();
        while (true)
        {
            var batch = await PlayUntilAsync(untilTurn, maxTurnsPerCall, cancellationToken);
            played.AddRange(batch.Turns);
            if (batch.Turns.Length == 0 || batch.Status.Turn >= untilTurn)
            {
                return played.ToImmutable();
            }
        }
    }

    /// <summary>Plays up to <paramref name="turns"/> more turns of self-play.</summary>
    public async Task<TurnBatch> PlayAsync(int turns, CancellationToken cancellationToken = default)
    {
        var start = (await scene.Status()).Turn;
        return await PlayUntilAsync(start + turns, Math.Min(turns, 200), cancellationToken);
    }

    public Task<SceneStatus> AddParticipantAsync(EntityId character) => scene.AddParticipant(character);

    /// <summary>Makes <paramref name="speaker"/>, a character of the cast at the scene's place, speak the next turn; returns that turn
    /// (a scene's opening line, if still due, is played before it). Anyone else (the user, a character away or unknown) is refused
    /// with an <see cref="ArgumentException"/> naming who can speak.</summary>
    public async Task<TurnRecord> PlayNextAsync(EntityId speaker) => (await scene.PlayNext(speaker)).Turns[^1];

    /// <summary>Lets the characters talk among themselves for <paramref name="turns"/> turns without the user (fewer when nobody is
    /// left to act); returns every turn played.</summary>
    public async Task<ImmutableArray<TurnRecord>> ConverseAsync(int turns, CancellationToken cancellationToken = default)
    {
        var played = ImmutableArray.CreateBuilder<TurnRecord>();
        while (played.Count < turns && !cancellationToken.IsCancellationRequested)
        {
            var batch = await scene.Converse(Math.Min(turns - played.Count, 200));
            if (batch.Turns.IsEmpty)
            {
                break;
            }
            played.AddRange(batch.Turns);
        }
        return played.ToImmutable();
    }

    /// <summary>Plays the last turn again on a sibling branch with the speaker's mind reseeded; returns every alternative of that
    /// turn so far, this scene's own first. Continue on one with <see cref="ChooseAsync"/>.</summary>
    public Task<TurnAlternatives> RegenerateAsync() => scene.Regenerate();

    /// <summary>The alternatives of the last regenerated turn.</summary>
    public Task<TurnAlternatives> AlternativesAsync() => scene.Alternatives();

    /// <summary>Keeps <paramref name="alternative"/>, records the choice as a preference signal, and returns the scene to
    /// continue on.</summary>
    public async Task<(SceneHandle Scene, PreferenceSignal Signal)> ChooseAsync(AlternativeTurn alternative)
    {
        var signal = await scene.Choose(alternative.Scene);
        return (new SceneHandle(grains, alternative.Scene, resilience), signal);
    }

    public Task<SceneStatus> StatusAsync() => scene.Status();

    /// <summary>Up to <paramref name="max"/> recorded turns from turn <paramref name="fromTurn"/> on (turns count from 1).</summary>
    public async Task<ImmutableArray<TurnRecord>> TurnsAsync(int fromTurn, int max) => (await scene.Transcript(fromTurn, max)).Turns;

    /// <summary>Every recorded turn, in order.</summary>
    public async IAsyncEnumerable<TurnRecord> TranscriptAsync(
        int pageSize = 500, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var from = 1;
        while (true)
        {
            var page = await scene.Transcript(from, pageSize);
            foreach (var turn in page.Turns)
            {
                yield return turn;
            }
            cancellationToken.ThrowIfCancellationRequested();
            if (page.Turns.Length < pageSize)
            {
                yield break;
            }
            from += page.Turns.Length;
        }
    }
}
