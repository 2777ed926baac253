namespace WorldPlay.Core.Tests;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("Clustering", "clustering", 0)]
    [InlineData("Clustering", "Clusterng", 1)]
    [InlineData("GatewayPort", "GatwayPrt", 2)]
    [InlineData("mira", "", 4)]
    [InlineData("kitten", "sitting", 3)]
    public void IgnoringCase_KnownPairs_CountsEdits(string a, string b, int edits) =>
        Assert.Equal(edits, EditDistance.IgnoringCase(a, b));
}
