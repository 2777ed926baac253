namespace WorldPlay.LocalClusters.Tests;

/// <summary>Finding the repository clone, and the one Azurite version it pins.</summary>
public sealed class WorldPlayRepositoryTests
{
    [Fact]
    public void Above_TestAssemblyFolder_IsTheFolderWithTheSolution()
    {
        var root = WorldPlayRepository.Above(AppContext.BaseDirectory);

        Assert.True(File.Exists(Path.Combine(root ?? "", "WorldPlay.sln")), $"no WorldPlay.sln in '{root}'");
    }

    [Fact]
    public void Above_FolderOutsideAnyClone_IsNull()
    {
        Assert.Null(WorldPlayRepository.Above(Path.GetTempPath()));
    }

    [Fact]
    public void AzuriteVersion_IsTheOnePinnedInDotEnv()
    {
        var env = File.ReadAllLines(Path.Combine(WorldPlayRepository.Above(AppContext.BaseDirectory)!, ".env"));

        Assert.Contains($"AZURITE_VERSION={LocalTools.AzuriteVersion}", env);
    }
}
