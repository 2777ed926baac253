using System.Runtime.CompilerServices;
using WorldPlay.Core;

namespace WorldPlay.Minds.Procedural;

/// <summary>A way of speaking. Phrases are tagged with one; <see cref="Plain"/> phrases suit every voice.</summary>
internal enum Register
{
    Plain,
    Gruff,
    Formal,
    Warm,
    Dry,
    Nervous,
    Cheerful,
}

/// <summary>How a persona sounds, read from its speech style, traits and description: the two registers that fit it best,
/// whether it keeps things short, and how much it says.</summary>
internal sealed record Voice(Register Primary, Register Secondary, bool Terse, double Talkativeness)
{
    private static readonly (Register Register, string[] Words)[] Cues =
    [
        (Register.Gruff, ["gruff", "salty", "rough", "blunt", "coarse", "sailor", "brusque", "grumbl", "growl", "weathered", "hard",
            "粗", "直来直去", "嗓门大", "骂骂咧咧"]),
        (Register.Formal,
            ["formal", "courteous", "polite", "courtly", "eloquent", "flowery", "precise", "measured", "proper", "archaic", "noble",
                "learned", "scholar",
                "文绉绉", "客气", "斯文", "彬彬有礼", "正式"]),
        (Register.Warm, ["warm", "kind", "gentle", "soft", "caring", "motherly", "fatherly", "friendly", "tender", "big-hearted", "loyal",
            "温柔", "温和", "和气", "心软", "体贴"]),
        (Register.Dry,
            ["dry", "sardonic", "sarcastic", "wry", "cynical", "ironic", "deadpan", "sly", "mocking", "shrewd", "cunning", "cold",
                "冷淡", "刻薄", "讥讽", "带刺", "精明", "打趣"]),
        (Register.Nervous, ["nervous", "anxious", "shy", "timid", "hesitant", "stammer", "fidget", "jumpy", "worried", "fearful",
            "紧张", "胆小", "结巴", "怯", "坐立不安"]),
        (Register.Cheerful,
            ["cheerful", "jovial", "bubbly", "exuberant", "chatty", "lively", "playful", "merry", "enthusiastic", "bright", "eager",
                "开朗", "爱笑", "活泼", "爱开玩笑", "话多"]),
    ];

    private static readonly string[] TerseCues = ["terse", "curt", "laconic", "clipped", "short", "few words", "taciturn", "quiet",
        "blunt", "寡言", "话少", "简短", "惜字如金"];

    public bool Fits(Register register) => register == Register.Plain || register == Primary || register == Secondary;

    /// <summary>Voices already read, by persona: a character's persona is the same object from turn to turn, and reading the
    /// voice anew each turn scanned the whole card.</summary>
    private static readonly ConditionalWeakTable<Persona, Voice> Read = new();

    public static Voice Of(Persona persona) => Read.GetValue(persona, Hear);

    private static Voice Hear(Persona persona)
    {
        var text = string.Join(' ',
            [persona.SpeechStyle, persona.SpeechStyle, .. PerspectiveReading.Listed(persona.Traits), persona.Description])
            .ToLowerInvariant();
        var scored = Cues
            .Select((cue, order) => (cue.Register, Score: cue.Words.Count(w => text.Contains(w, StringComparison.Ordinal)), order))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score).ThenBy(x => x.order)
            .Select(x => x.Register)
            .ToList();
        var primary = scored.Count > 0 ? scored[0] : Register.Plain;
        var secondary = scored.Count > 1 ? scored[1] : primary;
        var terse = TerseCues.Any(w => (persona.SpeechStyle ?? "").Contains(w, StringComparison.OrdinalIgnoreCase));
        return new Voice(primary, secondary, terse, double.IsFinite(persona.Talkativeness) ? Math.Clamp(persona.Talkativeness, 0, 1) : 0.5);
    }
}
