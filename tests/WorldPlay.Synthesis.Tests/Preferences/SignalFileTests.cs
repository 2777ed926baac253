using WorldPlay.Synthesis.Preferences;

namespace WorldPlay.Synthesis.Tests.Preferences;

public sealed class SignalFileTests
{
    [Fact]
    public void Parse_WrittenLines_GivesTheSameSignals()
    {
        var signals = Signals.PlantedLonger(flagged: true, "zh");

        var read = SignalFile.Parse(string.Join('\n', signals.Select(SignalFile.Line)), "s.jsonl");

        Assert.Equal(signals.Select(SignalFile.Line), read.Select(SignalFile.Line));
    }

    [Fact]
    public void Line_ChineseReply_IsWrittenUnescaped()
    {
        var line = SignalFile.Line(Signals.Of("g", 5, Signals.LongZh, Signals.ShortZh, language: "zh"));

        Assert.Contains(Signals.LongZh, line);
    }

    [Fact]
    public void Parse_MissingField_NamesTheLineAndTheField()
    {
        var good = SignalFile.Line(Signals.Of("g", 5, Signals.Long, Signals.Short));
        var bad = good.Replace("\"turn\":5,", "", StringComparison.Ordinal);

        var error = Assert.Throws<SignalFileException>(() => SignalFile.Parse($"{good}\n{bad}\n", "s.jsonl"));

        Assert.StartsWith("s.jsonl line 2:", error.Message);
        Assert.Contains("turn", error.Message);
    }

    [Fact]
    public void Parse_NoRejectedReply_IsRefused()
    {
        var line = SignalFile.Line(Signals.Of("g", 5, Signals.Long, Signals.Short) with { Rejected = [] });

        var error = Assert.Throws<SignalFileException>(() => SignalFile.Parse(line, "s.jsonl"));

        Assert.Equal("s.jsonl line 1: rejected lists no reply; a choice needs at least one discarded reply.", error.Message);
    }

    [Fact]
    public void Parse_NotJson_IsRefusedWithTheLine()
    {
        var error = Assert.Throws<SignalFileException>(() => SignalFile.Parse("{\"turn\": 3,", "s.jsonl"));

        Assert.StartsWith("s.jsonl line 1:", error.Message);
    }
}
