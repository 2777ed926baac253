using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace WorldPlay.Web.Studio.Streaming;

/// <summary>A scene's stream as Server-Sent Events: <c>event:</c> the message type, <c>id:</c> the turn of a <c>turn</c> message
/// (so an EventSource's <c>Last-Event-ID</c> resumes after it), <c>data:</c> the message as the WebSocket sends it; a quiet
/// stream sends a comment now and then so proxies keep it open.</summary>
internal static class SceneEventStream
{
    public static async Task WriteAsync(HttpContext context, SceneStream stream, JsonSerializerOptions json, TimeSpan heartbeat,
        CancellationToken stopping)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.Body.FlushAsync(stopping);
        using var beat = new PeriodicTimer(heartbeat);
        var beating = BeatAsync(beat, stream, stopping);
        try
        {
            await foreach (var message in stream.Messages.ReadAllAsync(stopping))
            {
                await response.Body.WriteAsync(Encode(message, json), stopping);
                if (!stream.Messages.TryPeek(out _))
                {
                    await response.Body.FlushAsync(stopping);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException || e.InnerException is StreamFellBehindException
            || e is StreamFellBehindException)
        {
            // The client went away, the server is stopping, or the client fell behind (it reconnects with Last-Event-ID).
        }
        finally
        {
            beat.Dispose();
            await beating;
        }
    }

    /// <summary>One event: a ping is a comment, anything else an event named by its type.</summary>
    public static byte[] Encode(StreamMessage message, JsonSerializerOptions json)
    {
        if (message is PingMessage)
        {
            return ": ping\n\n"u8.ToArray();
        }
        var text = new StringBuilder();
        text.Append("event: ").Append(message.Type).Append('\n');
        if (message is TurnMessage turn)
        {
            text.Append("id: ").Append(turn.Turn.Turn.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        text.Append("data: ").Append(JsonSerializer.Serialize(message, json)).Append("\n\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static async Task BeatAsync(PeriodicTimer beat, SceneStream stream, CancellationToken stopping)
    {
        try
        {
            while (await beat.WaitForNextTickAsync(stopping))
            {
                stream.Send(new PingMessage());
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
