using System.Text.Json.Nodes;
using WorldPlay.FakeLlm;

namespace WorldPlay.Cli.Tests;

/// <summary>'worldplay bench calibrate' on the fixture corpus of the evaluation tests (two en and two zh sessions in dev/ and
/// test/): the tables, --json, --help, the judge against the fake model started in this process, and every mistake in a
/// corpus refused with one error line.</summary>
public sealed class BenchCalibrateTests
{
    public static string Fixture => Path.Combine(Repository.Root, "tests", "WorldPlay.Evaluation.Tests", "Fixtures", "calibration");

    private const string Session = """
        {"turn": 1, "speaker": "Wren", "role": "user", "text": "Is the stew ready?"}
        {"turn": 2, "speaker": "Mira", "role": "npc", "text": "Nearly. Ten minutes for the barley. Hungry?"}
        """;

    [Fact]
    public async Task Calibrate_Fixture_OneTablePerLanguageThenPerHalfAndLanguage()
    {
        var run = await CliRun.Of("bench", "calibrate", Fixture);
        var titles = run.Output.Split('\n').Where(l => l.StartsWith("detectors", StringComparison.Ordinal))
            .Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]);

        Assert.Equal((0, "detectors, en|detectors, zh|detectors, dev, en|detectors, dev, zh|detectors, test, en|detectors, test, zh"),
            (run.ExitCode, string.Join('|', titles)));
    }

    [Fact]
    public async Task Calibrate_Fixture_TotalRowCountsAndShares()
    {
        var run = await CliRun.Of("bench", "calibrate", Path.Combine(Fixture, "dev"));

        Assert.Contains("  all categories                    6     6     0     0      1.00    1.00", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calibrate_Json_StandardOutputIsTheReport()
    {
        var run = await CliRun.Of("bench", "calibrate", Fixture, "--json");
        var languages = run.Json["detectors"]!["languages"]!.AsArray().Select(l => l!["language"]!.GetValue<string>());

        Assert.Equal((0, "en zh", 18), (run.ExitCode, string.Join(' ', languages), run.Json["npcReplies"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Calibrate_JsonWithoutJudge_JudgeIsNull()
    {
        var run = await CliRun.Of("bench", "calibrate", Fixture, "--json");

        Assert.Null(run.Json["judge"]);
    }

    [Fact]
    public async Task Calibrate_Help_TeachesTheCorpusFormatAndTheFigures()
    {
        var help = (await CliRun.Of("bench", "calibrate", "--help")).Output;

        Assert.All(["<name>.labels.json", "\"language\": \"zh\"", "every NPC reply no label names is clean", "never on test",
            "precision = TP/(TP+FP)", "recall = TP/labelled", "n/a", "Cohen's kappa"],
            expected => Assert.Contains(expected, help, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Calibrate_JudgeAgainstFake_KappaTablesAndCounts()
    {
        await using var server = await FakeLlmServer.StartAsync(new FakeLlmOptions());
        var run = await CliRun.Of("bench", "calibrate", Fixture, "--judge", "openai", "--judge-endpoint", server.Endpoint.ToString(),
            "--judge-model", "fake");

        Assert.Equal((0, true, true, true),
            (run.ExitCode, run.Output.Contains("judge fake: 18 questions (one per NPC reply, all 13 categories), 18 answered, 0 " +
                "unreadable, 0 failed", StringComparison.Ordinal),
            run.Output.Contains("judge fake, test, zh: 1 session(s), 4 NPC replies", StringComparison.Ordinal),
            run.Output.Contains("precision  recall  kappa", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Calibrate_JudgeAgainstFake_ProgressOnStandardError()
    {
        await using var server = await FakeLlmServer.StartAsync(new FakeLlmOptions());
        var run = await CliRun.Of("bench", "calibrate", Fixture, "--json", "--judge", "openai", "--judge-endpoint",
            server.Endpoint.ToString(), "--judge-model", "fake");

        Assert.Equal(("judge: asking fake about 18 NPC replies, all 13 categories each", "judge: 18/18 replies done", 18),
            (run.ErrorLines[0], run.ErrorLines[^1], run.Json["judge"]!["answered"]!.GetValue<int>()));
    }

    [Theory]
    [InlineData("error: --judge-endpoint and --judge-model go with --judge openai", "--judge-model", "fake")]
    [InlineData("error: --judge openai needs --judge-endpoint", "--judge", "openai", "--judge-model", "fake")]
    [InlineData("error: --judge openai needs --judge-model", "--judge", "openai", "--judge-endpoint", "http://127.0.0.1:9/v1")]
    [InlineData("error: Unrecognized command or argument '--judge-sample'", "--judge-sample", "0.5")]
    public async Task Calibrate_BadJudgeFlags_ErrorExitTwoNothingOnStandardOutput(string message, params string[] flags)
    {
        var run = await CliRun.Of(["bench", "calibrate", Fixture, .. flags]);

        Assert.Equal((2, true, ""), (run.ExitCode, run.Error.StartsWith(message, StringComparison.Ordinal), run.Output));
    }

    [Theory]
    [InlineData("missing", "{folder}/missing: no such folder")]
    [InlineData("empty", "{folder}: no labelled sessions in it or below it")]
    [InlineData("no-labels", "dev/a.jsonl: no labels file dev/a.labels.json beside it")]
    [InlineData("no-transcript", "dev/b.labels.json: no transcript dev/b.jsonl beside it")]
    [InlineData("user-turn", "dev/a.labels.json, field 'labels[0].turn': turn 1 is a user line (Wren), not an NPC reply")]
    [InlineData("unknown-category", "dev/a.labels.json, field 'labels[0].category': 'ooc' is not a category; known: ")]
    [InlineData("bad-language", "dev/a.labels.json, field 'language': 'english' is not a language of the corpus; use en or zh")]
    [InlineData("bad-line", "dev/a.jsonl: line 2, field 'text': expected a string")]
    public async Task Calibrate_BadCorpus_OneErrorLineNamingFileAndFieldExitTwo(string mistake, string message)
    {
        using var scratch = new ScratchFolder();
        var folder = mistake == "missing" ? scratch.File("missing") : scratch.Path;
        if (mistake != "empty" && mistake != "missing")
        {
            Directory.CreateDirectory(scratch.File("dev"));
            scratch.Write("dev/a.jsonl", mistake == "bad-line"
                ? Session.Replace("\"Nearly. Ten minutes for the barley. Hungry?\"", "4", StringComparison.Ordinal)
                : Session);
            var labels = mistake switch
            {
                "user-turn" => """{"language": "en", "labels": [{"turn": 1, "category": "prefs.no_hook"}]}""",
                "unknown-category" => """{"language": "en", "labels": [{"turn": 2, "category": "ooc"}]}""",
                "bad-language" => """{"language": "english", "labels": []}""",
                _ => """{"language": "en", "labels": []}""",
            };
            if (mistake != "no-labels")
            {
                scratch.Write("dev/a.labels.json", labels);
            }
            if (mistake == "no-transcript")
            {
                scratch.Write("dev/b.labels.json", labels);
            }
        }
        var run = await CliRun.Of("bench", "calibrate", folder);

        Assert.Equal((2, 1, true, ""), (run.ExitCode, run.ErrorLines.Length,
            run.Error.StartsWith("error: " + message.Replace("{folder}", scratch.Path, StringComparison.Ordinal), StringComparison.Ordinal),
            run.Output));
    }
}
