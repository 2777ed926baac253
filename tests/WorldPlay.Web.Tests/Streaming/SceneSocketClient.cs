using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace WorldPlay.Web.Tests.Streaming;

/// <summary>A game's WebSocket to a scene, as a tenant named by headers: send commands, read messages one at a time.</summary>
public sealed class SceneSocketClient : IAsyncDisposable
{
    /// <summary>How long a test waits for a message before it fails, rather than hanging; no test asserts on time.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly ClientWebSocket _socket;

    private SceneSocketClient(ClientWebSocket socket) => _socket = socket;

    public string? Subprotocol => _socket.SubProtocol;

    /// <summary>The path of scene <paramref name="scene"/>'s socket, after <paramref name="after"/> when given.</summary>
    public static string PathOf(string scene, int? after = null) =>
        $"/api/scenes/{Uri.EscapeDataString(scene)}/ws{(after is { } a ? $"?after={a}" : "")}";

    /// <summary>Connects as <paramref name="tenant"/> with <paramref name="scopes"/> (default every one), offering
    /// <paramref name="subprotocols"/> (default worldplay.v1).</summary>
    public static async Task<SceneSocketClient> ConnectAsync(
        Uri address, string tenant, string path, string[]? subprotocols = null, string scopes = "read play create")
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("X-Test-Tenant", tenant);
        socket.Options.SetRequestHeader("X-Test-Scopes", scopes);
        foreach (var subprotocol in subprotocols ?? ["worldplay.v1"])
        {
            socket.Options.AddSubProtocol(subprotocol);
        }
        var uri = new UriBuilder(new Uri(address, path)) { Scheme = "ws" }.Uri;
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await socket.ConnectAsync(uri, timeout.Token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new SceneSocketClient(socket);
    }

    /// <summary>The HTTP status a refused connection was answered with.</summary>
    public static async Task<int> RefusalAsync(Uri address, string tenant, string path)
    {
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("X-Test-Tenant", tenant);
        socket.Options.CollectHttpResponseDetails = true;
        var uri = new UriBuilder(new Uri(address, path)) { Scheme = "ws" }.Uri;
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await socket.ConnectAsync(uri, timeout.Token);
        }
        catch (WebSocketException)
        {
            return (int)socket.HttpStatusCode;
        }
        return (int)socket.HttpStatusCode;
    }

    public Task SendAsync(object message) => SendTextAsync(JsonSerializer.Serialize(message));

    public async Task SendTextAsync(string text)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, timeout.Token);
    }

    /// <summary>The next message the server sends, pings left out.</summary>
    public async Task<JsonElement> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[8192];
            WebSocketReceiveResult received;
            do
            {
                received = await _socket.ReceiveAsync(chunk, timeout.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    throw new InvalidOperationException($"The server closed the socket: {_socket.CloseStatusDescription}");
                }
                buffer.Write(chunk, 0, received.Count);
            }
            while (!received.EndOfMessage);
            var message = JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
            if (message.GetProperty("type").GetString() != "ping")
            {
                return message;
            }
        }
    }

    /// <summary>Messages up to and including the first that <paramref name="last"/> picks; an error it does not pick fails the
    /// test at once, with its detail, rather than after the patience runs out.</summary>
    public async Task<List<JsonElement>> ReceiveUntilAsync(Func<JsonElement, bool> last)
    {
        var messages = new List<JsonElement>();
        while (true)
        {
            var message = await ReceiveAsync();
            messages.Add(message);
            if (last(message))
            {
                return messages;
            }
            if (message.TryGetProperty("type", out var type) && type.GetString() == "error")
            {
                throw new InvalidOperationException($"The server answered with an error: {message}");
            }
        }
    }

    /// <summary>A fresh idempotency key: keys belong to the tenant, so a key another test used for another call would be 422.
    /// </summary>
    public static string NewKey() => Guid.NewGuid().ToString("N");

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
            }
        }
        _socket.Dispose();
    }
}

/// <summary>Reading stream messages.</summary>
public static class StreamMessageReading
{
    public static string Type(this JsonElement message) => message.GetProperty("type").GetString()!;

    /// <summary>The turn number of a turn message.</summary>
    public static int TurnNumber(this JsonElement message) => message.GetProperty("turn").GetProperty("turn").GetInt32();

    public static bool IsTurn(this JsonElement message, int turn) => message.Type() == "turn" && message.TurnNumber() == turn;
}
