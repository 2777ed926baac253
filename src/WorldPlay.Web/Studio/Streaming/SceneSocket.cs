using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace WorldPlay.Web.Studio.Streaming;

/// <summary>A scene's WebSocket: one sender writes the stream's messages; the receiver reads commands (<c>say</c>, <c>converse</c>,
/// <c>next</c>, <c>trigger</c>, <c>ping</c>) and a worker plays them one after another through <see cref="IStudioScenes"/>, as the
/// REST calls would. Each command spends one request of the caller's rate budgets (<see cref="StudioLimiting.SpendRequest"/>) as a
/// REST call would. A bad command is answered with an <c>error</c> message; the socket stays open.</summary>
internal sealed class SceneSocket(
    WebSocket socket, HttpContext context, SceneStream stream, IStudioScenes scenes, StudioCaller caller, SceneAddress scene,
    JsonSerializerOptions json, int maxMessageBytes, TimeSpan heartbeat, ILogger logger)
{
    /// <summary>Commands received and not yet played beyond which a new one is refused with 429.</summary>
    private const int MaxWaitingCommands = 16;


    public async Task RunAsync(CancellationToken stopping)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var commands = Channel.CreateBounded<Command>(new BoundedChannelOptions(MaxWaitingCommands) { SingleReader = true });
        var sending = SendAsync(done.Token);
        var working = WorkAsync(commands.Reader, done.Token);
        var beating = BeatAsync(done.Token);
        var receiving = ReceiveAsync(commands.Writer, done.Token);
        try
        {
            await Task.WhenAny(receiving, sending);
        }
        finally
        {
            commands.Writer.TryComplete();
            if (sending.IsCompleted)
            {
                // The stream ended on this side (the client fell behind): say why before the receiver is cancelled.
                await CloseAsync(sending);
            }
            await done.CancelAsync();
            await Task.WhenAll(Quietly(receiving), Quietly(sending), Quietly(working), Quietly(beating));
            await CloseAsync(sending);
        }
    }

    private async Task ReceiveAsync(ChannelWriter<Command> commands, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var chunk = new byte[4096];
        while (socket.State == WebSocketState.Open)
        {
            buffer.Clear();
            var tooLong = false;
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(chunk, cancellationToken);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
                tooLong |= buffer.WrittenCount + received.Count > maxMessageBytes;
                if (!tooLong)
                {
                    buffer.Write(chunk.AsSpan(0, received.Count));
                }
            }
            while (!received.EndOfMessage);
            if (tooLong)
            {
                stream.Send(StreamProblems.Message(null, StatusCodes.Status413PayloadTooLarge,
                    $"A message may be at most {maxMessageBytes} bytes; this one was longer."));
            }
            else if (received.MessageType != WebSocketMessageType.Text)
            {
                stream.Send(StreamProblems.Message(null, StatusCodes.Status400BadRequest,
                    "Send each message as one JSON text frame, such as {\"type\":\"say\",\"id\":\"1\",\"text\":\"Hello\"}."));
            }
            else
            {
                Read(buffer.WrittenMemory, commands);
            }
        }
    }

    /// <summary>Answers a ping at once and queues a command; anything else is answered with an error.</summary>
    private void Read(ReadOnlyMemory<byte> message, ChannelWriter<Command> commands)
    {
        JsonElement body;
        try
        {
            using var document = JsonDocument.Parse(message);
            body = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            stream.Send(StreamProblems.Message(null, StatusCodes.Status400BadRequest, $"The message is not JSON: {e.Message}"));
            return;
        }
        var id = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("id", out var i)
            ? i.ValueKind == JsonValueKind.String ? i.GetString() : i.GetRawText()
            : null;
        var type = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()
            : null;
        switch (type)
        {
            case "ping":
                stream.Send(new PongMessage());
                break;
            case "pong":
                break;
            case "say" or "converse" or "next" or "trigger":
                if (StudioLimiting.SpendRequest(context) is { } wait)
                {
                    stream.Send(StreamProblems.Message(id, StatusCodes.Status429TooManyRequests,
                        "Too many requests: this caller's budget is spent for now; try again after retryAfter seconds.", wait));
                }
                else if (!commands.TryWrite(new Command(type, id, body)))
                {
                    stream.Send(StreamProblems.Message(id, StatusCodes.Status429TooManyRequests,
                        $"{MaxWaitingCommands} commands are waiting to be played already; wait for their done messages."));
                }
                break;
            default:
                stream.Send(StreamProblems.Message(id, StatusCodes.Status400BadRequest,
                    (type is null ? "The message has no type" : $"Unknown message type '{Shorten(type)}'") +
                    "; send a JSON object whose type is say, converse, next, trigger or ping."));
                break;
        }
    }

    private async Task WorkAsync(ChannelReader<Command> commands, CancellationToken cancellationToken)
    {
        await foreach (var command in commands.ReadAllAsync(cancellationToken))
        {
            try
            {
                stream.Send(await PlayAsync(command));
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                if (StreamProblems.Of(command.Id, e) is { } error)
                {
                    stream.Send(error);
                }
                else
                {
                    logger.LogError(e, "Command {Type} on scene {Scene} failed.", command.Type, scene.Internal);
                    stream.Send(StreamProblems.Message(command.Id, StatusCodes.Status500InternalServerError,
                        "The server failed to play the command; the failure was logged. The turns sent so far stand."));
                }
            }
        }
    }

    /// <summary>Plays a command and answers it with <c>done</c>, after the turns it played have been queued.</summary>
    private async Task<StreamMessage> PlayAsync(Command command)
    {
        if (!caller.Scopes.HasFlag(StudioScopes.Play))
        {
            return StreamProblems.Message(command.Id, StatusCodes.Status403Forbidden,
                $"{command.Type} needs the play scope; this credential has {StudioCaller.ScopeText(caller.Scopes)}.");
        }
        // The scenes service passes the feed's listener (this stream's among them) to the grain itself: no listener of its own.
        var answer = command.Type switch
        {
            "say" => await SayAsync(Body<SayCommand>(command)),
            "converse" => await ConverseAsync(Body<ConverseCommand>(command)),
            "next" => await NextAsync(Body<NextCommand>(command)),
            _ => await TriggerAsync(Body<TriggerCommand>(command)),
        };
        await stream.CatchUpAsync(answer.Scene.Turn);
        return new DoneMessage(command.Id, [.. answer.Turns.Select(t => t.Turn)], answer.Scene);
    }

    private Task<TurnsAnswer> SayAsync(SayCommand say) => scenes.SayAsync(caller, scene.External, say.Request, say.IdempotencyKey);

    private Task<TurnsAnswer> ConverseAsync(ConverseCommand converse) =>
        scenes.ConverseAsync(caller, scene.External, converse.Request, converse.IdempotencyKey);

    private Task<TurnsAnswer> NextAsync(NextCommand next) => scenes.NextAsync(caller, scene.External, next.Request, next.IdempotencyKey);

    private Task<TurnsAnswer> TriggerAsync(TriggerCommand trigger) =>
        scenes.TriggerAsync(caller, scene.External, trigger.Request, trigger.IdempotencyKey);

    /// <summary>The command as its own type reads it (the type field is left to the caller), so its fields are exactly the REST
    /// call's body.</summary>
    private T Body<T>(Command command) => command.Body.Deserialize<T>(json)
        ?? throw new ArgumentException($"A {command.Type} message is a JSON object with the body of the REST call.");

    private async Task SendAsync(CancellationToken cancellationToken)
    {
        await foreach (var message in stream.Messages.ReadAllAsync(cancellationToken))
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(message, json);
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
    }

    private async Task BeatAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(heartbeat);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            stream.Send(new PingMessage());
        }
    }

    /// <summary>Closes the socket, saying why when the stream ended on the server's side.</summary>
    private async Task CloseAsync(Task sending)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }
        var (status, reason) = sending.Exception?.InnerException is { } ended
            && (ended is StreamFellBehindException || ended.InnerException is StreamFellBehindException)
            ? (WebSocketCloseStatus.PolicyViolation, new StreamFellBehindException().Message)
            : (WebSocketCloseStatus.NormalClosure, "The stream is closed.");
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await socket.CloseOutputAsync(status, reason, timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The client went away first.
        }
    }

    /// <summary>Waits for a loop that ended because the socket closed or the stream stopped; nothing is left to tell anyone.</summary>
    private async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception e)
        {
            logger.LogDebug("A loop of the socket on scene {Scene} ended: {Error}", scene.Internal, e.Message);
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";

    private sealed record Command(string Type, string? Id, JsonElement Body);
}

/// <summary>A scene as its caller names it and as the grains key it.</summary>
internal sealed record SceneAddress(string External, string Internal);
