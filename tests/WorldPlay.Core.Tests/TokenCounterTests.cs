using CsCheck;
using WorldPlay.Core.Minds;

namespace WorldPlay.Core.Tests;

/// <summary>Counting line by line with a cache gives exactly the cl100k count of the whole text.</summary>
public sealed class TokenCounterTests
{
    public static TheoryData<string> Texts => new()
    {
        "one\n\ntwo\n\n\nthree",
        "trailing spaces   \nnext line\t\n  indented\n\tTabbed",
        "ends with punctuation.\n\"quoted\" start\n(paren)\n- dash\n123 numbers\n4567890",
        "windows\r\nline\r\nendings\r\n",
        "unicode: café, naïve, 日本語の文\n😀 emoji first\n«guillemets»\n",
        "don't\n's at start\n'll\nit's",
        "\nleading newline\nand a final one\n",
        "no-break\u00a0space\n\u00a0after a newline\n\u2003em space\n",
        "",
        "x",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Count_AnyText_EqualsTheWholeTextsCount(string text)
    {
        TokenCounter.Default.Count(text);

        Assert.Equal(TokenCounter.Default.CountWhole(text), TokenCounter.Default.Count(text));
    }

    [Fact]
    public void Count_RandomTextsOfLinesSpacesAndPunctuation_EqualsTheWholeTextsCount()
    {
        // Texts drawn from the characters that decide where cl100k's pieces start and end: newlines, other white space,
        // letters, digits, apostrophes and punctuation, so line starts of every kind follow line ends of every kind.
        var chars = Gen.Char["\n\n\r  \t\u00a0aZé日7's.\"-#(!ß"];
        Gen.String[chars, 0, 80].Sample(text =>
        {
            TokenCounter.Default.Count(text);
            Assert.Equal(TokenCounter.Default.CountWhole(text), TokenCounter.Default.Count(text));
        }, iter: 2000);
    }
}
