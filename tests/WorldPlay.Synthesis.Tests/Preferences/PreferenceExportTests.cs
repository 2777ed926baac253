using WorldPlay.Synthesis.Preferences;
using WorldPlay.Synthesis.Rows;

namespace WorldPlay.Synthesis.Tests.Preferences;

public sealed class PreferenceExportTests
{
    private static ChoiceSignal Denoised(string language = "en") =>
        SignalDenoiser.Denoise(Signals.PlantedLonger(flagged: false, language)).Kept.First(s => s.Group == "honest");

    [Fact]
    public void Pairs_DenoisedSignal_IsAChoicePairWeighedByTheDenoiser()
    {
        var signal = Denoised();

        var row = TrainingRowWriter.Pair(PreferenceExport.Pairs([signal]).Single());

        Assert.Equal(
            ("choice", signal.Denoise!.Weights[0], signal.Chosen.Text, signal.Rejected[0].Text, "honest"),
            (row["origin"]!.GetValue<string>(), row["weight"]!.GetValue<double>(), row["chosen"]![0]!["content"]!.GetValue<string>(),
                row["rejected"]![0]!["content"]!.GetValue<string>(), row["group"]!.GetValue<string>()));
    }

    [Fact]
    public void Pairs_Prompt_IsSystemThenTheContextWithTheUsersName()
    {
        var row = TrainingRowWriter.Pair(PreferenceExport.Pairs([Denoised("zh")]).Single());

        var prompt = row["prompt"]!.AsArray();
        Assert.Equal(
            ["system:角色扮演：你是小梅。请以小梅的身份继续这场戏，与林远对话。", "assistant:灯塔今晚没亮。", "user:你今晚见到守塔人了吗？"],
            prompt.Select(m => $"{m!["role"]}:{m["content"]}"));
        Assert.Equal("林远", prompt[2]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Kto_OneSignal_KeptReplyTrueDiscardedFalse()
    {
        var signal = Denoised();

        var rows = PreferenceExport.Kto([signal]).Select(TrainingRowWriter.Kto).ToList();

        Assert.Equal(
            [(signal.Chosen.Text, true), (signal.Rejected[0].Text, false)],
            rows.Select(r => (r["completion"]![0]!["content"]!.GetValue<string>(), r["label"]!.GetValue<bool>())));
    }

    [Fact]
    public void Pairs_ScoreOfAFlaggedReply_IsBelowTheCleanOne()
    {
        var signal = Signals.Of("g", 5, Signals.Long, Signals.OutOfCharacter);

        var pair = PreferenceExport.Pairs([signal]).Single();

        Assert.True(pair.ChosenScore > pair.RejectedScore, $"{pair.ChosenScore} vs {pair.RejectedScore}");
    }
}
