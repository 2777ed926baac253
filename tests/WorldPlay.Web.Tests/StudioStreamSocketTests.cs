using System.Text.Json;
using WorldPlay.Contracts;
using WorldPlay.Web.Tests.Streaming;

namespace WorldPlay.Web.Tests;

/// <summary>A scene's WebSocket, as a game uses it: missed turns after a turn it saw, commands answered with streamed speech and
/// each committed turn once, game events, and refusals that leave the socket open.</summary>
public sealed class StudioStreamSocketTests(StreamSilo served) : IClassFixture<StreamSilo>
{
    private async Task<int> PlayThroughGrainsAsync(string internalKey, string line)
    {
        var batch = await served.Grain(internalKey).Say(new UserLine(line, []));
        return batch.Status.Turn;
    }

    private static List<int> TurnsOf(IEnumerable<JsonElement> messages) =>
        [.. messages.Where(m => m.Type() == "turn").Select(m => m.TurnNumber())];

    [Fact]
    public async Task Socket_OfferedWorldplayV1AndABearerToken_AcceptsOnlyWorldplayV1()
    {
        var (scene, _) = await served.OpenSceneAsync();

        await using var socket = await SceneSocketClient.ConnectAsync(served.Silo.Address, "acme", SceneSocketClient.PathOf(scene),
            ["worldplay.bearer.not-a-real-token", "worldplay.v1"]);

        Assert.Equal("worldplay.v1", socket.Subprotocol);
    }

    [Fact]
    public async Task Socket_AfterATurn_SendsReadyThenEveryMissedTurnOnceInOrder()
    {
        var (scene, key) = await served.OpenSceneAsync();
        await PlayThroughGrainsAsync(key, "Good evening.");
        var last = await PlayThroughGrainsAsync(key, "Is there a room for the night?");

        await using var socket = await SceneSocketClient.ConnectAsync(served.Silo.Address, "acme", SceneSocketClient.PathOf(scene, 2));
        var messages = await socket.ReceiveUntilAsync(m => m.IsTurn(last));

        var ready = messages[0];
        Assert.Equal(("ready", 2, last, scene),
            (ready.Type(), ready.GetProperty("after").GetInt32(), ready.GetProperty("scene").GetProperty("turn").GetInt32(),
                ready.GetProperty("scene").GetProperty("scene").GetString()));
        Assert.Equal(Enumerable.Range(3, last - 2), TurnsOf(messages));
    }

    [Fact]
    public async Task Say_OverTheSocket_StreamsSpeechThenEachTurnOnceThenDone()
    {
        var (scene, _) = await served.OpenSceneAsync();
        await using var socket = await SceneSocketClient.ConnectAsync(served.Silo.Address, "acme", SceneSocketClient.PathOf(scene));
        Assert.Equal("ready", (await socket.ReceiveAsync()).Type());

        await socket.SendAsync(
            new { type = "say", id = "c1", idempotencyKey = SceneSocketClient.NewKey(), text = "Good evening. Any news from the boats?" });
        var messages = await socket.ReceiveUntilAsync(m => m.Type() == "done");

        var done = messages[^1];
        var played = done.GetProperty("turns").EnumerateArray().Select(t => t.GetInt32()).ToList();
        Assert.Equal("c1", done.GetProperty("id").GetString());
        Assert.Equal(played, TurnsOf(messages));
        Assert.True(played.Count > 1, $"say played only {played.Count} turn(s): the replies are missing");
        // Every turn's speech pieces come before it and join to its speech.
        foreach (var turn in messages.Where(m => m.Type() == "turn"))
        {
            var number = turn.TurnNumber();
            var speech = string.Concat(messages.TakeWhile(m => !m.Equals(turn))
                .Where(m => m.Type() == "speech" && m.GetProperty("turn").GetInt32() == number)
                .Select(m => m.GetProperty("text").GetString()));
            Assert.Equal(turn.GetProperty("turn").GetProperty("speech").GetString(), speech);
        }
    }

    [Fact]
    public async Task Reconnect_AfterTheLastTurnSeen_GetsTheRestExactlyOnce()
    {
        var (scene, key) = await served.OpenSceneAsync();
        await PlayThroughGrainsAsync(key, "Good evening.");
        int seen;
        await using (var first = await SceneSocketClient.ConnectAsync(served.Silo.Address, "acme", SceneSocketClient.PathOf(scene, 0)))
        {
            await first.SendAsync(
                new { type = "say", id = "c1", idempotencyKey = SceneSocketClient.NewKey(), text = "Who keeps this tavern?" });
            var messages = await first.ReceiveUntilAsync(m => m.Type() == "turn" && m.TurnNumber() >= 3);
            seen = TurnsOf(messages)[^1];
        }
        var last = await PlayThroughGrainsAsync(key, "And the harbor master?");

        await using var second = await SceneSocketClient.ConnectAsync(served.Silo.Address, "acme", SceneSocketClient.PathOf(scene, seen));
        var rest = await second.ReceiveUntilAsync(m => m.IsTurn(last));

        Assert.Equal(Enumerable.Range(seen + 1, last - seen), TurnsOf(rest));
    }

    [Fact]
    public async Task Socket_TurnsPlayedThroughTheGrains_ReachTheOpenStream()
    {
        var (scene, key) = await served.OpenSceneAsync();
        await using var socket = await SceneSocketClient.ConnectAsync(served.Silo.Address, "acme", SceneSocketClient.PathOf(scene));
        var ready = await socket.ReceiveAsync();

        var last = await PlayThroughGrainsAsync(key, "Good evening.");
        var messages = await socket.ReceiveUntilAsync(m => m.IsTurn(last));

        var after = ready.GetProperty("after").GetInt32();
        Assert.Equal(Enumerable.Range(after + 1, last - after), TurnsOf(messages));
    }

    [Fact]
    public async Task Socket_BadCommands_AreAnsweredWithErrorsAndTheSocketStaysOpen()
    {
        var (scene, _) = await served.OpenSceneAsync();
        await using var socket = await SceneSocketClient.ConnectAsync(served.Silo.Address, "acme", SceneSocketClient.PathOf(scene));
        await socket.ReceiveAsync();

        await socket.SendTextAsync("{not json");
        await socket.SendAsync(new { type = "dance", id = "c1" });
        await socket.SendAsync(
            new { type = "next", id = "c2", idempotencyKey = SceneSocketClient.NewKey(), speaker = "nobody-here" });
        await socket.SendAsync(new { type = "say", id = "c3", idempotencyKey = SceneSocketClient.NewKey() });
        var answers = new List<(string?, string?, int?)>();
        for (var i = 0; i < 5; i++)
        {
            if (i == 4)
            {
                // Pings are answered at once, commands in turn: this one goes after the commands have been answered.
                await socket.SendAsync(new { type = "ping" });
            }
            var m = await socket.ReceiveAsync();
            answers.Add((m.Type(), m.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null,
                m.TryGetProperty("status", out var status) ? status.GetInt32() : null));
        }

        Assert.Equal([("error", null, 400), ("error", "c1", 400), ("error", "c2", 400), ("error", "c3", 400), ("pong", null, null)],
            answers);
    }

    [Fact]
    public async Task Socket_ReadOnlyCaller_IsRefusedCommandsWith403()
    {
        var (scene, _) = await served.OpenSceneAsync();
        await using var socket = await SceneSocketClient.ConnectAsync(served.Silo.Address, "acme", SceneSocketClient.PathOf(scene),
            ["worldplay.v1"], scopes: "read");
        await socket.ReceiveAsync();

        await socket.SendAsync(new { type = "say", id = "c1", idempotencyKey = SceneSocketClient.NewKey(), text = "Hello?" });
        var answer = await socket.ReceiveAsync();

        Assert.Equal(("error", 403), (answer.Type(), answer.GetProperty("status").GetInt32()));
    }

    [Fact]
    public async Task Socket_AnotherTenantsScene_Is404BeforeUpgrading()
    {
        var (scene, _) = await served.OpenSceneAsync("acme");

        var status = await SceneSocketClient.RefusalAsync(served.Silo.Address, "globex", SceneSocketClient.PathOf(scene));

        Assert.Equal(404, status);
    }

    [Fact]
    public async Task Socket_AfterBeyondTheEnd_Is400BeforeUpgrading()
    {
        var (scene, _) = await served.OpenSceneAsync();

        var status = await SceneSocketClient.RefusalAsync(served.Silo.Address, "acme", SceneSocketClient.PathOf(scene, 99));

        Assert.Equal(400, status);
    }

    [Fact]
    public async Task GameEvents_APlayerWhoTakesAndWalksOut_AreSentAfterTheirTurn()
    {
        var (scene, _) = await served.OpenSceneAsync();
        await using var socket = await SceneSocketClient.ConnectAsync(served.Silo.Address, "acme", SceneSocketClient.PathOf(scene));
        await socket.ReceiveAsync();

        await socket.SendAsync(new
        {
            type = "say", id = "c1", idempotencyKey = SceneSocketClient.NewKey(), text = "I'll take a lantern down to the water.",
            proposals = new object[]
            {
                new { actor = "wren", change = new { kind = "took", item = "paper-lantern" }, causes = Array.Empty<long>() },
                new { actor = "wren", change = new { kind = "moved", to = "long-quay" }, causes = Array.Empty<long>() },
            },
        });
        var messages = await socket.ReceiveUntilAsync(m => m.Type() == "done");

        var userTurn = messages.First(m => m.Type() == "turn").TurnNumber();
        var games = messages.SkipWhile(m => !m.IsTurn(userTurn)).Skip(1).TakeWhile(m => m.Type() == "game")
            .Select(m => (m.GetProperty("event").GetString(), m.GetProperty("who").GetString(),
                m.TryGetProperty("item", out var item) ? item.GetString() : null, m.GetProperty("place").GetString()));
        Assert.Equal(
            [("took", "wren", "paper-lantern", "gull-and-kettle"), ("left", "wren", null, "gull-and-kettle"),
                ("entered", "wren", null, "long-quay")],
            games);
    }
}
