using System.Text.Json;
using WorldPlay.Minds.Llm;

namespace WorldPlay.Minds.Tests;

/// <summary>Speech read from JSON while it arrives gives exactly the speech the whole JSON holds, however it is cut.</summary>
public sealed class SpeechStreamTests
{
    private const string Tricky =
        """
        {"narration":"She says \"speech\": {no}","proposals":[{"speech":"nested, not this"}],
         "speech":"Line one\nline \"two\" \u00e9\ud83d\ude00 back\\slash \/ tab\tend","addressees":["tomas"]}
        """;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(1000)]
    public void Push_ReplyInPiecesOfAnySize_GivesTheSpeechOfTheWholeJson(int size)
    {
        var stream = new SpeechStream();
        var streamed = string.Concat(Enumerable.Range(0, (Tricky.Length + size - 1) / size)
            .Select(i => stream.Push(Tricky.Substring(i * size, Math.Min(size, Tricky.Length - (i * size))))));

        Assert.Equal(JsonDocument.Parse(Tricky).RootElement.GetProperty("speech").GetString(), streamed);
    }

    [Fact]
    public void Push_CodeFenceBeforeTheJson_IsSkipped()
    {
        Assert.Equal("Aye.", new SpeechStream().Push("```json\n{\"speech\":\"Aye.\"}\n```"));
    }

    [Fact]
    public void Recover_JsonCutOffInsideTheSpeech_GivesWhatArrived()
    {
        Assert.Equal("The lantern st", SpeechStream.Recover("""{"speech":"The lantern st"""));
    }

    [Fact]
    public void Recover_NoSpeechField_GivesNull()
    {
        Assert.Null(SpeechStream.Recover("""{"narration":"She waits.","proposals":[]}"""));
    }

    [Fact]
    public void Recover_SpeechNotAString_GivesNull()
    {
        Assert.Null(SpeechStream.Recover("""{"speech": 42, "narration": "x"}"""));
    }
}
