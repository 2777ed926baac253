using System.Text.Json.Nodes;
using WorldPlay.Core;
using WorldPlay.Core.Worlds;

namespace WorldPlay.Minds.Tests;

/// <summary>Worlds nobody tuned the procedural minds to: random names (some with titles), places, items that start with a vowel,
/// traits that are clauses rather than adjectives, facts with he/she in them, hostile ties, and objectives written as whole
/// sentences, in English or in Chinese. Each goes through <see cref="WorldFiles.Parse"/> like a designer's file.</summary>
internal static class GeneratedWorlds
{
    private static readonly string[] EnglishFirst =
    [
        "Ada", "Brann", "Corin", "Delia", "Edric", "Fenna", "Greta", "Hollis", "Ilse", "Jory", "Kestrel", "Lio", "Marta", "Nils",
        "Odile", "Perrin", "Rosalind", "Soren", "Tamsin", "Ulric", "Vesna", "Wynn", "Yara", "Oona",
    ];

    private static readonly string[] EnglishLast = ["Holt", "Varn", "Ashdown", "Mercer", "Quayle", "Thorne", "Reddick", "Lowe", "Oakes",
        "Ibbot"];
    private static readonly string[] EnglishTitles = ["Captain", "Doctor", "Old"];

    private static readonly string[] EnglishPlaces =
    [
        "the Salt Exchange", "Old Mill", "Lantern Yard", "the Orchard Gate", "Copper Street", "Widow's Bridge", "the Infirmary",
        "Eel Market", "the Upper Archive", "Ironmonger's Row",
    ];

    private static readonly string[] EnglishItems =
    [
        "ledger", "iron key", "oilskin map", "apple", "umbrella", "hourglass", "old compass", "unicorn brooch", "heavy urn", "eel trap",
        "honest scale", "onion sack",
    ];

    private static readonly string[] EnglishTraits =
    [
        "stubborn", "honest", "never forgets a debt", "quick to anger", "fiercely loyal", "always late", "hides her fear", "ambitious",
        "easily bored", "keeps count of every slight", "earnest", "wary", "irritable", "open-handed",
    ];

    private static readonly string[] EnglishGoals =
    [
        "clear my name", "find the missing ledger", "win back the orchard", "get out of this town before winter", "pay what I owe",
    ];

    private static readonly string[] ChineseNames = ["林月", "陈默", "王小川", "赵雪", "孙明", "周若", "吴青", "郑远", "何安", "许晴"];
    private static readonly string[] ChinesePlaces = ["茶馆", "码头", "旧书店", "城门", "药铺", "后院"];
    private static readonly string[] ChineseItems = ["账本", "铜钥匙", "油纸伞", "旧罗盘", "玉佩", "信封"];
    private static readonly string[] ChineseTraits = ["固执", "诚实", "从不忘记欠债", "脾气急", "忠诚", "多疑", "野心勃勃"];
    private static readonly string[] ChineseGoals = ["洗清自己的名声", "找到丢失的账本", "在冬天前离开这座城"];

    private static readonly (string Type, double Strength)[] Ties =
    [
        ("trusts", 0.5), ("resents", -0.4), ("sister", 0.6), ("owes", -0.3), ("rival-of", -0.6), ("fears", -0.2), ("loves", 0.7),
        ("distrusts", -0.5), ("envies", -0.3),
    ];

    public static WorldDefinition Make(int seed, bool chinese) =>
        WorldFiles.Parse(Json(seed, chinese).ToJsonString(), $"generated-{seed}.json");

    /// <summary>The objectives of <paramref name="world"/>'s first scene, which speech must never recite.</summary>
    public static IReadOnlyList<string> Objectives(WorldDefinition world) => world.Scenes[0].Objectives;

    /// <summary>Traits of the world's characters that are clauses ("never forgets a debt"): speech must never splice them.</summary>
    public static IEnumerable<string> ClauseTraits(WorldDefinition world) =>
        world.Personas.SelectMany(p => p.Traits)
            .Where(t => t.Contains(' ', StringComparison.Ordinal) && !t.Contains("ly ", StringComparison.Ordinal));

    private static JsonObject Json(int seed, bool chinese)
    {
        var random = new Random(seed);
        T Pick<T>(IReadOnlyList<T> list) => list[random.Next(list.Count)];
        var count = 3 + random.Next(2);
        var names = new List<string>();
        while (names.Count < count)
        {
            var name = chinese ? Pick(ChineseNames)
                : random.Next(5) == 0 ? $"{Pick(EnglishTitles)} {Pick(EnglishFirst)} {Pick(EnglishLast)}"
                : random.Next(3) == 0 ? Pick(EnglishFirst)
                : $"{Pick(EnglishFirst)} {Pick(EnglishLast)}";
            if (!names.Any(n => n.Split(' ').Intersect(name.Split(' ')).Any(w => w is not "Captain" and not "Doctor" and not "Old")))
            {
                names.Add(name);
            }
        }
        var placeNames = (chinese ? ChinesePlaces : EnglishPlaces).OrderBy(_ => random.Next()).Take(3).ToList();
        var places = new JsonArray([.. placeNames.Select((n, i) => (JsonNode)new JsonObject { ["id"] = $"place-{i}", ["name"] = n })]);
        var paths = new JsonArray(
            new JsonObject { ["between"] = new JsonArray("place-0", "place-1"), ["minutes"] = 3 },
            new JsonObject { ["between"] = new JsonArray("place-1", "place-2"), ["minutes"] = 5 });
        var ids = names.Select((_, i) => $"c{i}").ToList();
        var user = ids[^1];
        var characters = new JsonArray();
        var facts = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var female = random.Next(2) == 0;
            var c = new JsonObject
            {
                ["id"] = ids[i], ["name"] = names[i], ["pronouns"] = female ? "she/her" : "he/him", ["location"] = "place-0",
                ["description"] = chinese ? $"{names[i]}在这里住了很多年。" : $"{names[i]} has lived here for years.",
            };
            if (ids[i] == user)
            {
                c["role"] = "user";
            }
            else
            {
                var traits = (chinese ? ChineseTraits : EnglishTraits).OrderBy(_ => random.Next()).Take(2 + random.Next(2)).ToList();
                c["traits"] = new JsonArray([.. traits.Select(t => (JsonNode)t)]);
                c["speechStyle"] = chinese ? "说话简短。" : "Short sentences, few words.";
                c["goals"] = new JsonArray((JsonNode)Pick(chinese ? ChineseGoals : EnglishGoals));
                c["talkativeness"] = Math.Round(0.3 + (random.NextDouble() * 0.6), 2);
                var pronoun = female ? "she" : "he";
                facts.Add(new JsonObject
                {
                    ["id"] = $"sense-{i}", ["subject"] = ids[i], ["predicate"] = chinese ? "有" : "has",
                    ["value"] = chinese ? $"看天的本事，而且{(female ? "她" : "他")}从没看错过"
                        : $"the weather-sense, and {pronoun} has not been wrong since the flood",
                    ["knownBy"] = "everyone",
                });
            }
            characters.Add(c);
        }
        var itemNames = (chinese ? ChineseItems : EnglishItems).OrderBy(_ => random.Next()).Take(3).ToList();
        var items = new JsonArray([.. itemNames.Select((n, i) => (JsonNode)new JsonObject
        {
            ["id"] = $"item-{i}", ["name"] = n, [i == 0 ? "location" : "holder"] = i == 0 ? "place-0" : ids[random.Next(count - 1)],
        })]);
        var relationships = new JsonArray();
        var keys = new HashSet<string>();
        for (var k = 0; k < count + 2; k++)
        {
            var from = random.Next(count);
            var to = random.Next(count);
            var (type, strength) = Pick(Ties);
            if (from != to && keys.Add($"{from}|{type}|{to}"))
            {
                relationships.Add(new JsonObject { ["from"] = ids[from], ["to"] = ids[to], ["type"] = type, ["strength"] = strength });
            }
        }
        string N(int i) => names[i];
        var objectives = chinese
            ? new JsonArray((JsonNode)$"有人承认{N(0)}害怕那杆秤", (JsonNode)$"{N(1)}欠{N(0)}的债在天亮前说出来")
            : new JsonArray(
                (JsonNode)$"someone admits {N(0)} was afraid of the scales",
                (JsonNode)$"{N(1)}'s debt to {N(0)} comes out before the lamps are lit",
                (JsonNode)$"the truth about the {itemNames[0]} is told");
        return new JsonObject
        {
            ["id"] = $"generated-{seed}", ["name"] = chinese ? "雾城" : "Fogmere", ["genre"] = chinese ? "小城戏剧" : "small-town drama",
            ["language"] = chinese ? "zh" : "en",
            ["lore"] = chinese ? "一座多雾的小城，人人都欠着别人什么。" : "A foggy market town where everyone owes someone something.",
            ["laws"] = new JsonArray(new JsonObject { ["kind"] = "connected-moves" }, new JsonObject { ["kind"] = "one-place-at-a-time" },
                new JsonObject { ["kind"] = "holder-gives" }, new JsonObject { ["kind"] = "present-to-act" },
                new JsonObject { ["kind"] = "relationship-strength-bounds" }),
            ["places"] = places, ["paths"] = paths, ["characters"] = characters, ["items"] = items, ["relationships"] = relationships,
            ["facts"] = facts,
            ["scenes"] = new JsonArray(new JsonObject
            {
                ["id"] = "scene", ["title"] = chinese ? "雾夜" : "Fog Night", ["place"] = "place-0",
                ["cast"] = new JsonArray([.. ids.Select(i => (JsonNode)i)]), ["user"] = user, ["objectives"] = objectives,
            }),
        };
    }
}
