using WorldPlay.Core.Worlds;

namespace WorldPlay.Load.Tests;

public sealed class LoadWorldTests
{
    [Fact]
    public void Trimmed_TwoCharacters_KeepsTheUserAndTheFirstTwoInFileOrder() =>
        Assert.Equal(
            ["mira", "tomas", "wren"],
            LoadWorld.Trimmed(WorldFiles.Load("harbor"), 2).Scene.Cast.Select(c => c.Value));

    [Fact]
    public void Trimmed_TwoCharacters_TheWorldPlaysTheTrimmedScene()
    {
        var (definition, scene) = LoadWorld.Trimmed(WorldFiles.Load("harbor"), 2);

        Assert.Equal(scene, definition.Scenes[0]);
    }

    [Fact]
    public void Trimmed_MoreCharactersThanTheScene_RefusedNamingTheCast()
    {
        var refused = Assert.Throws<ArgumentException>(() => LoadWorld.Trimmed(WorldFiles.Load("harbor"), 7));

        Assert.Equal(
            "--characters 7: scene 'harbor-evening' of world 'harbor' has 6 characters besides the user " +
            "(mira, tomas, oren, ysolde, liesl, greaves); ask for at most 6, or use a world whose first scene has a bigger cast.",
            refused.Message);
    }
}
