using WorldPlay.Core;
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
}
