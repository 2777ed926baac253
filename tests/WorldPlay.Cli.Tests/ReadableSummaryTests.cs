namespace WorldPlay.Cli.Tests;

/// <summary>The human summary of <c>simulate</c> (without --json): plain text a person reads, nothing cut or escaped.</summary>
public sealed class ReadableSummaryTests : IDisposable
{
    private const string LongTitle =
        "The Long Night of the Lantern Festival, When Every Debt in the Harbor Came Due and Nobody Could Leave the Quay Before Dawn";

    private readonly ScratchFolder _scratch = new();

    private string World => _scratch.Write("quay.json", $$"""
        {
          "id": "quay", "name": "Quay", "genre": "test", "language": "en", "lore": "A test world.",
          "laws": [{ "kind": "connected-moves" }],
          "places": [{ "id": "quay", "name": "The Quay" }],
          "paths": [],
          "characters": [
            { "id": "ana", "name": "Ana O'Neil", "pronouns": "she", "location": "quay", "description": "A clerk.", "traits": ["careful"],
              "speechStyle": "short", "talkativeness": 0.5 },
            { "id": "ben", "name": "Ben", "pronouns": "he", "location": "quay", "description": "A porter.", "traits": ["loud"],
              "speechStyle": "loud", "talkativeness": 0.5 }
          ],
          "items": [],
          "relationships": [{ "from": "ana", "to": "ben", "type": "friend", "strength": 0.5 }],
          "facts": [],
          "scenes": [{ "id": "s", "title": "{{LongTitle}}", "place": "quay", "cast": ["ana", "ben"], "objectives": [],
                       "turnTaking": "round-robin", "opening": "" }]
        }
        """);

    [Fact]
    public async Task Simulate_NameWithApostrophe_SummaryHasNoJsonEscapes()
    {
        var run = await CliRun.Of("simulate", "--world", World, "--turns", "6");

        Assert.Contains("Ana O'Neil ", Summary(run));
    }

    [Fact]
    public async Task Simulate_Readable_SummaryHasNoQuotedValues()
    {
        var run = await CliRun.Of("simulate", "--world", World, "--turns", "6");

        Assert.DoesNotContain("\"", Summary(run));
    }

    [Fact]
    public async Task Simulate_ProceduralMind_SummaryHasNoModelRow()
    {
        var run = await CliRun.Of("simulate", "--world", World, "--turns", "6");

        Assert.DoesNotContain(Summary(run).Split('\n'), l => l.StartsWith("model ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Simulate_LongSceneTitle_PrintedWhole()
    {
        var run = await CliRun.Of("simulate", "--world", World, "--turns", "6");

        var text = System.Text.RegularExpressions.Regex.Replace(run.Output, "\u001b\\[[0-9;]*m", "");
        Assert.Contains(LongTitle, text.ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal));
    }

    public void Dispose() => _scratch.Dispose();

    private static string Summary(CliRun run) => run.Output[run.Output.IndexOf("\nworld ", StringComparison.Ordinal)..];
}
