using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace WorldPlay.Core.Worlds;

public static partial class WorldFiles
{
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        // Names and lines in any script stay readable in the file instead of becoming \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The world file (docs/world-format.md) of a new world that starts where <paramref name="state"/> stands: its laws,
    /// places and paths (opened ones too), characters with their personas, items, factions, concepts, the relationships and facts
    /// that hold, the scenes of <paramref name="definition"/> where their cast still stands, and the story clock; everything created
    /// in play keeps its origin and who knows it. <see cref="Parse"/> reads it back with the checks of a designer's file.</summary>
    public static string Write(WorldDefinition definition, WorldState state)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(state);
        return JsonSerializer.Serialize(new WorldFileWriter(definition, state).File(), WriteOptions);
    }

    /// <summary>Maps a world state back to the file objects the reader checks.</summary>
    private sealed class WorldFileWriter(WorldDefinition definition, WorldState state)
    {
        private readonly bool _chinese = state.Setting.Language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

        private string PlainSpeech => _chinese ? "话不多，说得朴实。" : "Plain and brief.";

        public WorldFile File()
        {
            var setting = state.Setting;
            var secrets = KeptSecrets();
            return new WorldFile
            {
                Id = setting.Id,
                Name = setting.Name,
                Genre = setting.Genre,
                Language = setting.Language,
                Lore = setting.Lore,
                StartMinute = state.StoryMinute,
                Laws = [.. setting.Laws.Select(l => new LawEntry
                {
                    Kind = l.Kind,
                    Concepts = l.Kind == "forbidden-concepts" ? [.. l.Concepts] : null,
                    Description = l.Description,
                })],
                Places = Section(EntityKind.Place, Plain),
                Paths = [.. setting.Paths.Select(p => new PathEntry { Between = [p.A.Value, p.B.Value], Minutes = p.Minutes })],
                Characters = Section(EntityKind.Character, c => Character(c, secrets)),
                Items = Section(EntityKind.Item, Item),
                Factions = Section(EntityKind.Faction, Plain),
                Concepts = Section(EntityKind.Concept, Plain),
                Relationships = [.. state.Relationships.Values.Select(r => new RelationshipEntry
                {
                    From = r.From.Value,
                    To = r.To.Value,
                    Type = r.Type,
                    Strength = r.Strength,
                    Origin = OriginEntryOf(r.Origin),
                })],
                Facts = [.. state.Facts.Values.Where(f => !secrets.Contains(f.Id)).Select(f => new FactEntry
                {
                    Id = f.Id,
                    Subject = f.Subject.Value,
                    Predicate = f.Predicate,
                    Value = f.Value,
                    KnownBy = JsonSerializer.SerializeToElement(f.KnownBy.Select(k => k.Value).ToList()),
                    Origin = OriginEntryOf(f.Origin),
                })],
                Scenes = [.. definition.Scenes.Select(Scene).OfType<SceneEntry>()],
            };
        }

        /// <summary>The entities of one kind: the designer's in the order of the file, then the created ones in the order they came.
        /// </summary>
        private List<T?> Section<T>(EntityKind kind, Func<Entity, T> entry) where T : class
        {
            var order = definition.Entities.Select((e, i) => (e.Id, i)).ToDictionary(x => x.Id, x => x.i);
            return [.. state.Entities.Values
                .Where(e => e.Kind == kind)
                .OrderBy(e => order.TryGetValue(e.Id, out var i) ? i : int.MaxValue)
                .ThenBy(e => e.Provenance.Event)
                .Select(entry)];
        }

        private PlainEntity Plain(Entity e) => Fill(new PlainEntity(), e);

        private ItemEntry Item(Entity e) => Fill(new ItemEntry { Location = e.Location?.Value, Holder = e.Holder?.Value }, e);

        /// <summary>A character with its persona; one created in play gets a plain one from its name and description.</summary>
        private CharacterEntry Character(Entity e, ImmutableHashSet<string> secrets)
        {
            var persona = definition.PersonaOf(e.Id);
            var role = e.Attribute("role") ?? "npc";
            var npc = role != "user";
            var entry = Fill(new CharacterEntry
            {
                Pronouns = e.Attribute("pronouns") ?? (_chinese ? "ta" : "they/them"),
                Role = role,
                Location = e.Location?.Value,
                Traits = Texts(persona?.Traits) ?? (npc ? [_chinese ? "寡言" : "reserved"] : null),
                SpeechStyle = NonEmpty(persona?.SpeechStyle) ?? (npc ? PlainSpeech : null),
                ExampleLines = Texts(persona?.ExampleLines),
                Catchphrases = Texts(persona?.Catchphrases),
                Goals = Texts(persona?.Goals),
                Talkativeness = persona?.Talkativeness,
                Secrets = persona?.Secrets.Where(s => secrets.Contains(s.FactId)).Select(s => new SecretEntry
                {
                    Id = s.FactId,
                    Subject = s.Subject.Value,
                    Predicate = s.Predicate,
                    Value = s.Value,
                }).ToList<SecretEntry?>() is { Count: > 0 } kept ? kept : null,
            }, e);
            entry.Description ??= persona?.Description ?? e.Name;
            return entry;
        }

        private static T Fill<T>(T entry, Entity e) where T : EntityEntry
        {
            entry.Id = e.Id.Value;
            entry.Name = e.Name;
            entry.Aliases = e.Aliases.IsDefaultOrEmpty ? null : [.. e.Aliases];
            entry.Status = e.Status == EntityStatus.Alive ? null : e.Status.ToString().ToLowerInvariant();
            entry.Description = e.Attribute("description");
            entry.Origin = OriginEntryOf(e.Origin);
            entry.KnownBy = e.KnownBy?.Keys.Select(k => (string?)k.Value).ToList();
            return entry;
        }

        /// <summary>The secrets that are still secrets: the fact holds as the designer wrote it and only its owner knows it. Any other
        /// secret fact is written as a plain fact, with who knows it now.</summary>
        private ImmutableHashSet<string> KeptSecrets() =>
            definition.Personas
                .SelectMany(p => p.Secrets.Select(s => (Owner: p.Id, Secret: s)))
                .Where(x => state.Find(x.Owner) is not null && state.Facts.TryGetValue(x.Secret.FactId, out var f) && f.Origin is null
                    && f.Subject == x.Secret.Subject && f.Predicate == x.Secret.Predicate && f.Value == x.Secret.Value
                    && f.KnownBy.Count == 1 && f.KnownBy.Contains(x.Owner))
                .Select(x => x.Secret.FactId)
                .ToImmutableHashSet(StringComparer.Ordinal);

        /// <summary>A scene goes on where its user now stands (or at its own place without one), with the cast that is alive there;
        /// a scene nobody of its cast can play any more is left out.</summary>
        private SceneEntry? Scene(SceneSpec spec)
        {
            var user = spec.User is { } u && state.Find(u) is { IsCharacter: true, Status: EntityStatus.Alive, Location: not null } found
                ? found
                : null;
            var place = user?.Location ?? spec.Place;
            var cast = spec.Cast
                .Where(id => state.Find(id) is { IsCharacter: true, Status: EntityStatus.Alive } c && c.Location == place)
                .Select(id => (string?)id.Value)
                .ToList();
            if (cast.Count == 0)
            {
                return null;
            }
            return new SceneEntry
            {
                Id = spec.Id,
                Title = spec.Title,
                Place = place.Value,
                Cast = cast,
                User = user?.Id.Value,
                Objectives = Texts(spec.Objectives),
                TurnTaking = Regex.Replace(spec.TurnTaking.ToString(), "(?<=[a-z])(?=[A-Z])", "-").ToLowerInvariant(),
                Opening = NonEmpty(spec.Opening),
            };
        }

        private static OriginEntry? OriginEntryOf(Origin? origin) => origin is null || origin.Source == OriginSource.Designer
            ? null
            : new OriginEntry
            {
                Source = origin.Source.ToString().ToLowerInvariant(),
                By = origin.By?.Value,
                Turn = origin.Turn,
                Event = origin.Event,
            };

        private static List<string?>? Texts(ImmutableArray<string>? texts) =>
            texts is { IsDefaultOrEmpty: false } t ? [.. t] : null;

        private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
    }
}
