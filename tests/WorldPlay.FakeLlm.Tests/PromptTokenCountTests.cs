using WorldPlay.Core.Minds;

namespace WorldPlay.FakeLlm.Tests;

/// <summary>Counting line by line with a cache gives exactly the cl100k count of the whole text.</summary>
public sealed class PromptTokenCountTests
{
    public static TheoryData<string> Texts => new()
    {
        PerspectiveBuilder.Render(Scenes.Mira()),
        Scenes.ActionInstructions,
        "one\n\ntwo\n\n\nthree",
        "trailing spaces   \nnext line\t\n  indented\n\tTabbed",
        "ends with punctuation.\n\"quoted\" start\n(paren)\n- dash\n123 numbers\n4567890",
        "windows\r\nline\r\nendings\r\n",
        "unicode: café, naïve, 日本語の文\n😀 emoji first\n«guillemets»\n",
        "don't\n's at start\n'll\nit's",
        "\nleading newline\nand a final one\n",
        "",
        "x",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Count_AnyText_EqualsTheWholeTextsCount(string text)
    {
        var count = new PromptTokenCount(TokenCounter.Default);
        count.Count(text);

        Assert.Equal(TokenCounter.Default.Count(text), count.Count(text));
    }
}
