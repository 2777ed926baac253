using System.Collections.Immutable;
using System.Text.Json.Nodes;
using WorldPlay.Synthesis.Preferences;
using WorldPlay.Synthesis.Rows;

namespace WorldPlay.Cli.Tests;

/// <summary><c>worldplay prefs collect|denoise|export</c>, in process: self-play signals on the embedded silo, hand-made signal
/// files with a planted bias and a flagged reply, and bad input.</summary>
public sealed class PrefsTests
{
    private const string Short = "He left at dusk, Wren. Shall we follow him?";
    private const string Long = "He left at dusk, Wren, with the brass lantern under his coat and the fog rolling in behind him. " +
        "Shall we follow him up the cliff path before the tide turns?";
    private const string Flagged = "As an AI language model, I cannot continue this story or pretend to be Mira.";
    private const string ShortZh = "他天黑就走了，林远。我们跟上去吗？";
    private const string LongZh = "他天黑就走了，林远，怀里揣着那盏铜灯，身后是漫上来的雾。我们要不要趁潮水没涨，顺着崖边小路跟上去？";
    private const string FlaggedZh = "作为一个人工智能语言模型，我无法讲故事。";

    [Fact]
    public async Task Collect_SelfPlay_WritesSignalsOfEveryGroup()
    {
        using var scratch = new ScratchFolder();
        var run = await CliRun.Of("prefs", "collect", "--selfplay", "--scenarios", SharedData.Path("rpbench-auto", "scenes.jsonl"),
            "--limit", "2", "--sessions", "8", "--turns", "24", "--users", "slow-burn,fast-plot", "--plant", "fast-plot=regenerates",
            "--out", scratch.File("s.jsonl"), "--json");

        Assert.Equal(0, run.ExitCode);
        var groups = SignalFile.Read(scratch.File("s.jsonl")).Select(s => s.Group).Distinct().Order();
        Assert.Equal(["fast-plot", "slow-burn"], groups);
    }

    [Fact]
    public async Task Collect_UnknownBias_OneLineExitTwoNothingWritten()
    {
        using var scratch = new ScratchFolder();
        var run = await CliRun.Of("prefs", "collect", "--selfplay", "--scenarios", SharedData.Path("rpbench-auto", "scenes.jsonl"),
            "--users", "slow-burn", "--plant", "slow-burn=shorter", "--out", scratch.File("s.jsonl"));

        Assert.Equal((2, 1, false), (run.ExitCode, run.ErrorLines.Length, File.Exists(scratch.File("s.jsonl"))));
        Assert.Contains("unknown bias 'shorter'", run.Error);
    }

    [Fact]
    public async Task Collect_NoSelfPlayNoCluster_OneLineExitTwo()
    {
        using var scratch = new ScratchFolder();
        var run = await CliRun.Of("prefs", "collect", "--out", scratch.File("s.jsonl"));

        Assert.Equal((2, 1, false), (run.ExitCode, run.ErrorLines.Length, File.Exists(scratch.File("s.jsonl"))));
    }

    [Fact]
    public async Task Denoise_PlantedBiasAndFlaggedReply_RemovesBothAndSaysSo()
    {
        using var scratch = new ScratchFolder();
        var signals = WriteSignals(scratch, "en");

        var run = await CliRun.Of("prefs", "denoise", signals, "--out", scratch.File("clean.jsonl"), "--json");

        var steps = run.Json["steps"]!.AsArray();
        var floor = steps.Single(s => (string)s!["step"]! == "quality-floor")!;
        var strata = steps.Single(s => (string)s!["step"]! == "stratification")!;
        Assert.Equal(
            (0, 1, true, 40, "longer"),
            (run.ExitCode, (int)floor["removed_signals"]!, floor["removed_by_reason"]!.AsObject().ContainsKey("content.ooc"),
                (int)strata["removed_pairs"]!, string.Join(",", strata["removed_by_group"]!.AsObject().Select(g => g.Key))));
    }

    [Fact]
    public async Task Denoise_Report_IsWrittenAndTheCleanFileHasWeights()
    {
        using var scratch = new ScratchFolder();
        var signals = WriteSignals(scratch, "en");

        await CliRun.Of("prefs", "denoise", signals, "--out", scratch.File("clean.jsonl"), "--report", scratch.File("r.json"));

        var report = JsonNode.Parse(File.ReadAllText(scratch.File("r.json")))!;
        var clean = SignalFile.Read(scratch.File("clean.jsonl"));
        Assert.Equal(((int)report["kept_signals"]!, true), (clean.Length, clean.All(s => s.Denoise is { Weights.Length: > 0 })));
    }

    [Fact]
    public async Task Denoise_Chinese_RemovesTheFlaggedReplyAndKeepsChineseUnescaped()
    {
        using var scratch = new ScratchFolder();
        var signals = WriteSignals(scratch, "zh");

        var run = await CliRun.Of("prefs", "denoise", signals, "--out", scratch.File("clean.jsonl"), "--json");

        var clean = File.ReadAllText(scratch.File("clean.jsonl"));
        Assert.Equal((0, false, true), (run.ExitCode, clean.Contains(FlaggedZh, StringComparison.Ordinal),
            clean.Contains(ShortZh, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Denoise_BadLine_OneLineExitTwoNothingWritten()
    {
        using var scratch = new ScratchFolder();
        var signals = WriteSignals(scratch, "en");
        File.AppendAllText(signals, "{\"turn\": 3}\n");

        var run = await CliRun.Of("prefs", "denoise", signals, "--out", scratch.File("clean.jsonl"), "--report", scratch.File("r.json"));

        Assert.Equal((2, 1, false, false), (run.ExitCode, run.ErrorLines.Length, File.Exists(scratch.File("clean.jsonl")),
            File.Exists(scratch.File("r.json"))));
        Assert.StartsWith("error: s.jsonl line 81:", run.ErrorLines[0]);
    }

    [Fact]
    public async Task Denoise_MissingFile_OneLineExitTwo()
    {
        using var scratch = new ScratchFolder();
        var run = await CliRun.Of("prefs", "denoise", scratch.File("none.jsonl"), "--out", scratch.File("clean.jsonl"));

        Assert.Equal((2, 1), (run.ExitCode, run.ErrorLines.Length));
    }

    [Fact]
    public async Task Export_Dpo_RowsAreConversationalPairsWithTheDenoisersWeight()
    {
        using var scratch = new ScratchFolder();
        await CliRun.Of("prefs", "denoise", WriteSignals(scratch, "zh"), "--out", scratch.File("clean.jsonl"));

        var run = await CliRun.Of("prefs", "export", scratch.File("clean.jsonl"), "--format", "dpo", "--out", scratch.File("dpo.jsonl"));

        var clean = SignalFile.Read(scratch.File("clean.jsonl"));
        var rows = File.ReadAllLines(scratch.File("dpo.jsonl")).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(clean.Sum(s => s.Rejected.Length), rows.Count);
        Assert.All(rows, r => Assert.Equal(
            ("system", "assistant", "assistant", "choice", true),
            ((string)r["prompt"]![0]!["role"]!, (string)r["chosen"]![0]!["role"]!, (string)r["rejected"]![0]!["role"]!,
                (string)r["origin"]!, (double)r["weight"]! is > 0 and <= 1)));
        Assert.Equal(clean.SelectMany(s => s.Denoise!.Weights), rows.Select(r => (double)r["weight"]!));
        Assert.Empty(rows.SelectMany(r => TrainingRowShapes.Validate(r, TrainingRowFormat.Dpo)));
    }

    [Fact]
    public async Task Export_Kto_RowsHavePromptCompletionLabel()
    {
        using var scratch = new ScratchFolder();
        await CliRun.Of("prefs", "denoise", WriteSignals(scratch, "en"), "--out", scratch.File("clean.jsonl"));

        await CliRun.Of("prefs", "export", scratch.File("clean.jsonl"), "--format", "kto", "--out", scratch.File("kto.jsonl"));

        var rows = File.ReadAllLines(scratch.File("kto.jsonl")).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        var clean = SignalFile.Read(scratch.File("clean.jsonl"));
        Assert.Equal(
            (clean.Length, clean.Sum(s => s.Rejected.Length)),
            (rows.Count(r => (bool)r["label"]!), rows.Count(r => !(bool)r["label"]!)));
        Assert.All(rows, r => Assert.Equal(
            ("system", "assistant"), ((string)r["prompt"]![0]!["role"]!, (string)r["completion"]![0]!["role"]!)));
        Assert.Empty(rows.SelectMany(r => TrainingRowShapes.Validate(r, TrainingRowFormat.Kto)));
    }

    [Fact]
    public async Task Export_UnknownFormat_ExitTwoNothingWritten()
    {
        using var scratch = new ScratchFolder();
        var signals = WriteSignals(scratch, "en");

        var run = await CliRun.Of("prefs", "export", signals, "--format", "orpo", "--out", scratch.File("x.jsonl"));

        Assert.Equal((2, false), (run.ExitCode, File.Exists(scratch.File("x.jsonl"))));
    }

    [Fact]
    public async Task Help_Denoise_TeachesWithAnExample()
    {
        var run = await CliRun.Of("prefs", "denoise", "--help");

        Assert.Contains("worldplay prefs denoise signals.jsonl --out clean.jsonl", run.Output);
    }

    /// <summary>Writes s.jsonl: 40 signals of an honest group (keeps the longer reply every other time, the first of which keeps a
    /// reply the detectors flag) and 40 of a group that always keeps the longer.</summary>
    internal static string WriteSignals(ScratchFolder scratch, string language)
    {
        var (shortText, longText, bad) = language == "zh" ? (ShortZh, LongZh, FlaggedZh) : (Short, Long, Flagged);
        var honest = Enumerable.Range(0, 40).Select(i => i == 0
            ? Signal("honest", 4 + (2 * i), bad, shortText, true, language)
            : i % 2 == 0 ? Signal("honest", 4 + (2 * i), longText, shortText, i % 4 == 0, language)
            : Signal("honest", 4 + (2 * i), shortText, longText, i % 4 == 1, language));
        var biased = Enumerable.Range(0, 40).Select(i => Signal("longer", 4 + (2 * i), longText, shortText, i % 2 == 0, language));
        SignalFile.Write(scratch.File("s.jsonl"), [.. honest, .. biased]);
        return scratch.File("s.jsonl");
    }

    private static ChoiceSignal Signal(string group, int turn, string chosen, string rejected, bool chosenFirst, string language)
    {
        var (user, speaker) = language == "zh" ? ("林远", "小梅") : ("Wren", "Mira");
        var root = $"{group}-s{turn}";
        ImmutableArray<SignalLine> context = language == "zh"
            ? [new(turn - 2, speaker, "npc", "灯塔今晚没亮。"), new(turn - 1, user, "user", "你今晚见到守塔人了吗？")]
            : [new(turn - 2, speaker, "npc", "The lighthouse is dark tonight."),
                new(turn - 1, user, "user", "Did you see the lighthouse keeper tonight?")];
        return new ChoiceSignal("test", root, root, $"{root}/scene", $"{root}/scene", turn, speaker, language, user, group,
            $"{speaker}:", context, new SignalReply(chosen, root, $"{root}/scene", chosenFirst ? 0 : 1),
            [new SignalReply(rejected, $"{root}-t{turn}-r1", $"{root}-t{turn}-r1/scene", chosenFirst ? 1 : 0)],
            1, false, [], 1200, 120, 20, false, "procedural");
    }
}
