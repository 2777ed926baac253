using System.Net;
using System.Text.Json;
using WorldPlay.Contracts;
using WorldPlay.Web.Tests.Streaming;

namespace WorldPlay.Web.Tests;

/// <summary>A scene's stream as Server-Sent Events: what a client that cannot use WebSockets reads, resumed by Last-Event-ID.</summary>
public sealed class StudioStreamEventsTests(StreamSilo served) : IClassFixture<StreamSilo>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>One event as the stream wrote it: its name, its id (turn events only) and its data.</summary>
    private sealed record ServerEvent(string Event, string? Id, JsonElement Data);

    private static string PathOf(string scene, int? after = null) =>
        $"/api/scenes/{Uri.EscapeDataString(scene)}/events{(after is { } a ? $"?after={a}" : "")}";

    /// <summary>Events up to and including the first that <paramref name="last"/> picks; comments (heartbeats) left out.</summary>
    private static async Task<List<ServerEvent>> ReadUntilAsync(HttpResponseMessage response, Func<ServerEvent, bool> last)
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var events = new List<ServerEvent>();
        string? name = null, id = null, data = null;
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Length == 0)
            {
                if (name is not null && data is not null)
                {
                    var e = new ServerEvent(name, id, JsonDocument.Parse(data).RootElement.Clone());
                    events.Add(e);
                    if (last(e))
                    {
                        return events;
                    }
                }
                (name, id, data) = (null, null, null);
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = line["id: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line["data: ".Length..];
            }
        }
        throw new InvalidOperationException($"The stream ended after {events.Count} events.");
    }

    private async Task<int> PlayThroughGrainsAsync(string internalKey, string line) =>
        (await served.Grain(internalKey).Say(new UserLine(line, []))).Status.Turn;

    [Fact]
    public async Task Events_WithLastEventId_ResumeAfterItWithTurnIds()
    {
        var (scene, key) = await served.OpenSceneAsync();
        await PlayThroughGrainsAsync(key, "Good evening.");
        var last = await PlayThroughGrainsAsync(key, "Is there a room for the night?");
        using var http = HeaderTenants.Client(served.Silo.Address, "acme");
        using var request = new HttpRequestMessage(HttpMethod.Get, PathOf(scene, 0));
        request.Headers.Add("Last-Event-ID", "2");

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var events = await ReadUntilAsync(response, e => e.Event == "turn" && e.Id == $"{last}");

        Assert.Equal(("text/event-stream", "ready", 2), (response.Content.Headers.ContentType?.MediaType, events[0].Event,
            events[0].Data.GetProperty("after").GetInt32()));
        Assert.Equal(Enumerable.Range(3, last - 2).Select(t => $"{t}"), events.Where(e => e.Event == "turn").Select(e => e.Id));
    }

    [Fact]
    public async Task Events_TurnsPlayedThroughTheGrains_ReachTheOpenStream()
    {
        var (scene, key) = await served.OpenSceneAsync();
        using var http = HeaderTenants.Client(served.Silo.Address, "acme");
        using var response = await http.GetAsync(PathOf(scene), HttpCompletionOption.ResponseHeadersRead);
        var reading = ReadUntilAsync(response,
            e => e.Event == "turn" && e.Data.GetProperty("turn").GetProperty("speaker").GetString() != "wren");

        await PlayThroughGrainsAsync(key, "Good evening.");
        var events = await reading;

        Assert.Equal(["ready", "speech", "turn", "speech", "turn"], events.Select(e => e.Event).Where(e => e != "game"));
    }

    [Fact]
    public async Task Events_AnotherTenantsScene_Is404Problem()
    {
        var (scene, _) = await served.OpenSceneAsync("acme");
        using var http = HeaderTenants.Client(served.Silo.Address, "globex");

        using var response = await http.GetAsync(PathOf(scene), HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"),
            (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
    }
}
