using WorldPlay.Evaluation.Calibration;
using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Tests.Calibration;

/// <summary>Reading a labelled corpus: what a session is, and every mistake stopping the read with the file and field named.</summary>
public sealed class LabelledCorpusTests
{
    private const string Session = """
        {"turn": 1, "speaker": "Wren", "role": "user", "text": "Is the stew ready?"}
        {"turn": 2, "speaker": "Mira", "role": "npc", "text": "Nearly. Ten minutes for the barley. Hungry?"}
        {"turn": 3, "speaker": "Wren", "role": "user", "text": "Starving."}
        {"turn": 4, "speaker": "Mira", "role": "npc", "text": "Hmm."}
        """;

    private const string Clean = """{"language": "en", "labels": []}""";

    private static LabelledCorpusException ReadFails(CalibrationFolders.Scratch scratch) =>
        Assert.Throws<LabelledCorpusException>(() => LabelledCorpus.Read(scratch.Path));

    [Fact]
    public void Read_SessionWithLabels_LabelsAndLanguageKept()
    {
        using var scratch = new CalibrationFolders.Scratch();
        scratch.Write("a.jsonl", Session);
        scratch.Write("a.labels.json", """{"language": "zh", "labels": [{"turn": 4, "category": "diversity.filler", "why": "empty"}]}""");

        var session = LabelledCorpus.Read(scratch.Path).Single();

        Assert.Equal(("a.jsonl", "zh", 2, new ReplyLabel(4, BenchCategory.Filler, "empty")),
            (session.File, session.Language, session.NpcReplies, session.Labels.Single()));
    }

    [Fact]
    public void Read_Nested_HalfFromFirstFolderAndPathsRelative()
    {
        using var scratch = new CalibrationFolders.Scratch();
        scratch.Write("dev/en/a.jsonl", Session);
        scratch.Write("dev/en/a.labels.json", Clean);
        scratch.Write("test/b.jsonl", Session);
        scratch.Write("test/b.labels.json", Clean);
        scratch.Write("other/c.jsonl", Session);
        scratch.Write("other/c.labels.json", Clean);

        var sessions = LabelledCorpus.Read(scratch.Path).Select(s => $"{s.File} {s.Half ?? "-"}");

        Assert.Equal(["dev/en/a.jsonl dev", "other/c.jsonl -", "test/b.jsonl test"], sessions);
    }

    [Fact]
    public void Read_LabelWithoutWhy_Accepted()
    {
        using var scratch = new CalibrationFolders.Scratch();
        scratch.Write("a.jsonl", Session);
        scratch.Write("a.labels.json", """{"language": "en", "labels": [{"turn": 4, "category": "prefs.no_hook"}]}""");

        Assert.Equal("", LabelledCorpus.Read(scratch.Path).Single().Labels.Single().Why);
    }

    [Fact]
    public void Read_MissingFolder_NamesTheFolder()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-corpus-{Guid.NewGuid():N}");

        var error = Assert.Throws<LabelledCorpusException>(() => LabelledCorpus.Read(missing));

        Assert.StartsWith($"{missing}: no such folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FolderWithoutSessions_SaysWhatASessionIs()
    {
        using var scratch = new CalibrationFolders.Scratch();
        scratch.Write("README.md", "not a session");

        Assert.StartsWith($"{scratch.Path}: no labelled sessions in it or below it", ReadFails(scratch).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TranscriptWithoutLabels_NamesTheMissingFile()
    {
        using var scratch = new CalibrationFolders.Scratch();
        scratch.Write("dev/a.jsonl", Session);

        Assert.StartsWith("dev/a.jsonl: no labels file dev/a.labels.json beside it", ReadFails(scratch).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LabelsWithoutTranscript_NamesTheMissingFile()
    {
        using var scratch = new CalibrationFolders.Scratch();
        scratch.Write("a.jsonl", Session);
        scratch.Write("a.labels.json", Clean);
        scratch.Write("b.labels.json", Clean);

        Assert.StartsWith("b.labels.json: no transcript b.jsonl beside it", ReadFails(scratch).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TwoLinesShareATurn_NamesTranscriptAndTurn()
    {
        using var scratch = new CalibrationFolders.Scratch();
        scratch.Write("a.jsonl", Session.Replace("\"turn\": 3", "\"turn\": 2", StringComparison.Ordinal));
        scratch.Write("a.labels.json", Clean);

        Assert.StartsWith("a.jsonl, field 'turn': turn 2 is given to 2 lines (Mira, Wren)", ReadFails(scratch).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadTranscriptLine_TranscriptErrorNamesPathInCorpus()
    {
        using var scratch = new CalibrationFolders.Scratch();
        scratch.Write("dev/a.jsonl", Session.Replace("\"role\": \"npc\"", "\"role\": \"bot\"", StringComparison.Ordinal));
        scratch.Write("dev/a.labels.json", Clean);

        var error = Assert.Throws<TranscriptFormatException>(() => LabelledCorpus.Read(scratch.Path));

        Assert.StartsWith("dev/a.jsonl: line 2, field 'role'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"language": "en", "labels": [{"turn": 3, "category": "prefs.no_hook"}]}""",
        "a.labels.json, field 'labels[0].turn': turn 3 is a user line (Wren), not an NPC reply")]
    [InlineData("""{"language": "en", "labels": [{"turn": 9, "category": "prefs.no_hook"}]}""",
        "a.labels.json, field 'labels[0].turn': no line of a.jsonl has turn 9")]
    [InlineData("""{"language": "en", "labels": [{"turn": "4", "category": "prefs.no_hook"}]}""",
        "a.labels.json, field 'labels[0].turn': expected a whole number")]
    [InlineData("""{"language": "en", "labels": [{"turn": 4, "category": "prefs.nohook"}]}""",
        "a.labels.json, field 'labels[0].category': 'prefs.nohook' is not a category; known: basics.mixed_language, ")]
    [InlineData("""{"language": "en", "labels": [{"turn": 4}]}""",
        "a.labels.json, field 'labels[0].category': missing or not a string")]
    [InlineData("""{"language": "fr", "labels": []}""",
        "a.labels.json, field 'language': 'fr' is not a language of the corpus; use en or zh")]
    [InlineData("""{"labels": []}""", "a.labels.json, field 'language': missing or not a string; use en or zh")]
    [InlineData("""{"language": "en"}""", "a.labels.json, field 'labels': expected a list")]
    [InlineData("""{"language": "en", "labels": [4]}""", "a.labels.json, field 'labels[0]': expected an object")]
    [InlineData("""{"language": "en", "labels": [{"turn": 4, "category": "prefs.no_hook", "note": "x"}]}""",
        "a.labels.json, field 'labels[0].note': not a field here; known fields: turn, category, why")]
    [InlineData("""{"language": "en", "labels": [{"turn": 4, "category": "prefs.no_hook", "why": 1}]}""",
        "a.labels.json, field 'labels[0].why': expected a string")]
    [InlineData("""{"language": "en", "labels": [], "planted": []}""",
        "a.labels.json, field 'planted': not a field here; known fields: language, labels")]
    [InlineData("""{"language": "en", "labels": [{"turn": 4, "category": "prefs.no_hook"}, {"turn": 4, "category": "prefs.no_hook"}]}""",
        "a.labels.json, field 'labels[1]': turn 4 is already labelled prefs.no_hook by labels[0]")]
    [InlineData("""{"language": "en", "labels": [""", "a.labels.json: malformed JSON")]
    [InlineData("""["en"]""", "a.labels.json: expected one JSON object")]
    public void Read_BadLabels_NamesFileAndField(string labels, string message)
    {
        using var scratch = new CalibrationFolders.Scratch();
        scratch.Write("a.jsonl", Session);
        scratch.Write("a.labels.json", labels);

        Assert.StartsWith(message, ReadFails(scratch).Message, StringComparison.Ordinal);
    }
}
