using System.Text.RegularExpressions;
using WorldPlay.Core;
using WorldPlay.Core.Scenes;
using WorldPlay.Core.Worlds;
using WorldPlay.Minds.Procedural;

namespace WorldPlay.Minds.Tests;

/// <summary>The procedural minds' speech read as people talk, over many seeds of worlds nobody tuned them to (see
/// <see cref="GeneratedWorlds"/>), the sample worlds and the docs' minimal lighthouse world.</summary>
public sealed partial class ProceduralSpeechTests
{
    private const int Seeds = 24;
    private const int Turns = 120;

    // "a" before a vowel sound or "an" before a consonant, leaving the words whose spelling misleads (a unicorn, an hour).
    [GeneratedRegex(
        @"\b(?:[Aa] (?!uni|use|usu|uti|ure|euro|one\b|once\b)[aeiouAEIOU]\w*"
        + @"|[Aa]n (?!hour|honest|hono|heir)[b-df-hj-np-tv-zB-DF-HJ-NP-TV-Z]\w*)")]
    private static partial Regex ArticleDisagreement();

    public static TheoryData<string> Samples => [.. WorldFiles.SampleNames];

    [Fact]
    public void Speech_GeneratedWorlds_ArticlesAgreeWithTheNextWord()
    {
        var wrong = SpeechOf(GeneratedEnglish())
            .SelectMany(s => ArticleDisagreement().Matches(s.Text).Select(m => $"'{m.Value}' in: {s.Text}"));

        NoneOf(wrong);
    }

    [Fact]
    public void Speech_GeneratedWorlds_NeverRecitesAnObjective()
    {
        var spliced = new List<string>();
        foreach (var play in GeneratedEnglish())
        {
            var runs = GeneratedWorlds.Objectives(play.Definition).SelectMany(o => Runs(o, 5)).ToHashSet(StringComparer.Ordinal);
            spliced.AddRange(play.NpcTurns.Where(t => Runs(t.Speech, 5).Any(runs.Contains)).Select(t => t.Speech));
        }

        NoneOf(spliced);
    }

    [Fact]
    public void Speech_GeneratedWorlds_NeverSplicesATraitThatIsAClause()
    {
        var spliced = new List<string>();
        foreach (var play in GeneratedEnglish())
        {
            var clauses = GeneratedWorlds.ClauseTraits(play.Definition).ToList();
            spliced.AddRange(play.NpcTurns.Where(t => clauses.Any(c => t.Speech.Contains(c, StringComparison.OrdinalIgnoreCase)))
                .Select(t => t.Speech));
        }

        NoneOf(spliced);
    }

    [Fact]
    public void Speech_FactAboutTheSpeakerWithHeOrShe_IsNeverSaidInTheFirstPerson()
    {
        var wrong = SpeechOf(GeneratedEnglish().Concat(SampleRuns("harbor")))
            .Where(s => Regex.IsMatch(s.Text, @"\bI (have|am|was)\b[^.?!]*,? and (he|she) (has|is|was)\b"))
            .Select(s => s.Text);

        NoneOf(wrong);
    }

    [Fact]
    public void Speech_GeneratedWorlds_CallsEachPersonByNameAtMostOnceAReply()
    {
        var wrong = new List<string>();
        foreach (var play in GeneratedEnglish())
        {
            var names = play.Definition.Entities.Where(e => e.IsCharacter).Select(e => e.Name).ToList();
            foreach (var turn in play.NpcTurns)
            {
                foreach (var name in names.SelectMany(n => (string[])[n, n.Split(' ')[0]]).Distinct())
                {
                    var vocatives = Regex.Matches(turn.Speech, $@"(, {Regex.Escape(name)}(?=[.?!,]))|((^|[.?!] ){Regex.Escape(name)}, )")
                        .Count;
                    var fullNames = name.Contains(' ', StringComparison.Ordinal) ? Regex.Matches(turn.Speech, Regex.Escape(name)).Count : 0;
                    if (vocatives > 1 || fullNames > 1)
                    {
                        wrong.Add($"'{name}' x{Math.Max(vocatives, fullNames)}: {turn.Speech}");
                    }
                }
            }
        }

        NoneOf(wrong);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Speech_SampleWorlds_CallsEachPersonByNameAtMostOnceAReply(string world)
    {
        var play = SampleRuns(world).First();
        var names = play.Definition.Entities.Where(e => e.IsCharacter).SelectMany(e => (string[])[e.Name, e.Name.Split(' ')[0]]).Distinct()
            .ToList();

        var wrong = play.NpcTurns.Where(t => names.Any(n => Regex.Matches(t.Speech, $@", {Regex.Escape(n)}(?=[.?!,])").Count > 1))
            .Select(t => t.Speech);

        NoneOf(wrong);
    }

    [Fact]
    public void Lines_GeneratedWorlds_NoSpeakerRepeatsALineWithin30Turns()
    {
        var repeats = GeneratedEnglish().SelectMany(p => Repeats(p, 30));

        NoneOf(repeats);
    }

    [Fact]
    public void Play_GeneratedChineseWorlds_EveryNpcTurnSaysOrDoesSomethingAndNoLineRepeats()
    {
        var problems = new List<string>();
        foreach (var seed in Enumerable.Range(1, 8))
        {
            var play = ScenePlay.Play(GeneratedWorlds.Make(seed, chinese: true), Turns, seed);
            problems.AddRange(play.NpcTurns.Where(t => t.Speech.Length == 0 && t.Narration.Length == 0 && t.Accepted.IsEmpty)
                .Select(t => $"seed {seed}: turn {t.Number} of {t.SpeakerName} is empty"));
            problems.AddRange(Repeats(play, 30));
        }

        NoneOf(problems);
    }

    [Fact]
    public void Speech_StrictAlternationOneToOne_StockSentenceInBackToBackRepliesAtMostOnceIn300()
    {
        // A sentence of five words or more is a stock one: a name or an item alone does not make a repeat. Measured: 2 repeats
        // in 1,145 pairs, both a closing hook (the one sentence that may still fall back on a phrase not awake); with the
        // window counted in scene turns the NPC said a stock sentence again in the very next reply far more often.
        var repeats = new List<string>();
        var pairs = 0;
        foreach (var seed in Enumerable.Range(1, Seeds))
        {
            var play = ScenePlay.Play(OneToOne(GeneratedWorlds.Make(seed, chinese: false)), 100, seed,
                seed % 3 == 0 ? UserStyle.Terse : UserStyle.SlowBurn, alternation: Alternation.Strict);
            var replies = play.NpcTurns.Where(t => t.Speech.Length > 0).ToList();
            foreach (var (previous, reply) in replies.Zip(replies.Skip(1)))
            {
                pairs++;
                var before = Phrasing.Sentences(previous.Speech).ToHashSet(StringComparer.OrdinalIgnoreCase);
                repeats.AddRange(Phrasing.Sentences(reply.Speech)
                    .Where(s => Phrasing.Words(s).Count >= 5 && before.Contains(s))
                    .Select(s => $"seed {seed} turns {previous.Number} and {reply.Number}: {s}"));
            }
        }

        Assert.True(repeats.Count * 300 <= pairs, $"{repeats.Count} repeats in {pairs} pairs:\n{string.Join("\n", repeats)}");
    }

    [Fact]
    public void Lighthouse_60Turns_NoSpeakerRepeatsALineWithin50Turns()
    {
        var repeats = Enumerable.Range(1, Seeds).SelectMany(seed => Repeats(ScenePlay.Play(Lighthouse(), 60, seed), 50));

        NoneOf(repeats);
    }

    [Fact]
    public void Lighthouse_60Turns_TheKeeperKeepsTakingPartEvery15Turns()
    {
        var silent = new List<string>();
        foreach (var seed in Enumerable.Range(1, Seeds))
        {
            var play = ScenePlay.Play(Lighthouse(), 60, seed);
            for (var from = 1; from <= 46; from += 15)
            {
                if (!play.NpcTurns.Any(t => t.Number >= from && t.Number < from + 15 && t.Speech.Length > 0))
                {
                    silent.Add($"seed {seed}: Agna says nothing in turns {from}-{from + 14}");
                }
            }
        }

        NoneOf(silent);
    }

    [Fact]
    public void Lighthouse_AloneWithTheUser_TheKeeperNeverWalksOut()
    {
        var walkouts = Enumerable.Range(1, 100)
            .Select(seed => ScenePlay.Play(Lighthouse(), 60, seed, seed % 2 == 0 ? UserStyle.FastPlot : UserStyle.SlowBurn))
            .SelectMany(p =>
                p.Turns.Where(t => t.Speaker == "agna" && t.Accepted.Any(e => e.Change is Moved)).Select(t => $"turn {t.Number}"));

        NoneOf(walkouts);
    }

    [Fact]
    public void Lighthouse_KeeperOutOnTheLanding_ComesBackWithinFourTurns()
    {
        var late = new List<string>();
        foreach (var seed in Enumerable.Range(1, Seeds))
        {
            var play = ScenePlay.Play(Lighthouse(), 30, seed, before: [Proposal.Of("agna", new Moved("landing"))]);
            var back = play.Turns.FirstOrDefault(t => t.Speaker == "agna"
                && t.Accepted.Any(e => e.Change is Moved { To.Value: "lamp-room" }));
            if (back is null || back.Number > 4)
            {
                late.Add($"seed {seed}: back at turn {back?.Number.ToString() ?? "never"}");
            }
        }

        NoneOf(late);
    }

    [Fact]
    public void Lighthouse_UserAloneForAWhile_WaitsWithTimePassingAndNeverRepeatsALine()
    {
        var problems = new List<string>();
        foreach (var seed in Enumerable.Range(1, Seeds))
        {
            // Agna is far out of reach (no way back from a place the map does not join), so Sam stays alone all along.
            var play = ScenePlay.Play(Lighthouse(), 40, seed, before: [Proposal.Of("agna", new Moved("landing"))], keepAway: "agna");
            var sam = play.Turns.Where(t => t.Role == TurnRole.User).ToList();
            if (sam.Count(t => t.Accepted.Any(e => e.Change is TimeAdvanced)) < sam.Count / 2)
            {
                problems.Add($"seed {seed}: Sam let time pass in only "
                    + $"{sam.Count(t => t.Accepted.Any(e => e.Change is TimeAdvanced))} of {sam.Count} turns");
            }
            problems.AddRange(Repeats(play, 50));
            problems.AddRange(sam.Where(t => t.Speech.Length == 0 && t.Narration.Length == 0)
                .Select(t => $"seed {seed}: turn {t.Number} is empty"));
        }

        NoneOf(problems);
    }

    /// <summary>Fails with the first findings in full, one a line.</summary>
    private static void NoneOf(IEnumerable<string> findings)
    {
        var first = findings.Take(8).ToList();
        Assert.True(first.Count == 0, string.Join("\n", first));
    }

    private static IEnumerable<ScenePlay> GeneratedEnglish() =>
        Enumerable.Range(1, Seeds).Select(seed => ScenePlay.Play(GeneratedWorlds.Make(seed, chinese: false), Turns, seed,
            seed % 3 == 0 ? UserStyle.FastPlot : UserStyle.SlowBurn));

    /// <summary>The world with its first user scene cut down to the user and one character, as an imported card plays.</summary>
    private static WorldDefinition OneToOne(WorldDefinition world)
    {
        var scene = world.Scenes.First(s => s.User is not null);
        var character = scene.Cast.First(c => c != scene.User);
        return world with { Scenes = [scene with { Cast = [scene.User!.Value, character] }] };
    }

    private static IEnumerable<ScenePlay> SampleRuns(string world)
    {
        var definition = WorldFiles.Load(world);
        return Enumerable.Range(1, 4).Select(seed => ScenePlay.Play(definition, 200, seed));
    }

    private static IEnumerable<(ScenePlay Play, string Text)> SpeechOf(IEnumerable<ScenePlay> plays) =>
        plays.SelectMany(p => p.NpcTurns.Select(t => (p, t.Speech)));

    private static IEnumerable<string> Repeats(ScenePlay play, int window)
    {
        var lines = play.Turns.Where(t => t.Speech.Length > 0 || t.Narration.Length > 0).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            for (var j = i - 1; j >= 0 && lines[i].Number - lines[j].Number <= window; j--)
            {
                if (lines[j].Speaker == lines[i].Speaker && lines[j].Speech == lines[i].Speech && lines[j].Narration == lines[i].Narration)
                {
                    yield return $"{play.Definition.Setting.Id} turn {lines[i].Number} {lines[i].Speaker}: "
                        + $"{lines[i].Speech} *{lines[i].Narration}*";
                    break;
                }
            }
        }
    }

    /// <summary>The runs of <paramref name="length"/> words within each sentence of <paramref name="text"/>.</summary>
    private static IEnumerable<string> Runs(string text, int length)
    {
        foreach (var sentence in Regex.Split(text.ToLowerInvariant(), @"[.?!;]"))
        {
            var words = Regex.Matches(sentence, @"[\p{L}\p{N}']+").Select(m => m.Value).ToList();
            for (var i = 0; i + length <= words.Count; i++)
            {
                yield return string.Join(' ', words.Skip(i).Take(length));
            }
        }
    }

    /// <summary>The minimal complete example of docs/world-format.md, as docs/worlds/lighthouse.json holds it (a CLI test
    /// keeps the two identical).</summary>
    private static WorldDefinition Lighthouse() => WorldFiles.Parse(File.ReadAllText(LighthousePath), LighthousePath);

    private static readonly string LighthousePath = FindLighthouse();

    private static string FindLighthouse()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var path = Path.Combine(d.FullName, "docs", "worlds", "lighthouse.json");
            if (File.Exists(path))
            {
                return path;
            }
        }
        throw new InvalidOperationException($"No folder above '{AppContext.BaseDirectory}' holds docs/worlds/lighthouse.json.");
    }
}
