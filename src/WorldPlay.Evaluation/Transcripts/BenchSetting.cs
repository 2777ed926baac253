using System.Collections.Immutable;
using WorldPlay.Core;

namespace WorldPlay.Evaluation.Transcripts;

/// <summary>How a character is referred to in the third person, read from its pronouns.</summary>
public enum Gender
{
    Unknown,
    Female,
    Male,
    Neutral,
}

/// <summary>A character as detectors need it: the names it answers to, its gender, whether it is the user's,
/// whether it is in the scene, and whether it can act at all.</summary>
public sealed record BenchCharacter(
    string Id,
    string Name,
    ImmutableArray<string> Aliases,
    Gender Gender,
    bool IsUser,
    bool IsPresent,
    bool IsAlive)
{
    /// <summary>The name and every alias, plus each single word of a multi-word name ("Mira" of "Mira Haskel").</summary>
    public IEnumerable<string> Names =>
        new[] { Name }.Concat(Aliases)
            .Concat(Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 2 && char.IsUpper(w[0])))
            .Distinct(StringComparer.OrdinalIgnoreCase);

    public bool AnswersTo(string name) => Names.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A directed tie between two characters, by id, in the world file's vocabulary (<c>sibling-of</c>, <c>owes</c>).</summary>
public sealed record BenchRelationship(string From, string Type, string To);

/// <summary>The facts of a setting that detectors check replies against, mapped from a WorldPlay world.</summary>
public sealed record BenchSetting(
    string Language,
    ImmutableArray<BenchCharacter> Characters,
    ImmutableArray<string> Places,
    ImmutableArray<BenchRelationship> Relationships,
    ImmutableArray<string> ForbiddenConcepts,
    string? UserName)
{
    /// <summary>The world as it stood before the first line, when the setting came from a WorldPlay world: folding the lines' events
    /// over it gives the state at any turn, creations of the user included (<see cref="TranscriptWorld"/>).</summary>
    public WorldState? Start { get; init; }

    /// <summary>The id of the place where the scene plays, when the setting came from a world with scenes: who stands there at a
    /// turn is who is present then.</summary>
    public string? ScenePlace { get; init; }

    /// <summary>The language tag detectors compare against (<c>en</c>), from a tag or a language name.</summary>
    public string LanguageTag => LanguageTags.Normalize(Language);

    /// <summary>The character answering to <paramref name="name"/>, or null.</summary>
    public BenchCharacter? CharacterNamed(string name) => Characters.FirstOrDefault(c => c.AnswersTo(name));

    public BenchCharacter? User => Characters.FirstOrDefault(c => c.IsUser);

    /// <summary>Every name a person or place in the setting answers to, so that capitalised words can be told apart from
    /// strangers.</summary>
    public ImmutableHashSet<string> KnownNames { get; } =
        [.. Characters.SelectMany(c => c.Names).Concat(Places.SelectMany(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries)))];

    /// <summary>The setting of <paramref name="world"/> as played in one scene: the scene with a user (or the first, or the one with id
    /// <paramref name="sceneId"/>) decides who is present and who the user is.</summary>
    public static BenchSetting FromWorld(WorldDefinition world, string? sceneId = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        var scene = sceneId is null
            ? world.Scenes.FirstOrDefault(s => s.User is not null) ?? world.Scenes.FirstOrDefault()
            : world.Scenes.FirstOrDefault(s => s.Id == sceneId)
                ?? throw new ArgumentException(
                    $"Unknown scene '{sceneId}' in world '{world.Setting.Id}'; known: " +
                    $"{string.Join(", ", world.Scenes.Select(s => s.Id))}.");
        var userId = scene?.User?.Value ?? world.Entities.FirstOrDefault(e => e.IsCharacter && e.Attribute("role") == "user")?.Id.Value;
        var characters = world.Entities.Where(e => e.IsCharacter).Select(e => new BenchCharacter(
            e.Id.Value,
            e.Name,
            e.Aliases,
            GenderOf(e.Attribute("pronouns")),
            e.Id.Value == userId,
            scene is null || scene.Cast.Contains(e.Id),
            e.Status == EntityStatus.Alive)).ToImmutableArray();
        var places = world.Entities.Where(e => e.Kind == EntityKind.Place).SelectMany(p => p.Aliases.Prepend(p.Name)).ToImmutableArray();
        var isCharacter = characters.Select(c => c.Id).ToHashSet();
        var ties = world.Relationships
            .Where(r => isCharacter.Contains(r.From.Value) && isCharacter.Contains(r.To.Value))
            .Select(r => new BenchRelationship(r.From.Value, r.Type, r.To.Value))
            .ToImmutableArray();
        var forbidden = world.Setting.Laws.Where(l => l.Kind == "forbidden-concepts" && !l.Concepts.IsDefault).SelectMany(l => l.Concepts)
            .ToImmutableArray();
        return new BenchSetting(world.Setting.Language, characters, places, ties, forbidden,
            characters.FirstOrDefault(c => c.IsUser)?.Name) { Start = WorldState.Initial(world), ScenePlace = scene?.Place.Value };
    }

    /// <summary>Gender as pronouns such as <c>she/her</c>, <c>he</c> or <c>they/them</c> imply.</summary>
    public static Gender GenderOf(string? pronouns)
    {
        var first = (pronouns ?? "").Split('/', ' ', ',')[0].Trim().ToLowerInvariant();
        return first switch
        {
            "she" or "her" or "她" => Gender.Female,
            "he" or "him" or "他" => Gender.Male,
            "they" or "them" or "it" or "它" or "ta" => Gender.Neutral,
            _ => Gender.Unknown,
        };
    }
}

/// <summary>Language names and tags as world files write them, folded to two-letter tags.</summary>
public static class LanguageTags
{
    private static readonly ImmutableDictionary<string, string> ByName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["english"] = "en", ["french"] = "fr", ["français"] = "fr", ["german"] = "de", ["deutsch"] = "de", ["spanish"] = "es",
        ["español"] = "es", ["italian"] = "it", ["italiano"] = "it", ["portuguese"] = "pt", ["português"] = "pt", ["dutch"] = "nl",
        ["nederlands"] = "nl", ["russian"] = "ru", ["chinese"] = "zh", ["japanese"] = "ja", ["korean"] = "ko", ["arabic"] = "ar",
    }.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>"English", "en-GB" and "EN" all give "en"; an unknown language is returned lowercased.</summary>
    public static string Normalize(string language)
    {
        var trimmed = (language ?? "").Trim();
        if (ByName.TryGetValue(trimmed, out var tag))
        {
            return tag;
        }
        var primary = trimmed.Split('-', '_')[0].ToLowerInvariant();
        return primary.Length == 0 ? "en" : primary;
    }
}
