using System.Text;
using System.Text.RegularExpressions;
using WorldPlay.Core;
using WorldPlay.Core.Worlds;
using WorldPlay.Minds.Procedural;

namespace WorldPlay.Minds.Tests;

/// <summary>Strength is how <c>from</c> feels, in [-1, 1], negative for hostile ties (docs/world-format.md): what the procedural
/// mind narrates and what it writes must agree, over many seeds and both sample worlds.</summary>
public sealed class ProceduralRelationshipTests
{
    private static readonly string[] HostileTypes = ["resents", "distrusts", "envies", "fears", "hates", "rival-of"];

    public static TheoryData<string> Samples => [.. WorldFiles.SampleNames];

    [Theory]
    [MemberData(nameof(Samples))]
    public void RelationshipChange_NarratedWarmerOrColder_MovesTheStrengthThatWay(string world)
    {
        var warmer = Pattern(CharacterPhrases.GestureWarmer);
        var colder = Pattern(CharacterPhrases.GestureColder);
        var wrong = new List<string>();
        var seen = 0;
        foreach (var play in Plays(world))
        {
            foreach (var turn in play.NpcTurns)
            {
                foreach (var change in turn.Accepted.Select(e => e.Change).OfType<RelationshipChanged>())
                {
                    var before = turn.Before.RelationshipBetween(change.From, change.To, change.Type)?.Strength ?? 0;
                    var narratedWarmer = warmer.IsMatch(turn.Narration);
                    var narratedColder = colder.IsMatch(turn.Narration);
                    seen += narratedWarmer || narratedColder ? 1 : 0;
                    if ((narratedWarmer && change.Strength < before) || (narratedColder && change.Strength > before))
                    {
                        wrong.Add(
                            $"{world} turn {turn.Number}: '{turn.Narration}' but {change.Type} {before:0.00} -> {change.Strength:0.00}");
                    }
                }
            }
        }

        Assert.True(seen > 20, $"only {seen} narrated relationship changes were played");
        Assert.Empty(wrong);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void RelationshipChange_HostileType_IsNeverPositive(string world)
    {
        var positive = Plays(world)
            .SelectMany(p => p.Turns.SelectMany(t => t.Accepted).Select(e => e.Change).OfType<RelationshipChanged>())
            .Where(r => IsHostile(r.Type) && r.Strength > 0)
            .Select(r => $"{r.From}|{r.Type}|{r.To} {r.Strength:+0.00}")
            .ToList();

        Assert.Empty(positive);
    }

    [Fact]
    public void Harbor_1000Turns_EndsWithNoPositiveHostileTie()
    {
        var play = ScenePlay.Play(WorldFiles.Load("harbor"), 1000, seed: 7);

        var positive = play.Final.Relationships.Values.Where(r => IsHostile(r.Type) && r.Strength > 0)
            .Select(r => $"{r.Key} {r.Strength:+0.00}");

        Assert.Empty(positive);
    }

    [Theory]
    [InlineData("resents", -0.4, true, -0.4, 0)]
    [InlineData("resents", -0.02, true, -0.02, 0)]
    [InlineData("envies", -0.4, false, -1, -0.4)]
    [InlineData("Rival-Of", 0.5, true, 0.5, 0.5)]
    [InlineData("trusts", 0.95, true, 0.95, 1)]
    [InlineData("trusts", -0.95, false, -1, -0.95)]
    public void RelationshipTone_Moved_StaysBetweenItsBoundsAndDirection(string type, double current, bool warmer, double low, double high)
    {
        var next = RelationshipTone.Moved(type, current, 0.2, warmer);

        Assert.InRange(next, low, high);
    }

    private static bool IsHostile(string type) =>
        HostileTypes.Contains(type, StringComparer.OrdinalIgnoreCase) || RelationshipTone.IsHostile(type);

    private static IEnumerable<ScenePlay> Plays(string world)
    {
        var definition = WorldFiles.Load(world);
        var scenes = definition.Scenes.Where(s => s.User is not null).ToList();
        return Enumerable.Range(1, 16).Select(seed =>
            ScenePlay.Play(definition, 250, seed, seed % 2 == 0 ? UserStyle.FastPlot : UserStyle.SlowBurn, scenes[seed % scenes.Count].Id));
    }

    /// <summary>A regex for text any template of <paramref name="pool"/> can render to.</summary>
    private static Regex Pattern(IEnumerable<Phrase> pool)
    {
        var alternatives = pool.Select(p =>
        {
            var s = new StringBuilder();
            for (var i = 0; i < p.Template.Length; i++)
            {
                var c = p.Template[i];
                if (c == '{')
                {
                    i = p.Template.IndexOf('}', i);
                    s.Append(".+?");
                }
                else
                {
                    s.Append(c switch { '[' => "(?:", ']' => ")", '|' => "|", _ => Regex.Escape(c.ToString()) });
                }
            }
            return s.ToString();
        });
        return new Regex("^(?:" + string.Join('|', alternatives) + ")$", RegexOptions.CultureInvariant);
    }
}
