using System.Collections.Immutable;
using WorldPlay.Synthesis.Preferences;

namespace WorldPlay.Synthesis.Tests.Preferences;

/// <summary>Hand-made signals: an honest group that keeps the longer reply half the time, a planted group that always keeps it,
/// and replies the detectors flag.</summary>
internal static class Signals
{
    public const string Short = "He left at dusk, Wren. Shall we follow him?";

    public const string Long = "He left at dusk, Wren, with the brass lantern under his coat and the fog rolling in behind him. " +
        "Shall we follow him up the cliff path before the tide turns?";

    public const string OutOfCharacter = "As an AI language model, I cannot continue this story or pretend to be Mira.";

    public const string ShortZh = "他天黑就走了，林远。我们跟上去吗？";

    public const string LongZh = "他天黑就走了，林远，怀里揣着那盏铜灯，身后是漫上来的雾。我们要不要趁潮水没涨，顺着崖边小路跟上去？";

    public const string OutOfCharacterZh = "作为一个人工智能语言模型，我无法讲故事。";

    /// <summary>A signal of <paramref name="group"/> at turn <paramref name="turn"/> keeping <paramref name="chosen"/> over
    /// <paramref name="rejected"/>, the kept one shown first when <paramref name="chosenFirst"/>.</summary>
    public static ChoiceSignal Of(
        string group, int turn, string chosen, string rejected, bool chosenFirst = true, string language = "en",
        double seconds = 1200, int sessionTurns = 120, int after = 20, bool abandoned = false)
    {
        var (user, speaker) = language == "zh" ? ("林远", "小梅") : ("Wren", "Mira");
        var root = $"{group}-s{turn}";
        ImmutableArray<SignalLine> context = language == "zh"
            ? [new(turn - 2, speaker, "npc", "灯塔今晚没亮。"), new(turn - 1, user, "user", "你今晚见到守塔人了吗？")]
            : [new(turn - 2, speaker, "npc", "The lighthouse is dark tonight."),
                new(turn - 1, user, "user", "Did you see the lighthouse keeper tonight?")];
        return new ChoiceSignal(
            "test", root, root, $"{root}/scene", $"{root}/scene", turn, speaker, language, user, group,
            string.Join('\n', context.Select(l => $"{l.Speaker}: {l.Text}").Append($"{speaker}:")),
            context,
            new SignalReply(chosen, root, $"{root}/scene", chosenFirst ? 0 : 1),
            [new SignalReply(rejected, $"{root}-t{turn}-r1", $"{root}-t{turn}-r1/scene", chosenFirst ? 1 : 0)],
            1, turn % 3 == 0, turn % 3 == 0 ? ["entity-created"] : [], seconds, sessionTurns, after, abandoned, "procedural");
    }

    /// <summary>40 signals of an honest group (keeps the longer reply every other time) and 40 of a group that always keeps it;
    /// with <paramref name="flagged"/>, the honest group's first signal keeps an out-of-character reply.</summary>
    public static ImmutableArray<ChoiceSignal> PlantedLonger(bool flagged, string language = "en")
    {
        var (shortText, longText, bad) = language == "zh" ? (ShortZh, LongZh, OutOfCharacterZh) : (Short, Long, OutOfCharacter);
        var honest = Enumerable.Range(0, 40).Select(i => i == 0 && flagged
            ? Of("honest", 4 + (2 * i), bad, shortText, language: language)
            : i % 2 == 0 ? Of("honest", 4 + (2 * i), longText, shortText, chosenFirst: i % 4 == 0, language: language)
            : Of("honest", 4 + (2 * i), shortText, longText, chosenFirst: i % 4 == 1, language: language));
        var biased = Enumerable.Range(0, 40).Select(i => Of("longer", 4 + (2 * i), longText, shortText, chosenFirst: i % 2 == 0,
            language: language));
        return [.. honest, .. biased];
    }
}
