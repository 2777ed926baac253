using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Minds;
using WorldPlay.Core.Scenes;
using WorldPlay.Core.Serialization;
using WorldPlay.Core.Worlds;

namespace WorldPlay.Web.Studio;

/// <summary>The studio's scenes over the grains, on behalf of a caller: every key the caller names is its tenant's
/// (<see cref="TenantKeys"/>), every answer names keys as the caller knows them, and a request under an idempotency key runs
/// once (<see cref="IStudioRequestGrain"/>). Open scenes are counted per tenant and player (<see cref="IStudioTenantGrain"/>).
/// </summary>
public sealed partial class StudioSceneService(IGrainFactory grains, IServiceProvider services) : IStudioScenes
{
    /// <summary>The most changes one trigger may carry.</summary>
    public const int MaxTriggerChanges = 100;

    /// <summary>When a caller refused for its open scenes may try again: slots free only when a scene is closed.</summary>
    public static readonly TimeSpan SceneSlotRetryAfter = TimeSpan.FromSeconds(30);

    private ISceneFeed? Feed => services.GetService<ISceneFeed>();

    private StudioLimits LimitsOf(StudioCaller caller) =>
        (services.GetService<StudioOptions>() ?? new StudioOptions()).LimitsOf(caller.Tenant);

    public Task<StudioWorld> CreateWorldAsync(StudioCaller caller, CreateWorldRequest request, string? idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = Internal(caller, request.Key ?? throw new ArgumentException("key: name the world, such as my-harbor."));
        if (request.Key.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"key: '{request.Key}' is a scene key; a world key is a slug, such as my-harbor.");
        }
        return OnceAsync(caller, idempotencyKey, "create-world", key, request, async () =>
        {
            var definition = Definition(request, LimitsOf(caller));
            var summary = await grains.GetGrain<IWorldGrain>(key).Create(new WorldSeed(definition, 64));
            return new StudioWorld(request.Key, summary.Name, summary.Turn, summary.Entities, [.. definition.Scenes.Select(s => s.Id)]);
        });
    }

    public Task<SceneView> OpenAsync(StudioCaller caller, string world, OpenSceneRequest request, string? idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(request);
        var worldKey = Internal(caller, world);
        return OnceAsync(caller, idempotencyKey, "open", worldKey, request, async () =>
        {
            var definition = (await (await WorldAsync(caller, worldKey)).Definition()).Definition;
            var sceneId = request.Scene ?? definition.Scenes.FirstOrDefault()?.Id
                ?? throw new ArgumentException($"scene: world '{world}' declares no scene.");
            if (definition.Scenes.All(s => s.Id != sceneId))
            {
                throw new ArgumentException(
                    $"scene: unknown scene '{sceneId}' in world '{world}'; known: "
                    + $"{string.Join(", ", definition.Scenes.Select(s => s.Id))}.");
            }
            var mind = request.Mind ?? "procedural";
            Resolve("mind", mind);
            if (request.UserMind is not null)
            {
                Resolve("userMind", request.UserMind);
            }
            TurnTakingPolicy? turnTaking = request.TurnTaking is null ? null
                : Enum.TryParse<TurnTakingPolicy>(request.TurnTaking.Replace("-", "", StringComparison.Ordinal), true, out var p)
                    && Enum.IsDefined(p) ? p
                : throw new ArgumentException($"turnTaking: '{request.TurnTaking}' is not one of "
                    + $"{string.Join(", ", Enum.GetNames<TurnTakingPolicy>())}.");
            var sceneKey = $"{worldKey}/{sceneId}";
            var scene = grains.GetGrain<ISceneGrain>(sceneKey);
            var tenant = Tenant(caller);
            if (await TryStatusAsync(scene) is { } existing)
            {
                // A scene closed earlier opens again where it stood; an open one is the caller's already.
                if (!await tenant.IsClosed(sceneKey))
                {
                    throw new StudioRefusal(409, $"Scene '{External(caller, sceneKey)}' is open already; play it, or close it first.");
                }
                await TakeSlotAsync(caller, sceneKey);
                return SceneView.Of(existing, k => External(caller, k));
            }
            var options = new SceneOptions(worldKey, sceneId, request.Seed, mind, request.UserMind, turnTaking, 1200);
            var status = await InSlotAsync(caller, sceneKey, () => scene.Open(options));
            return SceneView.Of(status, k => External(caller, k));
        });
    }

    public async Task<TurnsAnswer> SayAsync(StudioCaller caller, string scene, SayRequest request, string? idempotencyKey,
        ISceneListener? listener = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limits = LimitsOf(caller);
        if (request.Text is null || request.Text.Length > limits.MaxLineLength)
        {
            throw new ArgumentException(request.Text is null ? "text: say something (the text is missing)."
                : $"text: {request.Text.Length} characters is longer than the limit of {limits.MaxLineLength}.");
        }
        var next = request.Next is null ? (EntityId?)null : Id("next", request.Next);
        return await PlayAsync(caller, scene, idempotencyKey, "say", request, listener, async (grain, status, heard) =>
        {
            var proposals = request.Proposals is { IsDefault: false } given ? given : [];
            for (var i = 0; i < proposals.Length; i++)
            {
                if (proposals[i] is not { } p || p.Change is null || p.Actor != status.User)
                {
                    throw new ArgumentException($"proposals[{i}]: the player proposes as its own character '{status.User}', with a "
                        + "change of a known kind; use a trigger for what others do.");
                }
            }
            return await grain.Say(new UserLine(request.Text, proposals, next), heard);
        });
    }

    public Task<TurnsAnswer> ConverseAsync(StudioCaller caller, string scene, ConverseRequest request, string? idempotencyKey,
        ISceneListener? listener = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var max = LimitsOf(caller).MaxTurnsPerCall;
        if (request.Turns < 1 || request.Turns > max)
        {
            throw new ArgumentException($"turns: {request.Turns} is not from 1 to {max}, the turns one call may play.");
        }
        return PlayAsync(caller, scene, idempotencyKey, "converse", request, listener,
            (grain, _, heard) => grain.Converse(request.Turns, heard));
    }

    public Task<TurnsAnswer> NextAsync(StudioCaller caller, string scene, NextRequest request, string? idempotencyKey,
        ISceneListener? listener = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var speaker = Id("speaker", request.Speaker);
        return PlayAsync(caller, scene, idempotencyKey, "next", request, listener,
            (grain, _, heard) => grain.PlayNext(speaker, heard));
    }

    public Task<TurnsAnswer> TriggerAsync(StudioCaller caller, string scene, TriggerRequest request, string? idempotencyKey,
        ISceneListener? listener = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var changes = request.Changes.IsDefault ? [] : request.Changes;
        if (changes.Length > MaxTriggerChanges || changes.Any(c => c is null))
        {
            throw new ArgumentException($"changes: give from 0 to {MaxTriggerChanges} changes, each with its kind.");
        }
        var limits = LimitsOf(caller);
        if (request.Text is { } text && text.Length > limits.MaxLineLength)
        {
            throw new ArgumentException($"text: {text.Length} characters is longer than the limit of {limits.MaxLineLength}.");
        }
        var actor = request.Actor is null ? (EntityId?)null : Id("actor", request.Actor);
        return PlayAsync(caller, scene, idempotencyKey, "trigger", request, listener,
            (grain, _, heard) => grain.Trigger(new SceneTrigger(changes, actor, request.Text ?? "", request.Reply), heard));
    }

    public async Task<SceneView> StatusAsync(StudioCaller caller, string scene)
    {
        var key = Internal(caller, scene);
        return SceneView.Of(await StatusOfAsync(caller, key), k => External(caller, k));
    }

    public async Task<ImmutableArray<TurnView>> TranscriptAsync(StudioCaller caller, string scene, int fromTurn, int max)
    {
        var key = Internal(caller, scene);
        var status = await StatusOfAsync(caller, key);
        var turns = (await grains.GetGrain<ISceneGrain>(key).Transcript(fromTurn, max)).Turns;
        return await ViewsAsync(status.WorldKey, turns);
    }

    public async Task CloseAsync(StudioCaller caller, string scene)
    {
        var key = Internal(caller, scene);
        await StatusOfAsync(caller, key);
        await Tenant(caller).CloseScene(key);
    }

    public Task<AlternativesView> RegenerateAsync(StudioCaller caller, string scene, string? idempotencyKey)
    {
        var key = Internal(caller, scene);
        return OnceAsync(caller, idempotencyKey, "regenerate", key, new { }, async () =>
        {
            await PlayableAsync(caller, key);
            var alternatives = await grains.GetGrain<ISceneGrain>(key).Regenerate();
            var candidates = ImmutableArray.CreateBuilder<AlternativeView>();
            foreach (var candidate in alternatives.Candidates)
            {
                candidates.Add(new AlternativeView(External(caller, candidate.Scene), External(caller, candidate.World),
                    (await ViewsAsync(candidate.World, [candidate.Turn]))[0]));
            }
            return new AlternativesView(External(caller, alternatives.Origin), alternatives.Turn, candidates.ToImmutable());
        });
    }

    public Task<SceneView> ChooseAsync(StudioCaller caller, string scene, ChooseRequest request, string? idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = Internal(caller, scene);
        var chosen = Internal(caller, request.Scene ?? throw new ArgumentException("scene: name the alternative's scene to keep."));
        return OnceAsync(caller, idempotencyKey, "choose", key, request, async () =>
        {
            await PlayableAsync(caller, key);
            await grains.GetGrain<ISceneGrain>(key).Choose(chosen);
            return SceneView.Of(await StatusOfAsync(caller, chosen), k => External(caller, k));
        });
    }

    public Task<SceneView> ForkAsync(StudioCaller caller, string scene, ForkSceneRequest request, string? idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = Internal(caller, scene);
        var branch = request.Key is null ? null : Internal(caller, request.Key);
        if (request.Key is not null && request.Key.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"key: '{request.Key}' is a scene key; name the new branch's world, such as my-harbor-b.");
        }
        return OnceAsync(caller, idempotencyKey, "fork", key, request, async () =>
        {
            var status = await StatusOfAsync(caller, key);
            if (request.AtTurn < 0 || request.AtTurn > status.Turn)
            {
                throw new ArgumentException($"atTurn: {request.AtTurn} is not from 0 to {status.Turn}, the turns the scene has played.");
            }
            var world = branch ?? Internal(caller, GeneratedBranch(External(caller, status.WorldKey), request.AtTurn));
            var sceneKey = $"{world}/{status.SceneId}";
            var opened = await InSlotAsync(caller, sceneKey, async () =>
            {
                await grains.GetGrain<IWorldGrain>(status.WorldKey).Fork(new ForkRequest(world, request.AtTurn));
                return await grains.GetGrain<ISceneGrain>(sceneKey).Branch(new SceneBranch(key, world));
            });
            return SceneView.Of(opened.Status, k => External(caller, k));
        });
    }

    public async Task<MemoryAnswer> MemoryAsync(StudioCaller caller, string world, string character)
    {
        var worldKey = Internal(caller, world);
        var id = Id("character", character);
        var state = (await (await WorldAsync(caller, worldKey)).StateAfterTurn(-1)).State;
        if (state.Find(id) is not { IsCharacter: true })
        {
            throw new KeyNotFoundException($"Unknown character '{character}' in world '{world}'; characters: "
                + $"{string.Join(", ", state.Entities.Values.Where(e => e.IsCharacter).Select(e => e.Id))}.");
        }
        CharacterMemoryView memory;
        try
        {
            memory = new CharacterMemoryView((await grains.GetGrain<ICharacterGrain>(CharacterKey.Of(worldKey, id)).Memory()).Memory);
        }
        catch (InvalidOperationException)
        {
            throw new KeyNotFoundException(
                $"Character '{character}' of world '{world}' remembers nothing yet: no scene it plays in was opened (a person's "
                + "character has no memory of its own).");
        }
        string Name(EntityId e) => state.Find(e)?.Name ?? e.Value;
        var m = memory.Memory;
        return new MemoryAnswer(world, character, [.. m.Recent.Select(e => EventRef.Of(e, Name))], m.Summary,
            [.. m.Impressions.Select(i => new ImpressionView(i.Key.Value, Name(i.Key), i.Value.LastSeenAt?.Value, i.Value.LastSeenTurn))],
            new MoodView(m.Mood.Valence, m.Mood.Arousal, m.Mood.Word));
    }

    private sealed record CharacterMemoryView(Core.Characters.CharacterMemory Memory);

    /// <summary>Plays on a scene the caller may play: checks it is open and not closed, runs <paramref name="play"/> once under
    /// the idempotency key, and hands the committed turns to the feed.</summary>
    private Task<TurnsAnswer> PlayAsync<TRequest>(StudioCaller caller, string scene, string? idempotencyKey, string operation,
        TRequest request, ISceneListener? listener, Func<ISceneGrain, SceneStatus, ISceneListener?, Task<TurnBatch>> play)
    {
        var key = Internal(caller, scene);
        return OnceAsync(caller, idempotencyKey, operation, key, request, async () =>
        {
            var status = await PlayableAsync(caller, key);
            var feed = Feed;
            var heard = Joined(feed?.ListenerFor(key), listener);
            TurnBatch batch;
            try
            {
                batch = await play(grains.GetGrain<ISceneGrain>(key), status, heard.Listener);
            }
            finally
            {
                heard.Release();
            }
            feed?.Committed(key, batch.Turns);
            return new TurnsAnswer(await ViewsAsync(status.WorldKey, batch.Turns), SceneView.Of(batch.Status, k => External(caller, k)));
        });
    }

    /// <summary>One listener for the feed's and the caller's: a grain observer reference as given, or one made for the call
    /// (for two listeners, or a caller's plain object), which <see cref="HeardBy.Release"/> deletes.</summary>
    private HeardBy Joined(ISceneListener? feed, ISceneListener? caller)
    {
        var listeners = new[] { feed, caller }.OfType<ISceneListener>().Distinct().ToList();
        if (listeners.Count == 0)
        {
            return new HeardBy(null, () => { });
        }
        if (listeners is [IAddressable reference])
        {
            return new HeardBy((ISceneListener)reference, () => { });
        }
        var made = grains.CreateObjectReference<ISceneListener>(new BothListeners(listeners));
        return new HeardBy(made, () => grains.DeleteObjectReference<ISceneListener>(made));
    }

    private sealed record HeardBy(ISceneListener? Listener, Action Release);

    /// <summary>Passes what a scene says on to each of its listeners.</summary>
    private sealed class BothListeners(IReadOnlyList<ISceneListener> listeners) : ISceneListener
    {
        public Task Speaking(SpeechPiece piece) => Task.WhenAll(listeners.Select(l => l.Speaking(piece)));

        public Task Played(TurnRecord turn) => Task.WhenAll(listeners.Select(l => l.Played(turn)));
    }

    /// <summary>Runs <paramref name="run"/> once per idempotency key: a retry of the same request is answered what the first
    /// was; the key used for another request is 422; a retry while the first runs is 409. A request that fails frees its key.
    /// </summary>
    private async Task<T> OnceAsync<T, TRequest>(StudioCaller caller, string? idempotencyKey, string operation, string target,
        TRequest request, Func<Task<T>> run)
    {
        if (idempotencyKey is null)
        {
            return await run();
        }
        CheckIdempotencyKey(idempotencyKey);
        var body = JsonSerializer.Serialize(request, CoreSerialization.Json);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{operation}\n{target}\n{body}")));
        var key = grains.GetGrain<IStudioRequestGrain>($"{caller.Tenant}/{idempotencyKey}");
        var claim = await key.Begin(hash);
        switch (claim.Kind)
        {
            case RequestClaimKind.Answered:
                return JsonSerializer.Deserialize<T>(claim.AnswerJson!, CoreSerialization.Json)!;
            case RequestClaimKind.Running:
                throw new StudioRefusal(409,
                    $"The request under Idempotency-Key '{idempotencyKey}' is still running; try again shortly for its answer.",
                    TimeSpan.FromSeconds(1));
            case RequestClaimKind.Mismatch:
                throw new StudioRefusal(422,
                    $"Idempotency-Key '{idempotencyKey}' was used for another request; use a new key for a new request.");
        }
        T answer;
        try
        {
            answer = await run();
        }
        catch
        {
            await key.Abandon(hash);
            throw;
        }
        await key.Complete(hash, JsonSerializer.Serialize(answer, CoreSerialization.Json));
        return answer;
    }

    /// <summary>Refuses an idempotency key that is not 1 to 100 characters of <c>A-Za-z0-9-_.:</c>.</summary>
    public static void CheckIdempotencyKey(string idempotencyKey)
    {
        if (!IdempotencyKeyPattern().IsMatch(idempotencyKey))
        {
            throw new ArgumentException(
                "Idempotency-Key: use 1 to 100 characters of A-Z, a-z, 0-9, '-', '_', '.' and ':', such as a UUID.");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,100}$")]
    private static partial Regex IdempotencyKeyPattern();

    private async Task TakeSlotAsync(StudioCaller caller, string sceneKey)
    {
        var limits = LimitsOf(caller);
        if (await Tenant(caller).OpenScene(sceneKey, caller.Player, limits.ScenesPerTenant, limits.ScenesPerPlayer) is { } full)
        {
            throw new StudioRefusal(429, full, SceneSlotRetryAfter);
        }
    }

    /// <summary>Runs <paramref name="open"/> in a concurrent-scene slot taken for <paramref name="sceneKey"/>, freed again if it
    /// fails.</summary>
    private async Task<T> InSlotAsync<T>(StudioCaller caller, string sceneKey, Func<Task<T>> open)
    {
        await TakeSlotAsync(caller, sceneKey);
        try
        {
            return await open();
        }
        catch
        {
            await Tenant(caller).CloseScene(sceneKey);
            throw;
        }
    }

    private IStudioTenantGrain Tenant(StudioCaller caller) => grains.GetGrain<IStudioTenantGrain>(caller.Tenant);

    /// <summary>The scene's status, when it is open and not closed; a 404 or 409 otherwise.</summary>
    private async Task<SceneStatus> PlayableAsync(StudioCaller caller, string key)
    {
        var status = await StatusOfAsync(caller, key);
        if (await Tenant(caller).IsClosed(key))
        {
            throw new StudioRefusal(409, $"Scene '{External(caller, key)}' was closed; open it again "
                + $"(POST /api/worlds/{External(caller, status.WorldKey)}/scenes) to play on.");
        }
        return status;
    }

    private async Task<SceneStatus> StatusOfAsync(StudioCaller caller, string key) =>
        await TryStatusAsync(grains.GetGrain<ISceneGrain>(key))
        ?? throw new KeyNotFoundException($"Unknown scene '{External(caller, key)}': no scene was opened under that key "
            + "(a scene key is world/scene, as POST /api/worlds/{key}/scenes answers it).");

    private static async Task<SceneStatus?> TryStatusAsync(ISceneGrain scene)
    {
        try
        {
            return await scene.Status();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The world, once it is known to exist (a 404 otherwise).</summary>
    private async Task<IWorldGrain> WorldAsync(StudioCaller caller, string worldKey)
    {
        var world = grains.GetGrain<IWorldGrain>(worldKey);
        try
        {
            await world.Summary();
            return world;
        }
        catch (InvalidOperationException)
        {
            throw new KeyNotFoundException($"Unknown world '{External(caller, worldKey)}'; GET /api/worlds lists yours.");
        }
    }

    private async Task<ImmutableArray<TurnView>> ViewsAsync(string worldKey, ImmutableArray<TurnRecord> turns)
    {
        if (turns.IsEmpty)
        {
            return [];
        }
        var state = (await grains.GetGrain<IWorldGrain>(worldKey).StateAfterTurn(-1)).State;
        return [.. turns.Select(t => TurnView.Of(t, id => state.Find(id)?.Name ?? id.Value))];
    }

    private void Resolve(string field, string mind)
    {
        try
        {
            services.GetService<IMindCatalog>()?.Resolve(mind);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"{field}: {e.Message}", e);
        }
    }

    /// <summary>The world a create request describes: a sample by name, or a world file checked with the loader's own messages.
    /// </summary>
    private static WorldDefinition Definition(CreateWorldRequest request, StudioLimits limits)
    {
        if ((request.Sample is null) == (request.World is null))
        {
            throw new ArgumentException(
                $"sample, world: give exactly one: a sample's name ({string.Join(", ", WorldFiles.SampleNames)}) or a world file.");
        }
        WorldDefinition definition;
        if (request.Sample is { } sample)
        {
            // Only a sample's name: a request never names a file on the server's disk.
            if (!WorldFiles.SampleNames.Contains(sample.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"sample: '{sample}' is not a sample; samples: {string.Join(", ", WorldFiles.SampleNames)}.");
            }
            definition = WorldFiles.Load(sample.Trim());
        }
        else
        {
            try
            {
                definition = WorldFiles.Parse(request.World!.Value.GetRawText(), "world");
            }
            catch (WorldFileException e)
            {
                throw new WorldFileRefusal(e.Problems);
            }
        }
        if (definition.Entities.Length > limits.MaxWorldEntities)
        {
            throw new ArgumentException(
                $"world: {definition.Entities.Length} entities is more than the limit of {limits.MaxWorldEntities}.");
        }
        return definition;
    }

    /// <summary>A branch key for a fork at <paramref name="turn"/> of <paramref name="world"/>, unique and still a slug.</summary>
    private static string GeneratedBranch(string world, int turn)
    {
        var suffix = $"-t{turn}-{Guid.NewGuid().ToString("N")[..6]}";
        var root = world.Split('/')[0];
        return (root.Length + suffix.Length > 64 ? root[..(64 - suffix.Length)].TrimEnd('-') : root) + suffix;
    }

    private static EntityId Id(string field, string? text) => EntityId.IsSlug(text)
        ? new EntityId(text!)
        : throw new ArgumentException($"{field}: '{text}' is not an id; use lower-case letters, digits and '-', such as mira.");

    private static string Internal(StudioCaller caller, string key) => TenantKeys.Internal(caller.Tenant, key);

    private static string External(StudioCaller caller, string internalKey) => TenantKeys.External(caller.Tenant, internalKey)
        ?? throw new InvalidOperationException($"A key of another tenant reached tenant '{caller.Tenant}'s answer.");
}
