using System.Text.RegularExpressions;
using WorldPlay.Core;
using WorldPlay.Core.Scenes;
using WorldPlay.Core.Worlds;
using WorldPlay.Minds;
using Xunit.Abstractions;

namespace WorldPlay.Minds.Tests;

/// <summary>The procedural character mind in a world whose language is Chinese: a rainy night at a teahouse (Worlds/
/// tinghu-teahouse.zh.json) played through the real core, with the English harbor sample as the yardstick.</summary>
public sealed partial class ProceduralChineseTests(ITestOutputHelper output)
{
    private const int Turns = 200;
    private const int SentencesCompared = 60;

    private static readonly Lazy<WorldDefinition> Teahouse =
        new(() => WorldFiles.Load(Path.Combine(AppContext.BaseDirectory, "Worlds", "tinghu-teahouse.zh.json")));

    private static readonly Lazy<ScenePlay> Played = new(() => ScenePlay.Play(Teahouse.Value, Turns, seed: 11));

    [GeneratedRegex("[A-Za-z]{3,}")]
    private static partial Regex LatinWord();

    private static IEnumerable<ScenePlay.Turn> CharacterTurns(ScenePlay play) =>
        play.NpcTurns.Where(t => t.Speech.Length > 0 || t.Narration.Length > 0);

    [Fact]
    public void ChineseWorld_200Turns_EveryCharacterLineIsChinese()
    {
        var lines = CharacterTurns(Played.Value).SelectMany(t => new[] { t.Speech, t.Narration }).Where(x => x.Length > 0).ToList();

        Assert.All(lines, line => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", line));
    }

    [Fact]
    public void ChineseWorld_200Turns_NoEnglishWordLeaks()
    {
        var leaks = CharacterTurns(Played.Value)
            .SelectMany(t => new[] { t.Speech, t.Narration })
            .Where(x => LatinWord().IsMatch(x))
            .ToList();

        Assert.Empty(leaks);
    }

    [Fact]
    public void ChineseWorld_200Turns_SentencesEndOnFullWidthStops()
    {
        var halfWidth = CharacterTurns(Played.Value)
            .SelectMany(t => new[] { t.Speech, t.Narration })
            .Where(x => Regex.IsMatch(x, @"[.,!?;:]"))
            .ToList();

        Assert.Empty(halfWidth);
    }

    [Fact]
    public void ChineseWorld_200Turns_NoCharacterRepeatsALineWithin50Turns()
    {
        var said = CharacterTurns(Played.Value).Where(t => t.Speech.Length > 0).ToList();
        var repeats = said.Where((t, i) => said.Take(i)
                .Any(e => e.Speaker == t.Speaker && e.Speech == t.Speech && t.Number - e.Number <= 50))
            .Select(t => $"turn {t.Number} {t.SpeakerName}: {t.Speech}")
            .ToList();

        Assert.Empty(repeats);
    }

    [Fact]
    public void ChineseWorld_200Turns_DistinctSentencesAboutAsHighAsInEnglish()
    {
        // Distinct sentences among each speaker's first 60: a measure both languages share (word n-grams do not), taken over
        // as many sentences per speaker although the harbor's cast of six speaks less often each than the teahouse's three.
        var chinese = DistinctSentenceRatios(Played.Value);
        var english = DistinctSentenceRatios(ScenePlay.Play(WorldFiles.Load("harbor"), 2 * Turns, seed: 11));
        output.WriteLine($"zh: {string.Join(", ", chinese.Select(r => $"{r.Key}={r.Value:F2}"))}");
        output.WriteLine($"en: {string.Join(", ", english.Select(r => $"{r.Key}={r.Value:F2}"))}");

        Assert.InRange(chinese.Values.Average(), english.Values.Average() - 0.1, 1.0);
    }

    [Theory]
    [InlineData(UserStyle.SlowBurn)]
    [InlineData(UserStyle.FastPlot)]
    public void ChineseWorld_200Turns_EveryUserLineIsChineseWithNoEnglishWord(UserStyle style)
    {
        var play = style == UserStyle.SlowBurn ? Played.Value : ScenePlay.Play(Teahouse.Value, Turns, seed: 11, style);
        var lines = play.Turns.Where(t => t.Role == TurnRole.User).SelectMany(t => new[] { t.Speech, t.Narration })
            .Where(x => x.Length > 0).ToList();

        Assert.All(lines, line => Assert.Matches(@"^[^A-Za-z]*\p{IsCJKUnifiedIdeographs}[^A-Za-z]*$", line));
    }

    [Fact]
    public void ChineseWorld_SameSeed_SameTranscript()
    {
        var again = ScenePlay.Play(Teahouse.Value, Turns, seed: 11);

        Assert.Equal(Transcript(Played.Value), Transcript(again));
    }

    [Fact]
    public void ChineseWorld_AnotherSeed_AnotherTranscript()
    {
        var other = ScenePlay.Play(Teahouse.Value, Turns, seed: 12);

        Assert.NotEqual(Transcript(Played.Value), Transcript(other));
    }

    [Fact]
    public void ChineseWorld_200Turns_CharactersProposeChangesTheWorldAccepts()
    {
        var accepted = CharacterTurns(Played.Value).Sum(t => t.Accepted.Count(e => e.Change is not Spoke));

        Assert.InRange(accepted, 5, Turns);
    }

    private static string Transcript(ScenePlay play) =>
        string.Join('\n', CharacterTurns(play).Select(t => $"{t.Number} {t.SpeakerName}: {t.Speech} | {t.Narration}"));

    /// <summary>Per speaker with at least <see cref="SentencesCompared"/> sentences: how many of the first ones are distinct.</summary>
    private static Dictionary<string, double> DistinctSentenceRatios(ScenePlay play) =>
        CharacterTurns(play).Where(t => t.Speech.Length > 0).GroupBy(t => t.SpeakerName)
            .Select(g => (Speaker: g.Key, Sentences: g.SelectMany(t => Regex.Split(t.Speech, @"(?<=[。！？.!?])\s*"))
                .Where(s => s.Length > 0).Take(SentencesCompared).ToList()))
            .Where(x => x.Sentences.Count == SentencesCompared)
            .ToDictionary(x => x.Speaker, x => x.Sentences.Distinct(StringComparer.Ordinal).Count() / (double)SentencesCompared);
}
