namespace WorldPlay.Cli.Tests;

/// <summary>Every bad input gives one clear message, a non-zero exit, and writes nothing.</summary>
public sealed class BadInputTests
{
    private const string ValidWorld = $$"""
        {
          "id": "tiny", "name": "Tiny", "genre": "test", "language": "en", "lore": "A test world.",
          "laws": [{ "kind": "connected-moves" }],
          "places": [{ "id": "hall", "name": "Hall" }, { "id": "yard", "name": "Yard" }],
          "paths": [{ "between": ["hall", "yard"], "minutes": 2 }],
          "characters": [
            {{Ana}},
            {{Ben}}
          ],
          "items": [],
          "relationships": [{ "from": "ana", "to": "ben", "type": "friend", "strength": 0.5 }],
          "facts": [],
          "scenes": [{{Scene}}]
        }
        """;

    private const string Ana =
        """{ "id": "ana", "name": "Ana", "pronouns": "she", "location": "hall", "description": "A clerk.", "traits": ["careful"],""" +
        """ "speechStyle": "short", "talkativeness": 0.5 }""";

    private const string Ben =
        """{ "id": "ben", "name": "Ben", "pronouns": "he", "location": "hall", "description": "A porter.", "traits": ["loud"],""" +
        """ "speechStyle": "loud", "talkativeness": 0.5 }""";

    private const string Scene =
        """{ "id": "s", "title": "S", "place": "hall", "cast": ["ana", "ben"], "objectives": [],""" +
        """ "turnTaking": "round-robin", "opening": "" }""";

    [Fact]
    public async Task Simulate_UnknownWorld_ExitsWithMessage()
    {
        var run = await CliRun.Of("simulate", "--world", "atlantis", "--turns", "5");

        Assert.Equal((2, true), (run.ExitCode, run.Error.Contains("atlantis", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Simulate_ValidWorldFile_Runs()
    {
        using var scratch = new ScratchFolder();
        var run = await CliRun.Of("simulate", "--world", scratch.Write("tiny.json", ValidWorld), "--turns", "10", "--json");

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task Simulate_MalformedJson_ExitsWithMessageAndWritesNothing()
    {
        using var scratch = new ScratchFolder();
        var out_ = scratch.File("out.wptl");
        var run = await CliRun.Of("simulate", "--world", scratch.Write("bad.json", "{ \"id\": \"x\", "), "--out", out_);

        Assert.Equal((2, false), (run.ExitCode, File.Exists(out_)));
    }

    [Fact]
    public async Task Simulate_RelationshipToUnknownEntity_NamesIt()
    {
        using var scratch = new ScratchFolder();
        var world = ValidWorld.Replace("\"to\": \"ben\"", "\"to\": \"nobody\"", StringComparison.Ordinal);
        var run = await CliRun.Of("simulate", "--world", scratch.Write("w.json", world));

        Assert.Equal((2, true), (run.ExitCode, run.Error.Contains("nobody", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Simulate_UnknownLawKind_NamesKnownKinds()
    {
        using var scratch = new ScratchFolder();
        var world = ValidWorld.Replace("\"kind\": \"connected-moves\"", "\"kind\": \"gravity\"", StringComparison.Ordinal);
        var run = await CliRun.Of("simulate", "--world", scratch.Write("w.json", world));

        Assert.Equal((2, true),
            (run.ExitCode, run.Error.Contains("gravity", StringComparison.Ordinal)
            && run.Error.Contains("connected-moves", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Simulate_NegativeTurns_ExitsNonZeroAndWritesNothing()
    {
        using var scratch = new ScratchFolder();
        var out_ = scratch.File("out.wptl");
        var run = await CliRun.Of("simulate", "--turns", "-1", "--out", out_);

        Assert.Equal((true, false), (run.ExitCode != 0, File.Exists(out_)));
    }

    [Fact]
    public async Task Simulate_OutInMissingFolder_ExitsBeforeRunning()
    {
        var run = await CliRun.Of("simulate", "--turns", "5", "--out", "/nonexistent-folder/x.wptl");

        Assert.Equal((2, true), (run.ExitCode, run.Error.Contains("nonexistent-folder", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Replay_NotATimelineFile_SaysSo()
    {
        using var scratch = new ScratchFolder();
        var run = await CliRun.Of("replay", scratch.Write("x.wptl", "hello"), "--at-turn", "1");

        Assert.Equal((2, true), (run.ExitCode, run.Error.Contains("not a WorldPlay timeline", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Replay_TurnOutOfRange_SaysTheRange()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.File("t.wptl");
        await CliRun.Of("simulate", "--turns", "10", "--json", "--out", file);

        var run = await CliRun.Of("replay", file, "--at-turn", "999");

        Assert.Equal((2, true), (run.ExitCode, run.Error.Contains("turns 0 to", StringComparison.Ordinal)));
    }
}
