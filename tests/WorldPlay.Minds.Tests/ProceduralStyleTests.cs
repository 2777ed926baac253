using System.Text.RegularExpressions;
using WorldPlay.Core.Minds;
using WorldPlay.Minds;
using static WorldPlay.Minds.Tests.DuskAtTheHarbor;

namespace WorldPlay.Minds.Tests;

/// <summary>The procedural mind's style profiles on Mira at the harbor at dusk.</summary>
public sealed partial class ProceduralStyleTests
{
    [GeneratedRegex(@"[.!?](\s|$)")]
    private static partial Regex SentenceEnd();

    private static IEnumerable<Perspective> Turns() => Enumerable.Range(1, 40)
        .Select(seed => Mira(seed, answerTo: Line(AdaId, "Ada", "Mira, where did you hide the logbook?")));

    [Fact]
    public void Catalog_EveryStyle_ResolvedByItsName()
    {
        var catalog = new MindCatalog();

        Assert.Equal(
            ["procedural:terse", "procedural:lyrical", "procedural:plain", "procedural:wry"],
            ProceduralStyle.All.Select(s => catalog.Resolve($"procedural:{s.Name}").Name));
    }

    [Fact]
    public void Decide_Terse_AtMostTwoSentences()
    {
        var counts = Turns().Select(p => SentenceEnd().Count(ProceduralStyle.Terse.Decide(p).Speech)).ToList();

        Assert.All(counts, n => Assert.InRange(n, 0, 2));
    }

    [Fact]
    public void Decide_Lyrical_SpeaksOfThePlace()
    {
        var speeches = Turns().Select(p => (p.Place.Name, ProceduralStyle.Lyrical.Decide(p).Speech)).ToList();

        Assert.All(speeches, s => Assert.Contains(s.Name, s.Speech, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Decide_FourStyles_FourDifferentRepliesRecordedUnderTheirNames()
    {
        var perspective = Turns().First();

        var actions = ProceduralStyle.All.Select(s => s.Decide(perspective)).ToList();

        Assert.Equal(
            (4, "procedural:terse,procedural:lyrical,procedural:plain,procedural:wry"),
            (actions.Select(a => a.Speech).Distinct(StringComparer.Ordinal).Count(), string.Join(",", actions.Select(a => a.Usage.Mind))));
    }
}
