using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using WorldPlay.Core;
using WorldPlay.Core.Minds;

namespace WorldPlay.Minds.Llm;

/// <summary>Reads an extraction reply (<see cref="CreationSchema"/>) as world changes, tolerantly: text around the JSON is
/// ignored, an item that cannot be read is dropped on its own, names and bracketed ids are read as ids, a creation named like
/// an entity the speaker knows refers to it instead, a new id is derived from the name when the model's is not a free slug,
/// and a character or item the reply leaves nowhere is put at the speaker's place. Creations come first (places before what
/// stands in them), then ties, then facts. A reply with no readable object, or with lists that are not lists, reads as null.</summary>
internal static class CreationReader
{
    /// <summary>The most changes one line may propose, so a runaway reply cannot flood the world.</summary>
    public const int MaxChanges = 24;

    private static readonly string[] Lists = ["creations", "ties", "facts"];

    public static ImmutableArray<WorldChange>? Read(string reply, CreationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var root = ActionReader.FindObject(reply, out _);
        if (root is null)
        {
            return null;
        }
        var fields = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in root.RootElement.EnumerateObject())
        {
            if (Lists.Contains(property.Name, StringComparer.OrdinalIgnoreCase))
            {
                fields.TryAdd(property.Name, property.Value);
            }
        }
        if (fields.Count == 0 || fields.Values.Any(v => v.ValueKind is not (JsonValueKind.Array or JsonValueKind.Null)))
        {
            return null;
        }
        var names = new References(request);
        var changes = new List<WorldChange>();
        changes.AddRange(Creations(Items(fields, "creations"), names, request));
        changes.AddRange(Items(fields, "ties").Select(t => Tie(t, names)).OfType<WorldChange>());
        changes.AddRange(Items(fields, "facts").Select(f => Fact(f, names)).OfType<WorldChange>());
        return [.. changes.Take(MaxChanges)];
    }

    private static IEnumerable<JsonElement> Items(Dictionary<string, JsonElement> fields, string name) =>
        fields.TryGetValue(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object)
            : [];

    private static IEnumerable<WorldChange> Creations(IEnumerable<JsonElement> items, References names, CreationRequest request)
    {
        // Every name is registered before any location is read, so a character may live in a place listed after her.
        var read = new List<(EntityId Id, EntityKind Kind, JsonElement Item)>();
        foreach (var item in items)
        {
            if (Text(item, "name") is not { Length: > 0 } name || KindOf(Text(item, "kind")) is not { } kind)
            {
                continue;
            }
            if (names.Known(name) is { } existing)
            {
                names.Register(Text(item, "id"), name, existing);
                continue;
            }
            read.Add((names.Create(Text(item, "id"), name, kind), kind, item));
        }
        return read
            .OrderBy(c => c.Kind switch { EntityKind.Place => 0, EntityKind.Faction or EntityKind.Concept => 1,
                EntityKind.Character => 2, _ => 3 })
            .Select(c => Creation(c.Id, c.Kind, c.Item, names, request));
    }

    private static EntityCreated Creation(EntityId id, EntityKind kind, JsonElement item, References names, CreationRequest request)
    {
        var name = Text(item, "name")!;
        var aliases = item.TryGetProperty("aliases", out var a) && a.ValueKind == JsonValueKind.Array
            ? [.. a.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!.Trim())
                .Where(x => x.Length > 0 && !x.Equals(name, StringComparison.OrdinalIgnoreCase)).Distinct()]
            : ImmutableArray<string>.Empty;
        var status = Enum.TryParse<EntityStatus>(Text(item, "status"), ignoreCase: true, out var s) ? s : EntityStatus.Alive;
        var location = Text(item, "location") is { Length: > 0 } l ? names.Resolve(l) : null;
        var holder = Text(item, "holder") is { Length: > 0 } h ? names.Resolve(h) : null;
        (location, holder) = kind switch
        {
            EntityKind.Character => (location ?? request.Place, (EntityId?)null),
            EntityKind.Item => holder is not null ? (null, holder) : (location ?? request.Place, null),
            _ => ((EntityId?)null, (EntityId?)null),
        };
        return new EntityCreated(id, kind, name, aliases, Text(item, "description") ?? "", location, holder, status);
    }

    private static RelationshipChanged? Tie(JsonElement item, References names)
    {
        var type = Slug(Text(item, "type") ?? "");
        if (Text(item, "from") is not { } from || names.Resolve(from) is not { } f
            || Text(item, "to") is not { } to || names.Resolve(to) is not { } t || type.Length == 0 || f == t)
        {
            return null;
        }
        var strength = item.TryGetProperty("strength", out var st) && st.ValueKind == JsonValueKind.Number ? st.GetDouble() : 0.5;
        return new RelationshipChanged(f, t, type, Math.Round(Math.Clamp(strength, -1, 1), 2));
    }

    private static FactAsserted? Fact(JsonElement item, References names)
    {
        if (Text(item, "subject") is not { } subject || names.Resolve(subject) is not { } s
            || Text(item, "predicate") is not { Length: > 0 } predicate || Text(item, "value") is not { Length: > 0 } value)
        {
            return null;
        }
        var key = Slug(predicate) is { Length: > 0 } slug ? slug : Hashed(predicate);
        return new FactAsserted($"{s}-{key}", s, predicate, value);
    }

    private static EntityKind? KindOf(string? text) =>
        Enum.TryParse<EntityKind>(text, ignoreCase: true, out var kind) && Enum.IsDefined(kind) ? kind : null;

    private static string? Text(JsonElement item, string name)
    {
        foreach (var property in item.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()!.Trim() : null;
            }
        }
        return null;
    }

    /// <summary>"Old Mill" reads "old-mill", "Émile" reads "emile"; a name with no Latin letters or digits reads "".</summary>
    internal static string Slug(string text)
    {
        var s = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            s.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '-');
        }
        var slug = string.Join('-', s.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length > 40 ? slug[..40].TrimEnd('-') : slug;
    }

    private static string Hashed(string text) => StableSeed.Of(text).ToString("x", CultureInfo.InvariantCulture);

    /// <summary>The names a reply may use for an entity: the speaker, the place, the entities the speaker knows and those the
    /// reply creates (by the model's id and by name).</summary>
    private sealed class References
    {
        private static readonly string[] SpeakerWords = ["i", "me", "my", "myself", "speaker", "the speaker", "user", "我", "我自己"];

        private readonly Dictionary<string, EntityId> _known = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, EntityId> _created = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<EntityId> _taken = [];

        public References(CreationRequest request)
        {
            foreach (var word in SpeakerWords)
            {
                _known[word] = request.Speaker;
            }
            Add(request.Speaker, request.SpeakerName);
            Add(request.Place, request.PlaceName);
            foreach (var entity in request.Known.IsDefault ? [] : request.Known)
            {
                Add(entity.Id, entity.Name);
            }
        }

        /// <summary>The entity the speaker knows by this name, if any.</summary>
        public EntityId? Known(string name) => _known.TryGetValue(name, out var id) ? id : (EntityId?)null;

        /// <summary>A new id for a created entity: the model's when it is a free slug, else one made from the name, else one made
        /// from the kind and a hash of the name; numbered when taken.</summary>
        public EntityId Create(string? modelId, string name, EntityKind kind)
        {
            var proposed = (modelId ?? "").Trim().Trim('[', ']').ToLowerInvariant();
            var stem = EntityId.IsSlug(proposed) && proposed.Length <= 40 ? proposed
                : Slug(name) is { Length: > 0 } fromName ? fromName
                : $"{kind.ToString().ToLowerInvariant()}-{Hashed(name)}";
            var id = new EntityId(stem);
            for (var n = 2; _taken.Contains(id); n++)
            {
                id = new EntityId($"{stem}-{n}");
            }
            Register(modelId, name, id);
            return id;
        }

        public void Register(string? modelId, string name, EntityId id)
        {
            _taken.Add(id);
            _created.TryAdd(name, id);
            _created.TryAdd(id.Value, id);
            if (!string.IsNullOrWhiteSpace(modelId))
            {
                _created.TryAdd(modelId.Trim().Trim('[', ']'), id);
            }
        }

        /// <summary>The id a reference stands for: a created or known entity by id or name, else the reference itself when it is
        /// a slug (the world's laws refuse an id nobody has); null when it is neither.</summary>
        public EntityId? Resolve(string reference)
        {
            var text = reference.Trim().Trim('[', ']', '"', '\'', '@', '`').Trim();
            if (_created.TryGetValue(text, out var created) || _known.TryGetValue(text, out created))
            {
                return created;
            }
            var lower = text.ToLowerInvariant();
            return EntityId.IsSlug(lower) ? new EntityId(lower) : (EntityId?)null;
        }

        private void Add(EntityId id, string name)
        {
            _taken.Add(id);
            _known.TryAdd(id.Value, id);
            _known.TryAdd(name, id);
        }
    }
}
