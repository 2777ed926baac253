using System.Collections.Immutable;
using WorldPlay.Core;
using WorldPlay.Core.Minds;
using WorldPlay.Minds.Procedural;

namespace WorldPlay.Minds;

/// <summary>A style profile of the procedural mind, offered as <c>procedural:{name}</c>: the same phrase grammar with its own
/// seed (so each style draws its own phrases) and its own finish. <c>terse</c> keeps a reply's first sentence and its closing
/// question; <c>lyrical</c> adds an image of the place after the first sentence; <c>wry</c> opens with a dry aside;
/// <c>plain</c> keeps the grammar's reply as it is. The added sentences exist in English and Chinese and follow the
/// language the reply is in; a sentence the character said in its recent lines is not said again.</summary>
public sealed record ProceduralStyle
{
    private static readonly string[] LyricalEn =
    [
        "The light over {place} has gone the colour of old brass.",
        "Somewhere past {place} the wind is turning the water over.",
        "Even the dust in {place} seems to be listening.",
        "The evening leans against {place} like a tired friend.",
        "Listen: {place} creaks the way it does before weather.",
    ];

    private static readonly string[] LyricalZh =
    [
        "{place}上空的光，已经变成旧铜的颜色。",
        "风在{place}外头翻着水。",
        "连{place}里的尘土都像在听。",
        "暮色靠在{place}上，像个累了的老朋友。",
        "你听，{place}吱呀作响，像是要变天了。",
    ];

    private static readonly string[] WryEn =
    [
        "Well, that went about as well as everything else today.",
        "Lovely. Just what the evening needed.",
        "I'd laugh, if it were any funnier.",
        "And here I thought today would be dull.",
        "Naturally. Nothing is ever simple here.",
    ];

    private static readonly string[] WryZh =
    [
        "好嘛，今天什么事都是这样。",
        "妙极了，正是今晚缺的。",
        "要是再好笑一点，我就笑了。",
        "我还以为今天会很无聊呢。",
        "当然了，这里从来没有简单的事。",
    ];

    private ProceduralStyle(string name) => Name = name;

    /// <summary>The style's name, as it follows <c>procedural:</c>.</summary>
    public string Name { get; }

    public static ProceduralStyle Terse { get; } = new("terse");

    public static ProceduralStyle Lyrical { get; } = new("lyrical");

    public static ProceduralStyle Plain { get; } = new("plain");

    public static ProceduralStyle Wry { get; } = new("wry");

    /// <summary>Every style, in the order catalogs list them.</summary>
    public static ImmutableArray<ProceduralStyle> All { get; } = [Terse, Lyrical, Plain, Wry];

    /// <summary>The action of the procedural mind in this style for <paramref name="perspective"/>.</summary>
    public CharacterAction Decide(Perspective perspective)
    {
        ArgumentNullException.ThrowIfNull(perspective);
        var seed = StableSeed.Of(perspective.Cue.Seed, Name);
        var action = ProceduralMind.Decide(perspective with { Cue = perspective.Cue with { Seed = seed } });
        var usage = MindUsage.Free($"{ProceduralMind.MindName}:{Name}");
        if (action.Speech.Length == 0)
        {
            return action with { Usage = usage };
        }
        var chinese = action.Speech.Any(c => c is >= '\u4e00' and <= '\u9fff');
        var said = perspective.RecentLines.IsDefault ? [] : perspective.RecentLines.Where(l => l.Speaker == perspective.Self)
            .Select(l => l.Text).ToList();
        var random = new Random(seed);
        string? Fresh(string[] pool)
        {
            var place = chinese ? perspective.Place.Name : Naming.Definite(perspective.Place.Name);
            var fresh = pool.Select(s => s.Replace("{place}", place, StringComparison.Ordinal))
                .Where(s => !said.Any(l => l.Contains(s, StringComparison.Ordinal))).ToList();
            return fresh.Count == 0 ? null : fresh[random.Next(fresh.Count)];
        }
        var sentences = Sentences(action.Speech);
        if (sentences.Count == 0)
        {
            return action with { Usage = usage };
        }
        var asks = sentences.Count > 1 && (sentences[^1].EndsWith('?') || sentences[^1].EndsWith('？'));
        var joiner = chinese ? "" : " ";
        var speech = Name switch
        {
            "terse" => string.Join(joiner, asks ? [sentences[0], sentences[^1]] : sentences.Take(1)),
            "lyrical" when Fresh(chinese ? LyricalZh : LyricalEn) is { } image =>
                string.Join(joiner, [sentences[0], image, .. sentences.Skip(1)]),
            "wry" when Fresh(chinese ? WryZh : WryEn) is { } aside => string.Join(joiner, [aside, .. sentences]),
            _ => action.Speech,
        };
        return action with { Speech = speech, Usage = usage };
    }

    /// <summary>The reply's sentences, each with its closing mark (. ! ? and their Chinese forms).</summary>
    private static List<string> Sentences(string speech)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < speech.Length; i++)
        {
            var end = speech[i] is '。' or '！' or '？'
                || (speech[i] is '.' or '!' or '?' && (i + 1 == speech.Length || speech[i + 1] == ' '));
            if (end)
            {
                sentences.Add(speech[start..(i + 1)].Trim());
                start = i + 1;
            }
        }
        if (start < speech.Length && speech[start..].Trim() is { Length: > 0 } rest)
        {
            sentences.Add(rest);
        }
        return sentences;
    }
}
