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

/// <summary>The procedural user simulator, speaking as Ada at the harbor at dusk.</summary>
public sealed class ProceduralUserSimulatorTests
{
    [Theory]
    [InlineData(UserStyle.SlowBurn)]
    [InlineData(UserStyle.FastPlot)]
    public void UserSimulator_AnyStyle_AddressesAPresentCharacterByName(UserStyle style)
    {
        var sim = new ProceduralUserSimulator(style);
        var misses = Enumerable.Range(0, 300)
            .Select(seed => Ada(seed, answerTo: seed % 2 == 0 ? Line(MiraId, "Mira", "What brings you to the HarborId, Ada?") : null))
            .Select(p => (p, a: sim.Decide(p)))
            .Where(t => t.a.Addressees.Length != 1
                || t.p.Present.FirstOrDefault(x => x.Id == t.a.Addressees[0]) is not { IsUser: false } who
                || !t.a.Speech.Contains(who.Name, StringComparison.Ordinal))
            .ToList();

        Assert.Empty(misses);
    }

    [Fact]
    public void UserSimulator_Styles_SayDifferentThings()
    {
        var slow = new ProceduralUserSimulator(UserStyle.SlowBurn);
        var fast = new ProceduralUserSimulator(UserStyle.FastPlot);

        var same = Enumerable.Range(0, 100).Count(seed => slow.Decide(Ada(seed)).Speech == fast.Decide(Ada(seed)).Speech);

        Assert.Equal(0, same);
    }

    [Fact]
    public void UserSimulator_FastPlot_PushesTheStoryMoreThanSlowBurn()
    {
        int Changes(UserStyle style) =>
            Enumerable.Range(0, 300).Sum(seed => new ProceduralUserSimulator(style).Decide(Ada(seed)).Proposals.Length);

        Assert.True(Changes(UserStyle.FastPlot) > 3 * Changes(UserStyle.SlowBurn));
    }

    [Fact]
    public void UserSimulator_SlowBurn_LingersOnTheCharacterItSpokeToLast()
    {
        var sim = new ProceduralUserSimulator(UserStyle.SlowBurn);
        var stayed = Enumerable.Range(0, 200)
            .Select(seed => Ada(seed) with
            {
                RecentLines = [Line(AdaId, "Ada", "Tell me about your family, Tomas.", addressees: [TomasId])],
            })
            .Count(p => sim.Decide(p).Addressees.SequenceEqual([TomasId]));

        Assert.InRange(stayed, 150, 200);
    }

    [Fact]
    public void UserSimulator_AnyStyle_NeverMovesItselfAway()
    {
        var moves = new[] { UserStyle.SlowBurn, UserStyle.FastPlot }
            .SelectMany(style => Enumerable.Range(0, 300)
                .Select(seed => new ProceduralUserSimulator(style).Decide(Ada(seed, pacing: Pacing.Escalate))))
            .SelectMany(a => a.Proposals)
            .Count(p => p.Change is Moved or Travelled);

        Assert.Equal(0, moves);
    }

    [Fact]
    public void UserSimulator_FastPlot_SometimesTriesWhatTheLawsRefuse()
    {
        var sim = new ProceduralUserSimulator(UserStyle.FastPlot);
        var attempts = Enumerable.Range(0, 300)
            .Select(seed => Ada(seed))
            .Select(p => (p, a: sim.Decide(p)))
            .Count(t => t.a.Proposals.Any(x => x.Change is Took took && t.p.Items.Any(i => i.Id == took.Item && i.Holder is not null))
                || HarborScene.ForbiddenConcepts.Any(c => Regex.IsMatch(t.a.Speech, $@"\b{c}\b", RegexOptions.IgnoreCase)));

        Assert.InRange(attempts, 5, 60);
    }

    [Fact]
    public void UserSimulator_SamePerspective_GivesSameAction()
    {
        var perspective = Ada(99, answerTo: Line(MiraId, "Mira", "Where were you last night?"));

        Assert.Equal(
            Describe(new ProceduralUserSimulator(UserStyle.FastPlot).Decide(perspective)),
            Describe(new ProceduralUserSimulator(UserStyle.FastPlot).Decide(perspective)));
    }
}
