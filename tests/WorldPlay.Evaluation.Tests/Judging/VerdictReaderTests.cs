using WorldPlay.Evaluation.Judging;

namespace WorldPlay.Evaluation.Tests.Judging;

/// <summary>Tolerant reading of the judge's answers, and what counts as no verdict.</summary>
public sealed class VerdictReaderTests
{
    private static readonly string[] Asked = [BenchCategory.OutOfCharacter, BenchCategory.NoHook];

    [Fact]
    public void Read_JsonInProseAndFence_Read()
    {
        var verdicts = VerdictReader.Read("Sure:\n```json\n{\"verdicts\": [{\"category\": \"content.ooc\", \"present\": true, " +
            "\"evidence\": \"As an AI\", \"reason\": \"r\"}]}\n```", Asked);

        Assert.Equal(("content.ooc", true), (verdicts!.Value.Single().Category, verdicts.Value.Single().Present));
    }

    [Fact]
    public void Read_ShortIdStringPresentAndOddCase_Read()
    {
        var verdicts = VerdictReader.Read("{\"Verdicts\": [{\"Category\": \"no-hook\", \"Present\": \"yes\"}]}", Asked);

        Assert.Equal((BenchCategory.NoHook, true), (verdicts!.Value.Single().Category, verdicts.Value.Single().Present));
    }

    [Fact]
    public void Read_CategoryNotAsked_Ignored()
    {
        Assert.Empty(VerdictReader.Read("[{\"category\": \"prefs.boundary\", \"present\": true}]", Asked)!.Value);
    }

    [Fact]
    public void Read_PresentMissing_NoVerdict()
    {
        Assert.Empty(VerdictReader.Read("{\"verdicts\": [{\"category\": \"content.ooc\", \"present\": \"perhaps\"}]}", Asked)!.Value);
    }

    [Theory]
    [InlineData("I think the reply is fine.")]
    [InlineData("{\"verdicts\": \"none\"}")]
    [InlineData("{\"verdicts\": [{\"category\": \"content.ooc\", \"present\": true}")]
    public void Read_NoListOfVerdicts_Null(string reply)
    {
        Assert.Null(VerdictReader.Read(reply, Asked));
    }
}
