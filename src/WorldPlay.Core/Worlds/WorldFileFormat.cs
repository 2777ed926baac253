using System.Text.Json;
using System.Text.Json.Serialization;

namespace WorldPlay.Core.Worlds;

// The world file as a designer writes it (docs/world-format.md). Every field is nullable so that a missing
// field becomes a problem in the report instead of an exception; unknown fields land in Extra and are reported too.
public static partial class WorldFiles
{
    private abstract class FileObject
    {
        [JsonExtensionData]
        public Dictionary<string, JsonElement>? Extra { get; set; }
    }

    private sealed class WorldFile : FileObject
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? Genre { get; set; }
        public string? Language { get; set; }
        public string? Lore { get; set; }
        public long? StartMinute { get; set; }
        public List<LawEntry?>? Laws { get; set; }
        public List<PlainEntity?>? Places { get; set; }
        public List<PathEntry?>? Paths { get; set; }
        public List<CharacterEntry?>? Characters { get; set; }
        public List<ItemEntry?>? Items { get; set; }
        public List<PlainEntity?>? Factions { get; set; }
        public List<PlainEntity?>? Concepts { get; set; }
        public List<RelationshipEntry?>? Relationships { get; set; }
        public List<FactEntry?>? Facts { get; set; }
        public List<SceneEntry?>? Scenes { get; set; }
    }

    private sealed class LawEntry : FileObject
    {
        public string? Kind { get; set; }
        public List<string?>? Concepts { get; set; }
        public string? Description { get; set; }
    }

    /// <summary>What every entity section shares: who brought the entity in, and who knows it (absent: everyone).</summary>
    private abstract class EntityEntry : FileObject
    {
        [JsonPropertyOrder(-3)]
        public string? Id { get; set; }

        [JsonPropertyOrder(-2)]
        public string? Name { get; set; }

        [JsonPropertyOrder(-1)]
        public List<string?>? Aliases { get; set; }

        public string? Status { get; set; }
        public string? Description { get; set; }

        [JsonPropertyOrder(1)]
        public OriginEntry? Origin { get; set; }

        /// <summary>The characters who know the entity exists; absent: everyone.</summary>
        [JsonPropertyOrder(2)]
        public List<string?>? KnownBy { get; set; }
    }

    /// <summary>A place, faction or concept: an entity with nothing but a name and a description.</summary>
    private sealed class PlainEntity : EntityEntry;

    /// <summary>Who brought an entity, tie or fact into the world: absent means the designer.</summary>
    private sealed class OriginEntry : FileObject
    {
        public string? Source { get; set; }
        public string? By { get; set; }
        public int? Turn { get; set; }
        public long? Event { get; set; }
    }

    private sealed class PathEntry : FileObject
    {
        public List<string?>? Between { get; set; }
        public int? Minutes { get; set; }
    }

    private sealed class CharacterEntry : EntityEntry
    {
        public string? Pronouns { get; set; }
        public string? Role { get; set; }
        public string? Location { get; set; }
        public List<string?>? Traits { get; set; }
        public string? SpeechStyle { get; set; }
        public List<string?>? ExampleLines { get; set; }
        public List<string?>? Catchphrases { get; set; }
        public List<string?>? Goals { get; set; }
        public double? Talkativeness { get; set; }
        public List<SecretEntry?>? Secrets { get; set; }
    }

    private sealed class SecretEntry : FileObject
    {
        public string? Id { get; set; }
        public string? Subject { get; set; }
        public string? Predicate { get; set; }
        public string? Value { get; set; }
    }

    private sealed class ItemEntry : EntityEntry
    {
        public string? Location { get; set; }
        public string? Holder { get; set; }
    }

    private sealed class RelationshipEntry : FileObject
    {
        public string? From { get; set; }
        public string? To { get; set; }
        public string? Type { get; set; }
        public double? Strength { get; set; }
        public OriginEntry? Origin { get; set; }
    }

    private sealed class FactEntry : FileObject
    {
        public string? Id { get; set; }
        public string? Subject { get; set; }
        public string? Predicate { get; set; }
        public string? Value { get; set; }

        /// <summary>A list of character ids, or the string "everyone".</summary>
        public JsonElement? KnownBy { get; set; }

        public OriginEntry? Origin { get; set; }
    }

    private sealed class SceneEntry : FileObject
    {
        public string? Id { get; set; }
        public string? Title { get; set; }
        public string? Place { get; set; }
        public List<string?>? Cast { get; set; }
        public string? User { get; set; }
        public List<string?>? Objectives { get; set; }
        public string? TurnTaking { get; set; }
        public string? Opening { get; set; }
    }
}
