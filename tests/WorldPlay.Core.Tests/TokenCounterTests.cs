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
        "## Where: The Salt Lantern (turn 123, minute 4567)\nAnswer Mira: \"Where were you?\"\nMira: \"Where were you?\"\n",
        "two  12 spaces, a\t3 tab, \u00a0 4 and ½7 ²8 numerals; 1,234.5 and v2.0: x",
        "第12回合：米拉说：你好。\n(turn 7) Mira said: it's 9 o'clock…",
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
        var chars = Gen.Char["\n\n\r  \t\u00a0aZé日77's.\"-#(!ß:½"];
        Gen.String[chars, 0, 80].Sample(text =>
        {
            TokenCounter.Default.Count(text);
            Assert.Equal(TokenCounter.Default.CountWhole(text), TokenCounter.Default.Count(text));
        }, iter: 2000);
    }
}
