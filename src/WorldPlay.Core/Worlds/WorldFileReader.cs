using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using WorldPlay.Core.Laws;

namespace WorldPlay.Core.Worlds;

public static partial class WorldFiles
{
    private static readonly ImmutableArray<string> Roles = ["npc", "user"];
    private static readonly ImmutableArray<string> CharacterStatuses = ["alive", "dead", "missing"];
    private static readonly ImmutableArray<string> ThingStatuses = ["alive", "missing", "destroyed", "dead"];
    private static readonly ImmutableArray<string> OriginSources = ["designer", "user", "character"];
    private const string Everyone = "everyone";
    private const double DefaultTalkativeness = 0.5;
    private const int KnownListLimit = 30;

    private static readonly ImmutableArray<string> Policies = ["addressed-first", "pooled", "weighted", "round-robin"];

    /// <summary>Checks one world file against the format's rules, collecting every problem, and maps a valid one to a
    /// <see cref="WorldDefinition"/>.</summary>
    private sealed class WorldFileReader(WorldFile file, IEnumerable<string> earlierProblems)
    {
        private readonly List<string> _problems = [.. earlierProblems];
        private readonly Dictionary<string, (EntityKind Kind, string Path)> _entities = new(StringComparer.Ordinal);
        private readonly Dictionary<string, CharacterEntry> _characters = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _factIds = new(StringComparer.Ordinal);

        public IReadOnlyList<string> Problems => _problems;

        /// <summary>The world, or null when there are problems.</summary>
        public WorldDefinition? Read()
        {
            Unknown(file, "");
            CheckHeader();
            IndexEntities();
            var laws = CheckLaws();
            CheckPlaces("places", file.Places, required: true);
            CheckPaths(connected: laws.Contains("connected-moves"));
            CheckCharacters();
            CheckItems();
            CheckPlaces("factions", file.Factions, required: false);
            CheckPlaces("concepts", file.Concepts, required: false);
            CheckRelationships();
            CheckFacts();
            CheckScenes();
            CheckForbiddenTexts();
            if (_problems.Count > 0)
            {
                return null;
            }
            var definition = Build();
            // A safety net: whatever the checks above missed, a world must start lawful.
            foreach (var violation in LawBook.For(definition.Setting).Audit(WorldState.Initial(definition)))
            {
                Problem($"the starting state breaks a law: {violation}");
            }
            return _problems.Count > 0 ? null : definition;
        }

        // ---- checks ----

        private void CheckHeader()
        {
            if (Required(file.Id, "id", "the world's id, such as 'harbor'"))
            {
                Slug(file.Id!, "id");
            }
            Required(file.Name, "name", "the world's display name");
            Required(file.Genre, "genre", "such as 'low-magic harbor town'");
            Required(file.Language, "language", "the language characters speak, such as 'en'");
            Required(file.Lore, "lore", "what everyone in the world takes for granted");
            if (file.StartMinute is < 0)
            {
                Problem($"startMinute: {file.StartMinute} is negative; the story clock starts at minute 0 or later");
            }
        }

        /// <summary>Ids first, so that references anywhere in the file can be checked whatever the order of sections.</summary>
        private void IndexEntities()
        {
            void Add(string section, IEnumerable<(string? Id, EntityKind Kind)> ids)
            {
                var i = 0;
                foreach (var (id, kind) in ids)
                {
                    var path = $"{section}[{i++}].id";
                    if (string.IsNullOrWhiteSpace(id) || !EntityId.IsSlug(id))
                    {
                        continue;
                    }
                    if (_entities.TryGetValue(id, out var first))
                    {
                        Problem($"{path}: '{id}' is already the id of {first.Path[..first.Path.LastIndexOf('.')]}; ids are unique across " +
                            "places, characters, items, factions and concepts");
                        continue;
                    }
                    _entities[id] = (kind, path);
                }
            }
            Add("places", (file.Places ?? []).Select(p => (p?.Id, EntityKind.Place)));
            Add("characters", (file.Characters ?? []).Select(c => (c?.Id, EntityKind.Character)));
            Add("items", (file.Items ?? []).Select(t => (t?.Id, EntityKind.Item)));
            Add("factions", (file.Factions ?? []).Select(f => (f?.Id, EntityKind.Faction)));
            Add("concepts", (file.Concepts ?? []).Select(c => (c?.Id, EntityKind.Concept)));
            foreach (var c in file.Characters ?? [])
            {
                if (c?.Id is { } id && _entities.TryGetValue(id, out var e) && e.Kind == EntityKind.Character)
                {
                    _characters.TryAdd(id, c);
                }
            }
        }

        private HashSet<string> CheckLaws()
        {
            var kinds = new HashSet<string>(StringComparer.Ordinal);
            Each(file.Laws, "laws", required: false, (law, path) =>
            {
                if (!Required(law.Kind, $"{path}.kind", "one of: " + string.Join(", ", LawBook.Kinds.Keys)))
                {
                    return;
                }
                if (!LawBook.Kinds.ContainsKey(law.Kind!))
                {
                    Problem($"{path}.kind: '{law.Kind}' is not a law kind{DidYouMean(law.Kind!, LawBook.Kinds.Keys)}; known: " +
                        $"{string.Join(", ", LawBook.Kinds.Keys)}");
                    return;
                }
                if (!kinds.Add(law.Kind!))
                {
                    Problem($"{path}.kind: '{law.Kind}' is declared twice; declare each law " +
                        $"once{(law.Kind == "forbidden-concepts" ? " and list all its concepts there" : "")}");
                }
                if (law.Kind == "forbidden-concepts")
                {
                    Texts(law.Concepts, $"{path}.concepts", required: true,
                        "the concepts that do not exist, such as [\"electricity\", \"gun\"]");
                }
                else if (law.Concepts is not null)
                {
                    Problem($"{path}.concepts: only a 'forbidden-concepts' law takes concepts; remove it from '{law.Kind}'");
                }
            });
            return kinds;
        }

        private void CheckPlaces(string section, List<PlainEntity?>? entries, bool required) =>
            Each(entries, section, required, (entry, path) =>
            {
                Id(entry.Id, $"{path}.id");
                Required(entry.Name, $"{path}.name", null);
                Texts(entry.Aliases, $"{path}.aliases", required: false, null);
                Choice(entry.Status, $"{path}.status", "status", ThingStatuses);
                CheckProvenance(entry, path);
            });

        private void CheckPaths(bool connected)
        {
            var pairs = new Dictionary<(string, string), string>();
            var links = new List<(string A, string B)>();
            Each(file.Paths, "paths", required: false, (p, path) =>
            {
                if (p.Minutes is null)
                {
                    Problem($"{path}.minutes: required but missing; how many minutes the walk takes, such as 5");
                }
                else if (p.Minutes <= 0)
                {
                    Problem($"{path}.minutes: {p.Minutes} is not allowed; a walk takes at least 1 minute");
                }
                if (p.Between is not { Count: 2 })
                {
                    Problem($"{path}.between: {(p.Between is null ? "required but missing" : $"has {p.Between.Count} ids")}; give " +
                        "exactly two place ids, such as [\"quay\", \"market\"]");
                    return;
                }
                var a = p.Between[0];
                var b = p.Between[1];
                if (!Reference(a, $"{path}.between[0]", EntityKind.Place) | !Reference(b, $"{path}.between[1]", EntityKind.Place))
                {
                    return;
                }
                if (a == b)
                {
                    Problem($"{path}.between: both ends are '{a}'; a path joins two different places");
                    return;
                }
                var key = string.CompareOrdinal(a, b) < 0 ? (a!, b!) : (b!, a!);
                if (pairs.TryGetValue(key, out var first))
                {
                    Problem($"{path}: '{a}' and '{b}' are already joined by {first}; keep one path per pair of places");
                    return;
                }
                pairs[key] = path;
                links.Add(key);
            });
            if (connected)
            {
                CheckConnected(links);
            }
        }

        /// <summary>With connected-moves, a place no path reaches can never be entered or left.</summary>
        private void CheckConnected(List<(string A, string B)> links)
        {
            var places = _entities.Where(e => e.Value.Kind == EntityKind.Place).Select(e => e.Key).ToList();
            // A place created in play may lie far off, reached only by travel, as it was in the world it was exported from.
            var designed = Present(file.Places).Where(p => !IsCreated(p.Origin)).Select(p => p.Id).ToList();
            if (places.Count < 2 || designed.FirstOrDefault(id => id is not null && places.Contains(id)) is not { } start)
            {
                return;
            }
            var reached = new HashSet<string>(StringComparer.Ordinal) { start };
            var frontier = new Queue<string>([start]);
            while (frontier.TryDequeue(out var here))
            {
                foreach (var (a, b) in links)
                {
                    var next = a == here ? b : b == here ? a : null;
                    if (next is not null && reached.Add(next))
                    {
                        frontier.Enqueue(next);
                    }
                }
            }
            var stranded = designed.Where(id => id is not null && places.Contains(id) && !reached.Contains(id)).ToList();
            if (stranded.Count > 0)
            {
                Problem($"paths: no path leads from '{start}' to {string.Join(", ", stranded.Select(s => $"'{s}'"))}; the " +
                    "connected-moves law needs every place joined to the others");
            }
        }

        private void CheckCharacters() =>
            Each(file.Characters, "characters", required: true, (c, path) =>
            {
                Id(c.Id, $"{path}.id");
                Required(c.Name, $"{path}.name", null);
                Texts(c.Aliases, $"{path}.aliases", required: false, null);
                Required(c.Pronouns, $"{path}.pronouns", "such as 'she/her', 'he/him' or 'they/them'");
                var role = Choice(c.Role, $"{path}.role", "role", Roles);
                Choice(c.Status, $"{path}.status", "status", CharacterStatuses);
                Reference(c.Location, $"{path}.location", EntityKind.Place);
                Required(c.Description, $"{path}.description", "who the character is, in a few sentences");
                CheckProvenance(c, path);
                // Only a character played by a mind needs a voice; the user's character may be a sketch.
                var npc = c.Role is null || role == "npc";
                Texts(c.Traits, $"{path}.traits", required: npc, "a few personality traits, such as [\"proud\", \"quick to laugh\"]");
                if (npc)
                {
                    Required(c.SpeechStyle, $"{path}.speechStyle", "how the character talks");
                }
                Texts(c.ExampleLines, $"{path}.exampleLines", required: false, null);
                Texts(c.Catchphrases, $"{path}.catchphrases", required: false, null);
                Texts(c.Goals, $"{path}.goals", required: false, null);
                if (c.Talkativeness is { } t && t is not (>= 0 and <= 1))
                {
                    Problem($"{path}.talkativeness: {Number(t)} is outside [0, 1]; 0 is taciturn, 1 talks whenever it can");
                }
                Each(c.Secrets, $"{path}.secrets", required: false, (s, secretPath) =>
                {
                    FactId(s.Id, $"{secretPath}.id");
                    if (s.Subject is not null)
                    {
                        Reference(s.Subject, $"{secretPath}.subject", null);
                    }
                    Required(s.Predicate, $"{secretPath}.predicate", "a verb phrase, such as 'owes'");
                    Required(s.Value, $"{secretPath}.value", "the rest of the statement");
                });
            });

        private void CheckItems() =>
            Each(file.Items, "items", required: false, (item, path) =>
            {
                Id(item.Id, $"{path}.id");
                Required(item.Name, $"{path}.name", null);
                Texts(item.Aliases, $"{path}.aliases", required: false, null);
                Choice(item.Status, $"{path}.status", "status", ThingStatuses);
                CheckProvenance(item, path);
                switch (item.Location, item.Holder)
                {
                    case (not null, not null):
                        Problem($"{path}: has both location '{item.Location}' and holder '{item.Holder}'; an item lies at a place or is " +
                            "held by a character, so give exactly one");
                        break;
                    case (null, null):
                        Problem($"{path}: has neither location nor holder; give a place id as location or a character id as holder");
                        break;
                    case (not null, null):
                        Reference(item.Location, $"{path}.location", EntityKind.Place);
                        break;
                    default:
                        Reference(item.Holder, $"{path}.holder", EntityKind.Character);
                        break;
                }
            });

        private void CheckRelationships()
        {
            var keys = new Dictionary<string, string>(StringComparer.Ordinal);
            Each(file.Relationships, "relationships", required: false, (r, path) =>
            {
                var ends = Reference(r.From, $"{path}.from", null) & Reference(r.To, $"{path}.to", null);
                var typed = Required(r.Type, $"{path}.type", "such as 'sibling-of', 'owes' or 'loves'");
                if (typed && !EntityId.IsSlug(r.Type))
                {
                    Problem($"{path}.type: '{r.Type}' is not a relationship type; use lowercase letters, digits and dashes, such as " +
                        "'parent-of'");
                    typed = false;
                }
                if (r.Strength is null)
                {
                    Problem($"{path}.strength: required but missing; a number in [-1, 1] (negative for hostile ties)");
                }
                else if (r.Strength is not (>= -1 and <= 1))
                {
                    Problem($"{path}.strength: {Number(r.Strength.Value)} is outside [-1, 1]");
                }
                CheckOrigin(r.Origin, $"{path}.origin");
                if (ends && r.From == r.To)
                {
                    Problem($"{path}: from and to are both '{r.From}'; a relationship joins two different entities");
                }
                else if (ends && typed)
                {
                    var key = Relationship.KeyOf(r.From!, r.Type!, r.To!);
                    if (!keys.TryAdd(key, path))
                    {
                        Problem($"{path}: '{r.From}' {r.Type} '{r.To}' is already declared at {keys[key]}; keep one");
                    }
                }
            });
        }

        private void CheckFacts() =>
            Each(file.Facts, "facts", required: false, (f, path) =>
            {
                FactId(f.Id, $"{path}.id");
                Reference(f.Subject, $"{path}.subject", null);
                Required(f.Predicate, $"{path}.predicate", "a verb phrase, such as 'is hiding'");
                Required(f.Value, $"{path}.value", "the rest of the statement");
                CheckOrigin(f.Origin, $"{path}.origin");
                const string KnownByHint = "give a list of character ids (possibly empty) or \"everyone\"";
                switch (f.KnownBy)
                {
                    case null or { ValueKind: JsonValueKind.Null }:
                        Problem($"{path}.knownBy: required but missing; {KnownByHint}");
                        break;
                    case { ValueKind: JsonValueKind.String } s when s.GetString() == Everyone:
                        break;
                    case { ValueKind: JsonValueKind.Array } list:
                        var i = 0;
                        foreach (var who in list.EnumerateArray())
                        {
                            var whoPath = $"{path}.knownBy[{i++}]";
                            if (who.ValueKind != JsonValueKind.String)
                            {
                                Problem($"{whoPath}: {who.GetRawText()} is not a character id; {KnownByHint}");
                                continue;
                            }
                            Reference(who.GetString(), whoPath, EntityKind.Character);
                        }
                        break;
                    case { ValueKind: JsonValueKind.String } s:
                        Problem($"{path}.knownBy: '{s.GetString()}' is not allowed; {KnownByHint}");
                        break;
                    case { } other:
                        Problem($"{path}.knownBy: {other.GetRawText()} is not allowed; {KnownByHint}");
                        break;
                }
            });

        /// <summary>An entity's origin, and who knows of it: a list of character ids, each once (absent: everyone).</summary>
        private void CheckProvenance(EntityEntry entry, string path)
        {
            CheckOrigin(entry.Origin, $"{path}.origin");
            if (entry.KnownBy is null)
            {
                return;
            }
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < entry.KnownBy.Count; i++)
            {
                var who = entry.KnownBy[i];
                var whoPath = $"{path}.knownBy[{i}]";
                if (string.IsNullOrWhiteSpace(who))
                {
                    Problem($"{whoPath}: {(who is null ? "null" : "empty")}; give a character id or remove it");
                }
                else if (Reference(who, whoPath, EntityKind.Character) && !seen.Add(who))
                {
                    Problem($"{whoPath}: '{who}' is already listed; name each character once");
                }
            }
        }

        /// <summary>An origin names its source; the user's or a character's also names who (by), and the turn and event it came
        /// at in the timeline it was exported from.</summary>
        private void CheckOrigin(OriginEntry? origin, string path)
        {
            if (origin is null)
            {
                return;
            }
            Unknown(origin, path);
            if (!Required(origin.Source, $"{path}.source", "one of: designer, user, character (absent origin: designer)"))
            {
                return;
            }
            var source = Choice(origin.Source, $"{path}.source", "source", OriginSources);
            if (source == "designer")
            {
                if (origin.By is not null || origin.Turn is not null || origin.Event is not null)
                {
                    Problem($"{path}: the designer's origin takes no by, turn or event; remove them or the whole origin");
                }
                return;
            }
            if (source is null)
            {
                return;
            }
            Reference(origin.By, $"{path}.by", EntityKind.Character);
            if (origin.Turn is not { } turn)
            {
                Problem($"{path}.turn: required but missing; the turn it was brought in at, such as 12");
            }
            else if (turn < 0)
            {
                Problem($"{path}.turn: {turn} is negative; turns count from 0");
            }
            if (origin.Event is not { } seq)
            {
                Problem($"{path}.event: required but missing; the number of the event that brought it in, such as 40");
            }
            else if (seq < 1)
            {
                Problem($"{path}.event: {seq} is not an event number; events count from 1");
            }
        }

        private static bool IsCreated(OriginEntry? origin) => origin?.Source is "user" or "character";

        private void CheckScenes()
        {
            var ids = new Dictionary<string, string>(StringComparer.Ordinal);
            Each(file.Scenes, "scenes", required: false, (scene, path) =>
            {
                if (Required(scene.Id, $"{path}.id", "such as 'harbor-evening'") && Slug(scene.Id!, $"{path}.id")
                    && !ids.TryAdd(scene.Id!, path))
                {
                    Problem($"{path}.id: '{scene.Id}' is already the id of {ids[scene.Id!]}; scene ids are unique");
                }
                Required(scene.Title, $"{path}.title", null);
                var place = Reference(scene.Place, $"{path}.place", EntityKind.Place) ? scene.Place : null;
                Choice(scene.TurnTaking, $"{path}.turnTaking", "turn-taking policy", Policies);
                Texts(scene.Objectives, $"{path}.objectives", required: false, null);
                Texts(scene.Cast, $"{path}.cast", required: true, "the ids of the characters in the scene, the user's character included");
                var cast = new HashSet<string>(StringComparer.Ordinal);
                for (var i = 0; i < (scene.Cast?.Count ?? 0); i++)
                {
                    var id = scene.Cast![i];
                    var memberPath = $"{path}.cast[{i}]";
                    if (string.IsNullOrWhiteSpace(id) || !Reference(id, memberPath, EntityKind.Character))
                    {
                        continue;
                    }
                    if (!cast.Add(id))
                    {
                        Problem($"{memberPath}: '{id}' is already in the cast");
                        continue;
                    }
                    var member = _characters[id];
                    if (place is not null && member.Location is { } at && at != place && _entities.ContainsKey(at))
                    {
                        Problem($"{memberPath}: '{id}' starts at '{at}', not at the scene's place '{place}'; set " +
                            $"characters[{IndexOf(id)}].location to '{place}' or drop '{id}' from the cast");
                    }
                    if (member.Status is { } status && status != "alive" && CharacterStatuses.Contains(status))
                    {
                        Problem($"{memberPath}: '{id}' is {status} and cannot take part; drop '{id}' from the cast");
                    }
                }
                if (scene.User is not null && Reference(scene.User, $"{path}.user", EntityKind.Character))
                {
                    if (!cast.Contains(scene.User))
                    {
                        Problem($"{path}.user: '{scene.User}' is not in the cast; add '{scene.User}' to {path}.cast");
                    }
                    if (_characters[scene.User].Role != "user")
                    {
                        Problem($"{path}.user: '{scene.User}' does not have role \"user\"; set characters[{IndexOf(scene.User)}].role to " +
                            "\"user\"");
                    }
                }
            });
        }

        /// <summary>Persona lines, goals, facts and the opening must not bring in what a forbidden-concepts law keeps out.</summary>
        private void CheckForbiddenTexts()
        {
            var concepts = Present(file.Laws)
                .Where(l => l.Kind == "forbidden-concepts")
                .SelectMany(l => l.Concepts ?? [])
                .Where(c => !string.IsNullOrWhiteSpace(c))
                .Select(c => c!.Trim())
                .ToList();
            if (concepts.Count == 0)
            {
                return;
            }
            var law = new ForbiddenConcepts(concepts);
            void Check(string? text, string path)
            {
                if (text is not null && law.Find(text) is { } concept)
                {
                    Problem($"{path}: mentions '{concept}', which a forbidden-concepts law keeps out of this world; reword it or drop " +
                        "the concept from laws");
                }
            }
            void CheckAll(List<string?>? texts, string path)
            {
                for (var i = 0; i < (texts?.Count ?? 0); i++)
                {
                    Check(texts![i], $"{path}[{i}]");
                }
            }
            Each(file.Characters, "characters", required: false, (c, path) =>
            {
                CheckAll(c.ExampleLines, $"{path}.exampleLines");
                CheckAll(c.Catchphrases, $"{path}.catchphrases");
                CheckAll(c.Goals, $"{path}.goals");
                Each(c.Secrets, $"{path}.secrets", required: false, (s, secretPath) =>
                {
                    Check(s.Predicate, $"{secretPath}.predicate");
                    Check(s.Value, $"{secretPath}.value");
                });
            }, report: false);
            Each(file.Facts, "facts", required: false, (f, path) =>
            {
                Check(f.Predicate, $"{path}.predicate");
                Check(f.Value, $"{path}.value");
            }, report: false);
            Each(file.Scenes, "scenes", required: false, (s, path) =>
            {
                CheckAll(s.Objectives, $"{path}.objectives");
                Check(s.Opening, $"{path}.opening");
            }, report: false);
        }

        // ---- mapping (only ever called on a file without problems) ----

        private WorldDefinition Build()
        {
            var setting = new WorldSetting(
                file.Id!,
                file.Name!.Trim(),
                file.Genre!.Trim(),
                file.Language!.Trim(),
                file.Lore!.Trim(),
                [.. Present(file.Laws).Select(l => new LawSpec(l.Kind!, [.. Trimmed(l.Concepts)], l.Description?.Trim()))],
                [.. Present(file.Paths).Select(p => new PlaceLink(p.Between![0]!, p.Between[1]!, p.Minutes!.Value))],
                file.StartMinute ?? 0);

            var entities = ImmutableArray.CreateBuilder<Entity>();
            entities.AddRange(Present(file.Places).Select(p => Plain(p, EntityKind.Place)));
            entities.AddRange(Present(file.Characters).Select(c => new Entity(
                c.Id!,
                EntityKind.Character,
                c.Name!.Trim(),
                [.. Trimmed(c.Aliases)],
                Attributes(("description", c.Description), ("pronouns", c.Pronouns), ("role", c.Role ?? "npc")),
                StatusOf(c),
                c.Location!,
                null,
                OriginOf(c.Origin),
                KnowersOf(c))));
            entities.AddRange(Present(file.Items).Select(i => new Entity(
                i.Id!,
                EntityKind.Item,
                i.Name!.Trim(),
                [.. Trimmed(i.Aliases)],
                Attributes(("description", i.Description)),
                StatusOf(i),
                i.Location is { } at ? (EntityId?)new EntityId(at) : null,
                i.Holder is { } holder ? (EntityId?)new EntityId(holder) : null,
                OriginOf(i.Origin),
                KnowersOf(i))));
            entities.AddRange(Present(file.Factions).Select(f => Plain(f, EntityKind.Faction)));
            entities.AddRange(Present(file.Concepts).Select(c => Plain(c, EntityKind.Concept)));

            var everyone = Present(file.Characters).Select(c => new EntityId(c.Id!)).ToImmutableSortedSet();
            var facts = ImmutableArray.CreateBuilder<Fact>();
            facts.AddRange(Present(file.Facts).Select(f => new Fact(
                f.Id!,
                f.Subject!,
                f.Predicate!.Trim(),
                f.Value!.Trim(),
                Validity.FromStart,
                f.KnownBy!.Value.ValueKind == JsonValueKind.String
                    ? everyone
                    : f.KnownBy.Value.EnumerateArray().Select(w => new EntityId(w.GetString()!)).ToImmutableSortedSet(),
                OriginOf(f.Origin))));

            var personas = ImmutableArray.CreateBuilder<Persona>();
            foreach (var c in Present(file.Characters))
            {
                EntityId owner = c.Id!;
                var secrets = Present(c.Secrets)
                    .Select(s => new Secret(s.Id!, s.Subject is { } subject ? new EntityId(subject) : owner, s.Predicate!.Trim(),
                        s.Value!.Trim()))
                    .ToImmutableArray();
                facts.AddRange(secrets.Select(s => new Fact(s.FactId, s.Subject, s.Predicate, s.Value, Validity.FromStart, [owner])));
                personas.Add(new Persona(
                    owner,
                    c.Name!.Trim(),
                    c.Description!.Trim(),
                    [.. Trimmed(c.Traits)],
                    c.SpeechStyle?.Trim() ?? "",
                    [.. Trimmed(c.ExampleLines)],
                    [.. Trimmed(c.Catchphrases)],
                    [.. Trimmed(c.Goals)],
                    secrets,
                    c.Talkativeness ?? DefaultTalkativeness));
            }

            var relationships = Present(file.Relationships)
                .Select(r => new Relationship(r.From!, r.To!, r.Type!, r.Strength!.Value, Validity.FromStart, OriginOf(r.Origin)))
                .ToImmutableArray();
            var scenes = Present(file.Scenes)
                .Select(s => new SceneSpec(
                    s.Id!,
                    s.Title!.Trim(),
                    s.Place!,
                    [.. s.Cast!.Select(id => new EntityId(id!))],
                    s.User is { } user ? (EntityId?)new EntityId(user) : null,
                    [.. Trimmed(s.Objectives)],
                    Enum.Parse<TurnTakingPolicy>((s.TurnTaking ?? Policies[0]).Replace("-", "", StringComparison.Ordinal),
                        ignoreCase: true),
                    s.Opening?.Trim() ?? ""))
                .ToImmutableArray();
            return new WorldDefinition(setting, entities.ToImmutable(), relationships, facts.ToImmutable(), personas.ToImmutable(), scenes);
        }

        private static Entity Plain(PlainEntity p, EntityKind kind) =>
            new(p.Id!, kind, p.Name!.Trim(), [.. Trimmed(p.Aliases)], Attributes(("description", p.Description)), StatusOf(p), null,
                null, OriginOf(p.Origin), KnowersOf(p));

        private static EntityStatus StatusOf(EntityEntry e) => Enum.Parse<EntityStatus>(e.Status ?? "alive", ignoreCase: true);

        /// <summary>The origin as the model keeps it: null for the designer, whether the file says so or says nothing.</summary>
        private static Origin? OriginOf(OriginEntry? o) => o?.Source switch
        {
            "user" => new Origin(OriginSource.User, o.By!, o.Event!.Value, o.Turn!.Value),
            "character" => new Origin(OriginSource.Character, o.By!, o.Event!.Value, o.Turn!.Value),
            _ => null,
        };

        /// <summary>Those who know the entity, as knowing it from the world's start (null: everyone does).</summary>
        private static ImmutableSortedDictionary<EntityId, Learned>? KnowersOf(EntityEntry e) =>
            e.KnownBy?.ToImmutableSortedDictionary(w => new EntityId(w!), _ => new Learned(0, 0, null));

        private static ImmutableSortedDictionary<string, string> Attributes(params (string Key, string? Value)[] pairs) =>
            pairs.Where(p => !string.IsNullOrWhiteSpace(p.Value))
                .ToImmutableSortedDictionary(p => p.Key, p => p.Value!.Trim(), StringComparer.Ordinal);

        private static IEnumerable<T> Present<T>(List<T?>? entries) where T : class => (entries ?? []).OfType<T>();

        private static IEnumerable<string> Trimmed(List<string?>? texts) => (texts ?? []).Select(t => t!.Trim());

        // ---- small checks, each reporting its own problem ----

        private void Problem(string problem) => _problems.Add(problem);

        /// <summary>Visits each entry of a section; reports a missing section, null entries and unknown fields.</summary>
        private void Each<T>(List<T?>? entries, string section, bool required, Action<T, string> check,
            bool report = true) where T : FileObject
        {
            if (entries is null || entries.Count == 0)
            {
                if (required && report)
                {
                    Problem($"{section}: required but {(entries is null ? "missing" : "empty")}; give at least one");
                }
                return;
            }
            for (var i = 0; i < entries.Count; i++)
            {
                var path = $"{section}[{i}]";
                if (entries[i] is not { } entry)
                {
                    if (report)
                    {
                        Problem($"{path}: null; write an object {{ ... }} or remove it");
                    }
                    continue;
                }
                if (report)
                {
                    Unknown(entry, path);
                }
                check(entry, path);
            }
        }

        private void Unknown(FileObject entry, string path)
        {
            var fields = FieldsOf(entry.GetType()).ToList();
            foreach (var field in entry.Extra?.Keys ?? Enumerable.Empty<string>())
            {
                Problem($"{(path.Length == 0 ? field : $"{path}.{field}")}: not a field here{DidYouMean(field, fields)}; known fields: " +
                    $"{string.Join(", ", fields)}");
            }
        }

        private bool Required(string? value, string path, string? hint)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                return true;
            }
            Problem($"{path}: required but {(value is null ? "missing" : "empty")}{(hint is null ? "" : $"; {hint}")}");
            return false;
        }

        private bool Slug(string id, string path)
        {
            if (EntityId.IsSlug(id))
            {
                return true;
            }
            Problem($"{path}: '{id}' is not a valid id; use lowercase letters, digits and dashes, starting with a letter or digit, such " +
                "as 'old-pier'");
            return false;
        }

        private void Id(string? id, string path)
        {
            if (Required(id, path, "a lowercase slug such as 'old-pier'"))
            {
                Slug(id!, path);
            }
        }

        private void FactId(string? id, string path)
        {
            if (Required(id, path, "a lowercase slug such as 'mira-debt'") && Slug(id!, path) && !_factIds.TryAdd(id!, path))
            {
                Problem($"{path}: '{id}' is already the id of {_factIds[id!][..^3]}; fact and secret ids are unique");
            }
        }

        private void Texts(List<string?>? texts, string path, bool required, string? hint)
        {
            if (texts is null || texts.Count == 0)
            {
                if (required)
                {
                    Problem($"{path}: required but {(texts is null ? "missing" : "empty")}{(hint is null ? "" : $"; {hint}")}");
                }
                return;
            }
            for (var i = 0; i < texts.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(texts[i]))
                {
                    Problem($"{path}[{i}]: {(texts[i] is null ? "null" : "empty")}; write something or remove it");
                }
            }
        }

        /// <summary>The value when it is one of <paramref name="allowed"/> (null when absent: the default applies).</summary>
        private string? Choice(string? value, string path, string noun, IReadOnlyList<string> allowed)
        {
            if (value is null || allowed.Contains(value, StringComparer.Ordinal))
            {
                return value;
            }
            Problem($"{path}: '{value}' is not a {noun}{DidYouMean(value, allowed)}; allowed: {string.Join(", ", allowed)}");
            return null;
        }

        /// <summary>True when <paramref name="id"/> names an entity (of <paramref name="kind"/>, when given).</summary>
        private bool Reference(string? id, string path, EntityKind? kind)
        {
            if (!Required(id, path, kind is { } k ? $"the id of {Article(k)}" : "an entity id"))
            {
                return false;
            }
            if (!_entities.TryGetValue(id!, out var found))
            {
                Problem(kind is { } wanted
                    ? $"{path}: '{id}' is not {Article(wanted)} id{DidYouMean(id!, KnownIds(wanted))}; known {Plural(wanted)}: " +
                        $"{Known(wanted)}"
                    : $"{path}: '{id}' is not an entity id{DidYouMean(id!, KnownIds(null))}; known: {Known(null)}");
                return false;
            }
            if (kind is { } expected && found.Kind != expected)
            {
                Problem($"{path}: '{id}' is {Article(found.Kind)}, not {Article(expected)}; known {Plural(expected)}: {Known(expected)}");
                return false;
            }
            return true;
        }

        private List<string> KnownIds(EntityKind? kind)
            => [.. _entities.Where(e => kind is null || e.Value.Kind == kind).Select(e => e.Key)];

        private string Known(EntityKind? kind)
        {
            var ids = KnownIds(kind);
            return ids.Count switch
            {
                0 => "(none)",
                <= KnownListLimit => string.Join(", ", ids),
                _ => $"{string.Join(", ", ids.Take(KnownListLimit))}, ... ({ids.Count - KnownListLimit} more)",
            };
        }

        private int IndexOf(string characterId) => (file.Characters ?? []).FindIndex(c => c?.Id == characterId);

        private static string Article(EntityKind kind) => kind == EntityKind.Item ? "an item" : $"a {Noun(kind)}";

        private static string Plural(EntityKind kind) => $"{Noun(kind)}s";

        private static string Noun(EntityKind kind) => kind.ToString().ToLowerInvariant();

        private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
