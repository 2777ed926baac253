using System.Net;
using System.Text.Json;
using WorldPlay.Core;

namespace WorldPlay.Web.Tests;

/// <summary>The HTTP API over a played harbor scene and its branch, as a tool or the viewer reads it.</summary>
public sealed class WorldPlayApiTests(ServedHarbor harbor) : IClassFixture<ServedHarbor>
{
    private async Task<JsonElement> GetAsync(string path)
    {
        using var response = await harbor.Http.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private async Task<(HttpStatusCode Status, string? ContentType, JsonElement Body)> ProblemAsync(string path)
    {
        using var response = await harbor.Http.GetAsync(path);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }

    private string WorldPath => $"/api/worlds/{harbor.World}";

    /// <summary>The strength of the changed relationship as the events set it up to the end of <paramref name="turn"/>.</summary>
    private double StrengthAfter(RelationshipChanged change, int turn) =>
        harbor.Events.Where(e => e.Turn <= turn && e.Change is RelationshipChanged r && r.From == change.From && r.To == change.To
            && r.Type == change.Type)
            .Select(e => ((RelationshipChanged)e.Change).Strength).Last();

    private static double StrengthIn(JsonElement state, RelationshipChanged change) =>
        state.GetProperty("relationships").EnumerateArray()
            .Single(r => r.GetProperty("from").GetString() == change.From.Value && r.GetProperty("to").GetString() == change.To.Value
                && r.GetProperty("type").GetString() == change.Type)
            .GetProperty("strength").GetDouble();

    [Fact]
    public async Task Worlds_AfterASimulation_ListTheWorldWithItsFork()
    {
        var worlds = await GetAsync("/api/worlds");

        var listed = worlds.EnumerateArray().Single(w => w.GetProperty("key").GetString() == harbor.World);
        Assert.Equal([harbor.Branch], listed.GetProperty("branches").EnumerateArray().Select(b => b.GetProperty("key").GetString()));
    }

    [Fact]
    public async Task World_Known_SummaryCountsTurnsAndNamesTheScene()
    {
        var world = await GetAsync(WorldPath);

        Assert.Equal((ServedHarbor.Turns, harbor.Scene),
            (world.GetProperty("turn").GetInt32(), world.GetProperty("scenes")[0].GetProperty("key").GetString()));
    }

    [Fact]
    public async Task World_Unknown_Is404ProblemNamingIt()
    {
        var (status, contentType, body) = await ProblemAsync("/api/worlds/atlantis");

        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json", true),
            (status, contentType, body.GetProperty("detail").GetString()!.Contains("Unknown world 'atlantis'", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Branches_OfTheRoot_ShowTheForkPoint()
    {
        var tree = await GetAsync($"{WorldPath}/branches");

        var fork = tree.GetProperty("branches")[0].GetProperty("origin");
        Assert.Equal((harbor.World, harbor.ForkTurn), (fork.GetProperty("parent").GetString(), fork.GetProperty("turn").GetInt32()));
    }

    [Fact]
    public async Task Branches_OfTheFork_NameTheRootAndParent()
    {
        var tree = await GetAsync($"/api/worlds/{harbor.Branch}/branches");

        Assert.Equal((harbor.World, harbor.World),
            (tree.GetProperty("root").GetString(),
            tree.GetProperty("lineage").GetProperty("ancestors")[0].GetProperty("parent").GetString()));
    }

    [Fact]
    public async Task State_AtTheTurnOfAChange_HasTheNewStrength()
    {
        var (e, change) = harbor.RelationshipChange();

        var state = await GetAsync($"{WorldPath}/state?turn={e.Turn}");

        Assert.Equal(StrengthAfter(change, e.Turn), StrengthIn(state, change), 6);
    }

    [Fact]
    public async Task State_TheTurnBeforeAChange_HasTheOldStrength()
    {
        var (e, change) = harbor.RelationshipChange();

        var state = await GetAsync($"{WorldPath}/state?turn={e.Turn - 1}");

        Assert.NotEqual(StrengthAfter(change, e.Turn), StrengthIn(state, change), 6);
    }

    [Fact]
    public async Task State_Places_ListEveryCharacterAtItsLocation()
    {
        var state = await GetAsync($"{WorldPath}/state?turn=10");

        var located = state.GetProperty("entities").EnumerateArray()
            .Where(e => e.GetProperty("kind").GetString() == "character" && e.TryGetProperty("location", out _))
            .Select(e => (e.GetProperty("id").GetString(), e.GetProperty("location").GetString())).Order().ToList();
        var present = state.GetProperty("places").EnumerateArray()
            .SelectMany(p => p.GetProperty("present").EnumerateArray().Select(id => (id.GetString(), p.GetProperty("id").GetString())))
            .Where(pair => located.Any(l => l.Item1 == pair.Item1)).Order().ToList();
        Assert.Equal(located, present);
    }

    [Fact]
    public async Task State_TurnBeyondTheEnd_Is400ProblemSayingTheRange()
    {
        var (status, _, body) = await ProblemAsync($"{WorldPath}/state?turn=9999");

        Assert.Equal((HttpStatusCode.BadRequest, true),
            (status, body.GetProperty("detail").GetString()!.Contains($"from 0 to {ServedHarbor.Turns}", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task State_TurnNotANumber_Is400Problem()
    {
        var (status, _, body) = await ProblemAsync($"{WorldPath}/state?turn=soon");

        Assert.Equal((HttpStatusCode.BadRequest, "turn 'soon' is not a whole number from 0 up."),
            (status, body.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Diff_AcrossAChange_ListsTheRelationshipWithTheEventResponsible()
    {
        var (e, change) = harbor.RelationshipChange();

        var answer = await GetAsync($"{WorldPath}/diff?from={e.Turn - 1}&to={e.Turn}");

        var relationship = answer.GetProperty("diff").GetProperty("relationships").EnumerateArray()
            .Single(r => r.GetProperty("from").GetString() == change.From.Value && r.GetProperty("to").GetString() == change.To.Value
                && r.GetProperty("type").GetString() == change.Type);
        Assert.Contains(e.Seq, relationship.GetProperty("events").EnumerateArray().Select(x => x.GetProperty("seq").GetInt64()));
    }

    [Fact]
    public async Task Diff_FromAfterTo_Is400Problem()
    {
        var (status, _, _) = await ProblemAsync($"{WorldPath}/diff?from=20&to=10");

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task Diff_AgainstTheFork_BlamesOnlyEventsAfterTheForkPoint()
    {
        var answer = await GetAsync($"{WorldPath}/diff?against={harbor.Branch}");

        var turns = answer.GetProperty("diff").GetProperty("relationships").EnumerateArray()
            .SelectMany(r => r.GetProperty("events").EnumerateArray()).Select(x => x.GetProperty("turn").GetInt32()).ToList();
        Assert.True(turns.Count > 0 && turns.All(t => t > harbor.ForkTurn), $"turns blamed: {string.Join(", ", turns)}");
    }

    [Fact]
    public async Task Why_AChangedRelationship_ChainStartsAtTheEventThatSetIt()
    {
        var (e, change) = harbor.RelationshipChange();
        var lastInTurn = harbor.Events.Last(x => x.Turn == e.Turn && x.Change is RelationshipChanged r && r.From == change.From
            && r.To == change.To && r.Type == change.Type);

        var answer = await GetAsync($"{WorldPath}/why?relationship={change.From}:{change.To}&type={change.Type}&turn={e.Turn}");

        Assert.Equal(lastInTurn.Seq, answer.GetProperty("chain")[0].GetProperty("event").GetProperty("seq").GetInt64());
    }

    [Fact]
    public async Task Why_NothingAsked_Is400Problem()
    {
        var (status, _, body) = await ProblemAsync($"{WorldPath}/why");

        Assert.Equal((HttpStatusCode.BadRequest, true),
            (status, body.GetProperty("detail").GetString()!.StartsWith("Ask about exactly one thing", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Why_MalformedRelationship_Is400Problem()
    {
        var (status, _, _) = await ProblemAsync($"{WorldPath}/why?relationship=mira");

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task Transcript_FromAndCount_ReturnsThoseTurnsInOrder()
    {
        var page = await GetAsync($"/api/scenes/{Uri.EscapeDataString(harbor.Scene)}/transcript?from=5&count=3");

        Assert.Equal([5, 6, 7], page.GetProperty("turns").EnumerateArray().Select(t => t.GetProperty("turn").GetInt32()));
    }

    [Fact]
    public async Task Transcript_FromBeyondTheEnd_Is400ProblemSayingTheRange()
    {
        var (status, _, body) = await ProblemAsync($"/api/scenes/{Uri.EscapeDataString(harbor.Scene)}/transcript?from=99999");

        Assert.Equal((HttpStatusCode.BadRequest, true),
            (status, body.GetProperty("detail").GetString()!.Contains($"from 1 to {ServedHarbor.Turns + 1}", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Transcript_FromTheNextTurn_IsAnEmptyPage()
    {
        var page = await GetAsync($"/api/scenes/{Uri.EscapeDataString(harbor.Scene)}/transcript?from={ServedHarbor.Turns + 1}");

        Assert.Empty(page.GetProperty("turns").EnumerateArray());
    }

    [Fact]
    public async Task Transcript_UnknownScene_Is404Problem()
    {
        var (status, _, body) = await ProblemAsync($"/api/scenes/{Uri.EscapeDataString("nowhere/docks")}/transcript");

        Assert.Equal((HttpStatusCode.NotFound, true),
            (status, body.GetProperty("detail").GetString()!.Contains("Unknown scene 'nowhere/docks'", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Transcript_CountAboveTheLimit_Is400Problem()
    {
        var (status, _, _) = await ProblemAsync($"/api/scenes/{Uri.EscapeDataString(harbor.Scene)}/transcript?count=100000");

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task OpenApiDocument_AtItsStablePath_ListsEveryEndpoint()
    {
        var document = await GetAsync(WorldPlayApi.OpenApiPath);

        Assert.Equal(
            ["/api/scenes/{key}", "/api/scenes/{key}/choose", "/api/scenes/{key}/converse", "/api/scenes/{key}/events",
                "/api/scenes/{key}/fork", "/api/scenes/{key}/next", "/api/scenes/{key}/regenerate", "/api/scenes/{key}/say",
                "/api/scenes/{key}/transcript", "/api/scenes/{key}/triggers", "/api/scenes/{key}/ws", "/api/tokens", "/api/worlds",
                "/api/worlds/{key}", "/api/worlds/{key}/branches", "/api/worlds/{key}/characters/{id}/memory", "/api/worlds/{key}/diff",
                "/api/worlds/{key}/scenes", "/api/worlds/{key}/state", "/api/worlds/{key}/why"],
            document.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ViewerPage_Served_MayOnlyTalkToItsOwnOrigin()
    {
        using var response = await harbor.Http.GetAsync(WorldPlayViewer.Path);

        Assert.Equal((HttpStatusCode.OK, "text/html", true), (response.StatusCode, response.Content.Headers.ContentType?.MediaType,
            response.Headers.GetValues("Content-Security-Policy").Single().StartsWith("default-src 'self'", StringComparison.Ordinal)));
    }
}
