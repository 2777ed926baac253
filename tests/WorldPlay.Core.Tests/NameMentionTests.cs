using System.Collections.Immutable;

namespace WorldPlay.Core.Tests;

/// <summary>How a line names an entity: whole words in spaced scripts, anywhere in Chinese, and people by their first name.</summary>
public sealed class NameMentionTests
{
    private static Entity Person(string name, params string[] aliases) =>
        new("someone", EntityKind.Character, name, [.. aliases], ImmutableSortedDictionary<string, string>.Empty, EntityStatus.Alive,
            "harbor", null);

    [Theory]
    [InlineData("Have you heard from my uncle Anders?", "Anders Coldwell", true)]
    [InlineData("Anders Coldwell came in on the boat.", "Anders Coldwell", true)]
    [InlineData("The Andersen boy is back.", "Anders Coldwell", false)]
    [InlineData("Lena waits in Vask.", "Lena", true)]
    [InlineData("Bo said nothing.", "Bo Varro", false)]
    [InlineData("你见过沈晓雨吗？", "沈晓雨", true)]
    [InlineData("你见过晓雨吗？", "沈晓雨", false)]
    public void Mentions_Line_NamesThePersonByFullOrFirstName(string line, string name, bool expected)
    {
        Assert.True(NameMention.Mentions(line, Person(name)) == expected, $"'{line}' names {name}: expected {expected}");
    }

    [Fact]
    public void Mentions_Alias_Counts()
    {
        Assert.True(NameMention.Mentions("Ask the Widow about it.", Person("Agnete Strand", "the Widow")));
    }
}
