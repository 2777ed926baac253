using System.Text.Json;
using System.Text.Json.Nodes;
using WorldPlay.Core;
using WorldPlay.Grains;
using WorldPlay.Minds.Llm;

namespace WorldPlay.Load;

/// <summary>What a load run is asked to do: <paramref name="Sessions"/> concurrent self-play sessions of <paramref name="Turns"/>
/// turns, each its own world, on an embedded silo or the cluster <paramref name="Cluster"/> describes.</summary>
public sealed record LoadRequest(
    int Sessions, int Turns, int Characters, string World, LlmMindOptions? LanguageModel, int? ModelConcurrency,
    int RampUpSeconds, int? Duration, int? KillSiloAt, FileInfo? Cluster)
{
    /// <summary>Who plays the characters, as a scene names its mind.</summary>
    public string CharacterMind => LanguageModel is { } llm ? $"openai:{llm.Model}" : "procedural";

    /// <summary>The users play on the characters' model (<c>--user-mind openai</c>) rather than the procedural simulator.</summary>
    public bool UserOnModel { get; init; }

    /// <summary>The user-simulator profile every session's user plays (<c>--user</c>).</summary>
    public string UserProfile { get; init; } = "slow-burn";

    /// <summary>Who plays the users, as a scene names its mind.</summary>
    public string UserMind => UserOnModel ? $"user-sim:{UserProfile}:{CharacterMind}" : $"user-sim:{UserProfile}";

    /// <summary>Turns the whole run plans to play: every session to its last turn.</summary>
    public long PlannedTurns => (long)Sessions * Turns;

    /// <summary>The embedded silo's turn gate; null: the default for this machine (a cluster's silos have their own).</summary>
    public TurnGateLimits? TurnGate { get; init; }

    /// <summary>The studio API the sessions play through (<c>--api</c>) instead of the grain client; null: the grain client.</summary>
    public ApiTarget? Api { get; init; }
}

/// <summary>How a load session sends its commands to the studio API: over the scene's WebSocket, or as REST calls.</summary>
public enum ApiTransport
{
    Ws,
    Rest,
}

/// <summary>A studio API to load (<c>--api URL</c>): its base address, the transport, and the API key the sessions mint their
/// player tokens with (none: a development-mode server). The key is never written out: not by <see cref="ToString"/>, not in a
/// report.</summary>
public sealed class ApiTarget(Uri address, ApiTransport transport = ApiTransport.Ws, string? apiKey = null)
{
    public Uri Address { get; } = address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");

    public ApiTransport Transport { get; } = transport;

    internal string? ApiKey { get; } = apiKey;

    /// <summary>The transport as the report and <c>--transport</c> name it.</summary>
    public string TransportName => Transport == ApiTransport.Ws ? "ws" : "rest";

    public override string ToString() => $"{Address} ({TransportName})";
}

/// <summary>The world every load session plays, cut to the requested cast.</summary>
internal static class LoadWorld
{
    /// <summary>The world with its first scene's cast cut to the user and the first <paramref name="characters"/> others, in the
    /// file's order. A scene with fewer is refused rather than padded: invented characters would measure a different world.</summary>
    public static (WorldDefinition Definition, SceneSpec Scene) Trimmed(WorldDefinition definition, int characters)
    {
        var scene = definition.Scenes.FirstOrDefault()
            ?? throw new ArgumentException($"World '{definition.Setting.Id}' declares no scene to play.");
        var others = scene.Cast.Where(c => c != scene.User).Distinct().ToList();
        if (others.Count < characters)
        {
            throw new ArgumentException(
                $"--characters {characters}: scene '{scene.Id}' of world '{definition.Setting.Id}' has {others.Count} characters " +
                $"besides the user ({string.Join(", ", others)}); ask for at most {others.Count}, or use a world whose first scene " +
                "has a bigger cast.");
        }
        var kept = others.Take(characters).ToHashSet();
        var trimmed = scene with { Cast = [.. scene.Cast.Where(c => c == scene.User || kept.Contains(c)).Distinct()] };
        return (definition with { Scenes = definition.Scenes.SetItem(0, trimmed) }, trimmed);
    }

    /// <summary>The world file <paramref name="text"/> with its first scene's cast cut to <paramref name="trimmed"/>'s, as the
    /// studio API takes a world in the body of <c>POST /api/worlds</c>.</summary>
    public static JsonObject TrimmedFile(string text, SceneSpec trimmed)
    {
        var file = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        })!.AsObject();
        file["scenes"]![0]!["cast"] = new JsonArray([.. trimmed.Cast.Select(c => (JsonNode)JsonValue.Create(c.Value))]);
        return file;
    }
}
