using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Tests;

public sealed class TranscriptReaderTests
{
    [Fact]
    public void Parse_BadRole_NamesLineAndField()
    {
        var e = Assert.Throws<TranscriptFormatException>(() => TranscriptReader.Parse(
            "{\"turn\": 1, \"speaker\": \"Mira\", \"role\": \"npc\", \"text\": \"Hi.\"}\n{\"turn\": 2, \"speaker\": \"Wren\", \"role\": " +
                "\"player\", \"text\": \"Hi.\"}", "t.jsonl"));

        Assert.Equal((2, "role"), (e.LineNumber, e.Field));
    }

    [Fact]
    public void Parse_UnknownField_NamesIt()
    {
        var e = Assert.Throws<TranscriptFormatException>(() =>
            TranscriptReader.Parse("{\"turn\": 1, \"speaker\": \"Mira\", \"role\": \"npc\", \"txt\": \"Hi.\"}", "t.jsonl"));

        Assert.Equal("txt", e.Field);
    }

    [Fact]
    public void Parse_SampleWorldLine_MapsUserAndPresence()
    {
        var transcript = TranscriptReader.Parse("{\"world\": \"harbor\"}\n{\"turn\": 1, \"speaker\": \"Mira\", \"role\": \"npc\", " +
            "\"text\": \"Hi.\"}", "t.jsonl");

        Assert.Equal("Wren", transcript.Setting!.User!.Name.Split(' ')[0]);
    }

    [Fact]
    public void Parse_GivenLine_IsContextNotScored()
    {
        var transcript = TranscriptReader.Parse(
            "{\"turn\": 1, \"speaker\": \"Mira\", \"role\": \"npc\", \"text\": \"As an AI language model, I welcome you.\", " +
            "\"given\": true}\n" +
            "{\"turn\": 2, \"speaker\": \"Wren\", \"role\": \"user\", \"text\": \"Hello there.\"}\n" +
            "{\"turn\": 3, \"speaker\": \"Mira\", \"role\": \"npc\", \"text\": \"As an AI language model, I cannot say.\"}", "t.jsonl");

        var scored = WorldPlay.Evaluation.Detectors.TranscriptScorer.Score(transcript);

        Assert.True(transcript.Lines[0].Given);
        Assert.Equal(1, scored.NpcTurns);
        Assert.Equal([2], scored.Hits.Where(h => h.Category == BenchCategory.OutOfCharacter).Select(h => h.Line));
    }

    [Fact]
    public void Parse_GivenNotABoolean_NamesTheField()
    {
        var e = Assert.Throws<TranscriptFormatException>(() => TranscriptReader.Parse(
            "{\"turn\": 1, \"speaker\": \"Mira\", \"role\": \"npc\", \"text\": \"Hi.\", \"given\": \"yes\"}", "t.jsonl"));

        Assert.Equal((1, "given"), (e.LineNumber, e.Field));
    }

    [Fact]
    public void Writer_GivenLine_RoundTrips()
    {
        using var text = new StringWriter();
        var writer = new TranscriptWriter(text);
        writer.WriteLine(new TranscriptLine(1, "Mira", SpeakerRole.Npc, "Welcome.", []) { Given = true });
        writer.WriteLine(new TranscriptLine(2, "Wren", SpeakerRole.User, "Thanks.", []));

        var back = TranscriptReader.Parse(text.ToString(), "t.jsonl");

        Assert.Contains("\"given\":true", text.ToString(), StringComparison.Ordinal);
        Assert.Equal([true, false], back.Lines.Select(l => l.Given));
    }

    [Fact]
    public void Writer_RoundTrip_KeepsLines()
    {
        var lines = new[]
        {
            new TranscriptLine(1, "Wren", SpeakerRole.User, "Where is \"the letter\"?", []),
            new TranscriptLine(2, "Mira", SpeakerRole.Npc, "Under the bar, love.\nWhy?", []),
        };
        var text = new StringWriter();
        new TranscriptWriter(text).WriteAll(lines);

        Assert.Equal(lines, TranscriptReader.Parse(text.ToString(), "t.jsonl").Lines, new LineComparer());
    }

    private sealed class LineComparer : IEqualityComparer<TranscriptLine>
    {
        public bool Equals(TranscriptLine? x, TranscriptLine? y) =>
            x is not null && y is not null && (x.Turn, x.Speaker, x.Role, x.Text) == (y.Turn, y.Speaker, y.Role, y.Text);

        public int GetHashCode(TranscriptLine obj) => obj.Turn;
    }
}
