using WorldPlay.Evaluation.Detectors;
using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Tests.Detectors;

/// <summary>Small transcripts for detector tests: 米拉 (an NPC) talks with 任远 (the user) in a Chinese setting, or in none.</summary>
internal static class ChineseScenes
{
    public const string Npc = "米拉";

    public const string User = "任远";

    /// <summary>A setting in <paramref name="language"/> with 米拉 and the user 任远, and the given forbidden concepts.</summary>
    public static BenchSetting Setting(string language = "zh", params string[] forbidden) => new(
        language,
        [
            new BenchCharacter("mira", Npc, [], Gender.Female, IsUser: false, IsPresent: true, IsAlive: true),
            new BenchCharacter("ren", User, ["阿远"], Gender.Male, IsUser: true, IsPresent: true, IsAlive: true),
        ],
        ["雾港"],
        [],
        [.. forbidden],
        User);

    /// <summary>A transcript of NPC replies only, one turn each.</summary>
    public static Transcript Replies(BenchSetting? setting, params string[] replies) =>
        Dialogue(setting, [.. replies.Select(r => (SpeakerRole.Npc, r))]);

    /// <summary>A transcript of the given lines, one turn each; user lines are 任远's, NPC lines 米拉's.</summary>
    public static Transcript Dialogue(BenchSetting? setting, params (SpeakerRole Role, string Text)[] lines) => new(
        "zh-test",
        setting,
        [.. lines.Select((l, i) => new TranscriptLine(i + 1, l.Role == SpeakerRole.User ? User : Npc, l.Role, l.Text, []))]);

    /// <summary>The hits of <paramref name="detector"/> on <paramref name="transcript"/>.</summary>
    public static List<DetectorHit> Hits(IDetector detector, Transcript transcript) => [.. detector.Detect(transcript)];
}
