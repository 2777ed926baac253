using System.Collections.Immutable;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace WorldPlay.FakeLlm;

/// <summary>Answers an extraction request (a person's line and what the speaker knows, between <c>&lt;line-data&gt;</c> tags)
/// the way a model would, from simple English and Chinese patterns: a relative by name ("my sister Lena", "Lena, my sister",
/// "我的妹妹莲娜", "莲娜是我的妹妹"), where someone lives ("lives in Vask", "住在维斯克") and a thing the speaker carries
/// ("my silver locket", "我的戒指"). A name or place the speaker already knows is referred to, not created. Everything comes
/// from the line, so the same line always gets the same answer; a line that matches nothing creates nothing.</summary>
internal static partial class LineCreations
{
    private const string Cjk = @"\p{IsCJKUnifiedIdeographs}";

    private static readonly ImmutableDictionary<string, string> ChineseKin = new Dictionary<string, string>
    {
        ["妹妹"] = "sister", ["姐姐"] = "sister", ["哥哥"] = "brother", ["弟弟"] = "brother", ["母亲"] = "mother", ["妈妈"] = "mother",
        ["父亲"] = "father", ["爸爸"] = "father", ["女儿"] = "daughter", ["儿子"] = "son", ["妻子"] = "wife", ["丈夫"] = "husband",
        ["朋友"] = "friend",
    }.ToImmutableDictionary();

    /// <summary>True when the request asks for an extraction: its schema or its instructions name the <c>creations</c> list.</summary>
    public static bool AreAskedFor(ChatRequest request, ImmutableArray<string> schemaProperties) =>
        schemaProperties.Contains("creations")
        || (schemaProperties.IsEmpty && request.InstructionText.Contains("\"creations\"", StringComparison.Ordinal));

    public static JsonObject Compose(string prompt)
    {
        // The last block: the instructions name the tags too.
        var data = Data().Matches(prompt).LastOrDefault() is { } d ? d.Groups["data"].Value : prompt;
        var speaker = Field(data, "Speaker");
        var known = Known().Matches(data).Select(m => (Name: m.Groups["name"].Value.Trim(), Id: m.Groups["id"].Value)).ToList();
        var line = LineText().Match(data) is { Success: true } l ? l.Groups["text"].Value.Trim() : "";
        string? KnownId(string name) => known.FirstOrDefault(k => k.Name.Equals(name, StringComparison.OrdinalIgnoreCase)
            || k.Name.Equals("The " + name, StringComparison.OrdinalIgnoreCase)).Id;

        var creations = new JsonArray();
        var ties = new JsonArray();
        string? placeId = null;
        if (Place(line) is { } place)
        {
            placeId = KnownId(place);
            if (placeId is null)
            {
                creations.Add(Creation(IdFor(place), "place", place, $"{place}, as the speaker tells of it.", null, null, "alive"));
                placeId = Reference(place);
            }
        }
        if (Relative(line) is { } relative)
        {
            var id = KnownId(relative.Name);
            if (id is null)
            {
                creations.Add(Creation(IdFor(relative.Name), "character", relative.Name, $"The speaker's {relative.Kin}.",
                    placeId ?? placeReference(), null, relative.Late ? "dead" : "alive"));
                id = Reference(relative.Name);
            }
            if (speaker is not null)
            {
                ties.Add(new JsonObject { ["from"] = speaker, ["to"] = id, ["type"] = relative.Kin, ["strength"] = 0.8 });
            }
        }
        if (Thing(line) is { } thing && KnownId(thing) is null && speaker is not null)
        {
            creations.Add(Creation(IdFor(thing), "item", thing, $"{thing}, which the speaker carries.", null, speaker, "alive"));
        }
        return new JsonObject { ["creations"] = creations, ["ties"] = ties, ["facts"] = new JsonArray() };

        // A relative the line puts nowhere stands at the speaker's place, as the instructions ask.
        string? placeReference() => Field(data, "Place");
    }

    private static JsonObject Creation(string id, string kind, string name, string description, string? location, string? holder,
        string status) => new()
    {
        ["id"] = id,
        ["kind"] = kind,
        ["name"] = name,
        ["aliases"] = new JsonArray(),
        ["description"] = description,
        ["location"] = location,
        ["holder"] = holder,
        ["status"] = status,
    };

    /// <summary>"Old Mill" gets "old-mill"; a name in another script gets "" (the client derives an id, as it would for a model
    /// that wrote none).</summary>
    /// <summary>How the reply refers to what it creates: by its id, or by name when it has no ascii id.</summary>
    private static string Reference(string name) => IdFor(name) is { Length: > 0 } id ? id : name;

    private static string IdFor(string name) => string.Join('-', NotSlug().Split(name.ToLowerInvariant()).Where(p => p.Length > 0));

    private static string? Field(string data, string name) =>
        Regex.Match(data, $@"^{name}: .*?\[(?<id>[a-z0-9][a-z0-9-]*)\]\s*$", RegexOptions.Multiline) is { Success: true } m
            ? m.Groups["id"].Value : null;

    private static (string Name, string Kin, bool Late)? Relative(string line)
    {
        var english = EnglishRelative().Match(line) is { Success: true } before ? before : EnglishRelativeAfter().Match(line);
        if (english.Success)
        {
            return (english.Groups["name"].Value, english.Groups["kin"].Value.ToLowerInvariant(), english.Groups["late"].Success);
        }
        var chinese = ChineseRelative().Match(line) is { Success: true } ahead ? ahead : ChineseRelativeAfter().Match(line);
        return chinese.Success
            ? (chinese.Groups["name"].Value, ChineseKin[chinese.Groups["kin"].Value], chinese.Groups["late"].Success)
            : null;
    }

    private static string? Place(string line) =>
        EnglishPlace().Match(line) is { Success: true } e ? e.Groups["place"].Value
        : ChinesePlace().Match(line) is { Success: true } c ? c.Groups["place"].Value
        : null;

    private static string? Thing(string line) =>
        EnglishThing().Match(line) is { Success: true } e ? e.Groups["thing"].Value
        : ChineseThing().Match(line) is { Success: true } c ? c.Groups["thing"].Value
        : null;

    private const string EnglishKin =
        "sister|brother|mother|father|daughter|son|wife|husband|cousin|aunt|uncle|friend|grandmother|grandfather";

    private const string ChineseKinWords = "妹妹|姐姐|哥哥|弟弟|母亲|妈妈|父亲|爸爸|女儿|儿子|妻子|丈夫|朋友";

    [GeneratedRegex(@"<line-data>(?<data>.*?)</line-data>", RegexOptions.Singleline)]
    private static partial Regex Data();

    [GeneratedRegex(@"^- (?<name>.+?) \[(?<id>[a-z0-9][a-z0-9-]*)\] \((?<kind>[a-z]+)\)\s*$", RegexOptions.Multiline)]
    private static partial Regex Known();

    [GeneratedRegex(@"^Line: (?<text>.*)$", RegexOptions.Multiline)]
    private static partial Regex LineText();

    [GeneratedRegex(@"\b[Mm]y (?<late>late )?(?<kin>" + EnglishKin + @"),? (?<name>\p{Lu}\p{L}+)")]
    private static partial Regex EnglishRelative();

    [GeneratedRegex(@"\b(?<name>\p{Lu}\p{L}+), my (?<late>late )?(?<kin>" + EnglishKin + @")\b")]
    private static partial Regex EnglishRelativeAfter();

    [GeneratedRegex(@"\b(?:lives|living|waits(?: for me)?|waiting(?: for me)?|stays|works|is|was born|died) (?:in|at) (?:the )?" +
        @"(?<place>(?:The )?\p{Lu}\p{L}+(?: \p{Lu}\p{L}+){0,2})")]
    private static partial Regex EnglishPlace();

    [GeneratedRegex(@"\b[Mm]y (?<thing>(?:(?:old|silver|golden|gold|iron|brass|little|father's|mother's) )?" +
        @"(?:sword|ring|locket|knife|dagger|book|map|key|compass|necklace|flute|pipe|watch))\b")]
    private static partial Regex EnglishThing();

    [GeneratedRegex("我的(?<late>已故的|亡)?(?<kin>" + ChineseKinWords + ")(?<name>" + Cjk + "{2,4}?)(?=住在|在|等|是|，|,|。|！|$)")]
    private static partial Regex ChineseRelative();

    [GeneratedRegex("(?<name>" + Cjk + "{2,4}?)(?:，|,)?是我(?<late>已故)?的(?<kin>" + ChineseKinWords + ")")]
    private static partial Regex ChineseRelativeAfter();

    [GeneratedRegex("(?:住在|生活在|等我在|来自)(?<place>" + Cjk + "{2,6}?)(?=[，,。！？!?\\s]|$|等|工作|生活)")]
    private static partial Regex ChinesePlace();

    [GeneratedRegex("我的(?<thing>剑|戒指|项链|钥匙|地图|怀表|匕首|笛子)")]
    private static partial Regex ChineseThing();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();
}
