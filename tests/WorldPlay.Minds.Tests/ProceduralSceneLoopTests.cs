using System.Collections.Immutable;
using System.Text.RegularExpressions;
using WorldPlay.Core;
using WorldPlay.Core.Characters;
using WorldPlay.Core.Laws;
using WorldPlay.Core.Minds;
using WorldPlay.Core.Scenes;
using WorldPlay.Minds;
using static WorldPlay.Minds.Tests.DuskAtTheHarbor;

namespace WorldPlay.Minds.Tests;

/// <summary>Whole scenes of procedural characters and a user simulator, played through the real core.</summary>
public sealed class ProceduralSceneLoopTests
{
    [Theory]
    [InlineData(UserStyle.SlowBurn)]
    [InlineData(UserStyle.FastPlot)]
    public void SceneLoop_300Turns_NoSpeakerRepeatsALineWithin50Turns(UserStyle user)
    {
        var repeats = HarborScene.Run(300, user).Repeats(window: 50);

        Assert.Empty(repeats);
    }

    [Theory]
    [InlineData(UserStyle.SlowBurn)]
    [InlineData(UserStyle.FastPlot)]
    public void SceneLoop_300Turns_EachCharacterKeepsDistinct4GramsAboveThreshold(UserStyle user)
    {
        // Measured (distinct word 4-grams / all 4-grams, each line on its own, per speaker): characters 0.74 to 1.0 over
        // 300 turns and 0.62 to 0.72 over 1000; the user simulator, with a smaller grammar, 0.61 to 0.75 over 300.
        var ratios = HarborScene.Run(300, user).Distinct4GramRatios();

        Assert.All(ratios, r => Assert.InRange(r.Value, r.Key == AdaId ? 0.55 : 0.68, 1.0));
    }

    [Theory]
    [InlineData(UserStyle.SlowBurn)]
    [InlineData(UserStyle.FastPlot)]
    public void SceneLoop_300Turns_MostCharacterProposalsAreAccepted(UserStyle user)
    {
        var run = HarborScene.Run(300, user);

        Assert.InRange(run.CharacterRejections / (double)Math.Max(1, run.CharacterProposals), 0.0, 0.15);
    }

    [Fact]
    public void SceneLoop_300TurnsWithAFastPlotUser_TheLawsRefuseSomeOfTheUsersAttempts()
    {
        var run = HarborScene.Run(300, UserStyle.FastPlot);

        Assert.InRange(run.UserRefusals, 1, 40);
    }

    [Theory]
    [InlineData(UserStyle.SlowBurn)]
    [InlineData(UserStyle.FastPlot)]
    public void SceneLoop_300Turns_CharactersEndMostLinesWithAHook(UserStyle user)
    {
        var run = HarborScene.Run(300, user);

        Assert.InRange(run.CharacterHooks / (double)run.Lines.Count(l => l.Speaker != AdaId), 0.6, 1.0);
    }
}
