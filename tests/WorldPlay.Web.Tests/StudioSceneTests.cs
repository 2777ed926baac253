using System.Net;
using System.Text.Json;
using static WorldPlay.Web.Tests.StudioSilo;

namespace WorldPlay.Web.Tests;

/// <summary>A game plays a scene over REST: create a world, open a scene, say, converse, direct, trigger, regenerate and choose,
/// fork, and read the transcript, state and a character's memory.</summary>
public sealed class StudioSceneTests(StudioSilo studio) : IClassFixture<StudioSilo>
{
    private HttpClient Acme => studio.Acme;

    private static IEnumerable<string> Roles(JsonElement answer) =>
        answer.GetProperty("turns").EnumerateArray().Select(t => t.GetProperty("role").GetString()!.ToLowerInvariant());

    [Fact]
    public async Task CreateWorld_Sample_Is201NamingItsScenes()
    {
        var (status, body, _) = await PostAsync(Acme, "/api/worlds", new { key = NewWorld(), sample = "harbor" });

        Assert.Equal((HttpStatusCode.Created, "harbor-evening"),
            (status, body.GetProperty("scenes")[0].GetString()));
    }

    [Fact]
    public async Task CreateWorld_BrokenWorldFile_Is400ListingTheLoadersProblems()
    {
        var (status, body, _) = await PostAsync(Acme, "/api/worlds", new { key = NewWorld(), world = new { id = "x", entities = 3 } });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotEmpty(body.GetProperty("problems").EnumerateArray());
    }

    [Fact]
    public async Task CreateWorld_SampleNamingAPath_Is400AndReadsNoFile()
    {
        var (status, body, _) = await PostAsync(Acme, "/api/worlds", new { key = NewWorld(), sample = "../../etc/passwd" });

        Assert.Equal((HttpStatusCode.BadRequest, true),
            (status, body.GetProperty("detail").GetString()!.StartsWith("sample:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task CreateWorld_KeyTaken_Is409()
    {
        var world = NewWorld();
        await PostAsync(Acme, "/api/worlds", new { key = world, sample = "harbor" });

        var (status, _, _) = await PostAsync(Acme, "/api/worlds", new { key = world, sample = "harbor" });

        Assert.Equal(HttpStatusCode.Conflict, status);
    }

    [Fact]
    public async Task OpenScene_Is201WithThePlayersCharacter()
    {
        var world = NewWorld();
        await PostAsync(Acme, "/api/worlds", new { key = world, sample = "harbor" });

        var (status, body, _) = await PostAsync(Acme, $"/api/worlds/{world}/scenes", new { seed = 3 });

        Assert.Equal((HttpStatusCode.Created, "wren", $"{world}/harbor-evening"),
            (status, body.GetProperty("user").GetString(), body.GetProperty("scene").GetString()));
    }

    [Fact]
    public async Task GetScene_Opened_AnswersItsPlace()
    {
        var (_, scene) = await OpenHarborAsync(Acme);

        var (status, body, _) = await GetAsync(Acme, $"/api/scenes/{Path(scene)}");

        Assert.Equal((HttpStatusCode.OK, "gull-and-kettle"), (status, body.GetProperty("place").GetString()));
    }

    [Fact]
    public async Task Say_ALine_AnswersThePlayersTurnThenTheReplies()
    {
        var (_, scene) = await OpenHarborAsync(Acme);

        var (_, body, _) = await PostAsync(Acme, $"/api/scenes/{Path(scene)}/say", new { text = "Evening. Any news from the boats?" });

        Assert.Equal(["user", "npc"], Roles(body).Take(2));
    }

    [Fact]
    public async Task Say_WithNext_ThatCharacterAnswersFirst()
    {
        var (_, scene) = await OpenHarborAsync(Acme);

        var (_, body, _) = await PostAsync(Acme, $"/api/scenes/{Path(scene)}/say", new { text = "Oren?", next = "oren" });

        Assert.Equal("oren", body.GetProperty("turns")[1].GetProperty("speaker").GetString());
    }

    [Fact]
    public async Task Say_LongerThanTheLimit_Is400NamingText()
    {
        var (_, scene) = await OpenHarborAsync(Acme);

        var (status, body, _) = await PostAsync(Acme, $"/api/scenes/{Path(scene)}/say", new { text = new string('a', 4001) });

        Assert.Equal((HttpStatusCode.BadRequest, true),
            (status, body.GetProperty("detail").GetString()!.StartsWith("text:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Converse_ThreeTurns_PlaysThreeCharacterTurns()
    {
        var (_, scene) = await OpenHarborAsync(Acme);

        var (_, body, _) = await PostAsync(Acme, $"/api/scenes/{Path(scene)}/converse", new { turns = 3 });

        Assert.Equal(["npc", "npc", "npc"], Roles(body));
    }

    [Fact]
    public async Task Converse_MoreThanTheLimit_Is400NamingTurns()
    {
        var (_, scene) = await OpenHarborAsync(Acme);

        var (status, body, _) = await PostAsync(Acme, $"/api/scenes/{Path(scene)}/converse", new { turns = 51 });

        Assert.Equal((HttpStatusCode.BadRequest, true),
            (status, body.GetProperty("detail").GetString()!.StartsWith("turns:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Next_ACharacterNamed_SpeaksTheTurn()
    {
        var (_, scene) = await OpenHarborAsync(Acme);

        var (_, body, _) = await PostAsync(Acme, $"/api/scenes/{Path(scene)}/next", new { speaker = "ysolde" });

        Assert.Equal("ysolde", body.GetProperty("turns")[0].GetProperty("speaker").GetString());
    }

    [Fact]
    public async Task Next_ThePlayersCharacter_Is400SayingWhoCanSpeak()
    {
        var (_, scene) = await OpenHarborAsync(Acme);

        var (status, body, _) = await PostAsync(Acme, $"/api/scenes/{Path(scene)}/next", new { speaker = "wren" });

        Assert.Equal((HttpStatusCode.BadRequest, true),
            (status, body.GetProperty("detail").GetString()!.Contains("who can speak", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Trigger_APossibleChange_IsCommittedToTheWorldsState()
    {
        var (world, scene) = await OpenHarborAsync(Acme);

        await PostAsync(Acme, $"/api/scenes/{Path(scene)}/triggers",
            new { changes = new[] { new { kind = "took", item = "paper-lantern" } }, text = "Wren takes a lantern." });

        var (_, state, _) = await GetAsync(Acme, $"/api/worlds/{world}/state");
        Assert.Equal("wren", state.GetProperty("entities").EnumerateArray()
            .Single(e => e.GetProperty("id").GetString() == "paper-lantern").GetProperty("holder").GetString());
    }

    [Fact]
    public async Task Trigger_AnImpossibleChange_IsRefusedWithTheLawsReason()
    {
        var (_, scene) = await OpenHarborAsync(Acme);

        var (status, body, _) = await PostAsync(Acme, $"/api/scenes/{Path(scene)}/triggers",
            new { changes = new[] { new { kind = "took", item = "second-ledger" } } });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEmpty(body.GetProperty("turns")[0].GetProperty("rejected")[0].GetString()!);
    }

    [Fact]
    public async Task Trigger_WithReply_TheCharactersAnswer()
    {
        var (_, scene) = await OpenHarborAsync(Acme);

        var (_, body, _) = await PostAsync(Acme, $"/api/scenes/{Path(scene)}/triggers",
            new { changes = new[] { new { kind = "took", item = "paper-lantern" } }, reply = true });

        Assert.Equal(["narrator", "npc"], Roles(body).Take(2));
    }

    [Fact]
    public async Task RegenerateThenChoose_GoesOnOnTheChosenScene()
    {
        var (_, scene) = await OpenHarborAsync(Acme);
        await PostAsync(Acme, $"/api/scenes/{Path(scene)}/converse", new { turns = 2 });
        var (_, alternatives, _) = await PostAsync(Acme, $"/api/scenes/{Path(scene)}/regenerate");
        var other = alternatives.GetProperty("candidates")[1].GetProperty("scene").GetString()!;

        var (status, chosen, _) = await PostAsync(Acme, $"/api/scenes/{Path(scene)}/choose", new { scene = other });

        Assert.Equal((HttpStatusCode.OK, other), (status, chosen.GetProperty("scene").GetString()));
    }

    [Fact]
    public async Task Fork_AtATurn_Is201WithTheSceneOnANewBranchAtThatTurn()
    {
        var (world, scene) = await OpenHarborAsync(Acme);
        await PostAsync(Acme, $"/api/scenes/{Path(scene)}/converse", new { turns = 3 });

        var (status, forked, _) = await PostAsync(Acme, $"/api/scenes/{Path(scene)}/fork", new { atTurn = 1, key = world + "-b" });

        Assert.Equal((HttpStatusCode.Created, world + "-b", 1),
            (status, forked.GetProperty("world").GetString(), forked.GetProperty("turn").GetInt32()));
    }

    [Fact]
    public async Task Transcript_AfterSay_ListsThePlayersLineFirst()
    {
        var (_, scene) = await OpenHarborAsync(Acme);
        await PostAsync(Acme, $"/api/scenes/{Path(scene)}/say", new { text = "Is the tide in?" });

        var (_, page, _) = await GetAsync(Acme, $"/api/scenes/{Path(scene)}/transcript");

        Assert.Equal("Is the tide in?", page.GetProperty("turns")[0].GetProperty("speech").GetString());
    }

    [Fact]
    public async Task Memory_OfACharacterWhoHeardTheLine_RemembersIt()
    {
        var (world, scene) = await OpenHarborAsync(Acme);
        await PostAsync(Acme, $"/api/scenes/{Path(scene)}/say", new { text = "Mira, a word?" });

        var (_, memory, _) = await GetAsync(Acme, $"/api/worlds/{world}/characters/mira/memory");

        Assert.Contains("wren", memory.GetProperty("recent").EnumerateArray().Select(e => e.GetProperty("actor").GetString()));
    }

    [Fact]
    public async Task Memory_UnknownCharacter_Is404()
    {
        var (world, _) = await OpenHarborAsync(Acme);

        var (status, _, _) = await GetAsync(Acme, $"/api/worlds/{world}/characters/nobody/memory");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }
}
