using System.ClientModel;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenAI.Chat;
using WorldPlay.Core.Minds;

namespace WorldPlay.FakeLlm.Tests;

/// <summary>Each fault, selected alone at rate 1, is what a client sees from a misbehaving endpoint; at rate 0 there are none.</summary>
public sealed class FaultTests
{
    private static FakeLlmOptions Only(Fault fault) => new() { FaultRate = 1, Faults = [fault], Seed = 3 };

    [Fact]
    public async Task RateLimited_Selected_Returns429()
    {
        await using var server = await FakeLlmServer.StartAsync(Only(Fault.RateLimited));

        var failure = await Assert.ThrowsAsync<ClientResultException>(() =>
            Scenes.Client(server).CompleteChatAsync(Scenes.Messages(Scenes.Mira())));

        Assert.Equal(429, failure.Status);
    }

    [Fact]
    public async Task RateLimited_Selected_CarriesRetryAfter()
    {
        await using var server = await FakeLlmServer.StartAsync(Only(Fault.RateLimited) with { RetryAfter = TimeSpan.FromSeconds(2) });

        var failure = await Assert.ThrowsAsync<ClientResultException>(() =>
            Scenes.Client(server).CompleteChatAsync(Scenes.Messages(Scenes.Mira())));
        failure.GetRawResponse()!.Headers.TryGetValue("Retry-After", out var retryAfter);

        Assert.Equal("2", retryAfter);
    }

    [Fact]
    public async Task RateLimited_Body_IsAnOpenAIError()
    {
        await using var server = await FakeLlmServer.StartAsync(Only(Fault.RateLimited));

        var failure = await Assert.ThrowsAsync<ClientResultException>(() =>
            Scenes.Client(server).CompleteChatAsync(Scenes.Messages(Scenes.Mira())));
        var error = JsonNode.Parse(failure.GetRawResponse()!.Content.ToString())!["error"]!;

        Assert.Equal("rate_limit_exceeded", error["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task ServerError_Selected_Returns500()
    {
        await using var server = await FakeLlmServer.StartAsync(Only(Fault.ServerError));

        var failure = await Assert.ThrowsAsync<ClientResultException>(() =>
            Scenes.Client(server).CompleteChatAsync(Scenes.Messages(Scenes.Mira())));

        Assert.Equal(500, failure.Status);
    }

    [Fact]
    public async Task Timeout_Selected_ClientNetworkTimeoutFires()
    {
        await using var server = await FakeLlmServer.StartAsync(Only(Fault.Timeout));
        var client = Scenes.Client(server, networkTimeout: TimeSpan.FromMilliseconds(300));

        var timedOut = await Assert.ThrowsAsync<TaskCanceledException>(() => client.CompleteChatAsync(Scenes.Messages(Scenes.Mira())));

        // The client's own network timeout, not a cancellation by the caller: System.ClientModel says so in the message.
        Assert.Contains("exceeded the configured timeout", timedOut.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeout_ClientGivesUp_RequestIsAbandonedNotHeld()
    {
        await using var server = await FakeLlmServer.StartAsync(Only(Fault.Timeout));
        var client = Scenes.Client(server, networkTimeout: TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.CompleteChatAsync(Scenes.Messages(Scenes.Mira())));

        var stats = await Eventually(server, s => s.ConcurrentNow == 0);

        Assert.Equal((1, 0), (stats.Abandoned, stats.ConcurrentNow));
    }

    [Fact]
    public async Task Timeout_ServerStops_HeldRequestEnds()
    {
        var server = await FakeLlmServer.StartAsync(Only(Fault.Timeout));
        var held = Scenes.Client(server).CompleteChatAsync(Scenes.Messages(Scenes.Mira()));
        await Eventually(server, s => s.ConcurrentNow == 1);

        await server.DisposeAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => held);
    }

    [Fact]
    public async Task Malformed_Selected_ContentFailsJsonParsing()
    {
        await using var server = await FakeLlmServer.StartAsync(Only(Fault.Malformed));
        var client = Scenes.Client(server);
        var parsed = 0;
        for (var i = 0; i < 12; i++)
        {
            ChatCompletion completion = await client.CompleteChatAsync(Scenes.Messages(Scenes.Mira()), Scenes.JsonObject());
            try
            {
                using var _ = JsonDocument.Parse(completion.Content[0].Text);
                parsed++;
            }
            catch (JsonException)
            {
            }
        }

        Assert.Equal(0, parsed);
    }

    [Fact]
    public async Task SchemaViolation_Selected_IsValidJsonWithWrongTypes()
    {
        await using var server = await FakeLlmServer.StartAsync(Only(Fault.SchemaViolation));
        var client = Scenes.Client(server);
        var wellTyped = 0;
        for (var i = 0; i < 12; i++)
        {
            ChatCompletion completion = await client.CompleteChatAsync(Scenes.Messages(Scenes.Mira()), Scenes.JsonObject());
            var json = JsonNode.Parse(completion.Content[0].Text)!.AsObject();
            if (json["speech"]?.GetValueKind() == JsonValueKind.String && json["narration"]?.GetValueKind() == JsonValueKind.String
                && json["addressees"] is JsonArray && json["proposals"] is JsonArray)
            {
                wellTyped++;
            }
        }

        Assert.Equal(0, wellTyped);
    }

    [Fact]
    public async Task Truncated_Streamed_LacksDoneAndFinishReason()
    {
        await using var server = await FakeLlmServer.StartAsync(Only(Fault.Truncated));
        var complete = 0;
        for (var i = 0; i < 8; i++)
        {
            var body = await RawStreamAsync(server);
            if (body.Contains("[DONE]", StringComparison.Ordinal) || body.Contains("\"finish_reason\":\"stop\"", StringComparison.Ordinal))
            {
                complete++;
            }
        }

        Assert.Equal(0, complete);
    }

    [Fact]
    public async Task Truncated_Streamed_StopsAfterSomeContent()
    {
        await using var server = await FakeLlmServer.StartAsync(Only(Fault.Truncated));
        var bodies = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            bodies.Add(await RawStreamAsync(server));
        }

        // Half the truncations end the body cleanly (content always arrives); the others reset the connection.
        Assert.Contains(bodies, body => body.Contains("\"content\":\"{\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Truncated_NotStreamed_EndsWithLengthAndBrokenJson()
    {
        await using var server = await FakeLlmServer.StartAsync(Only(Fault.Truncated));

        ChatCompletion completion = await Scenes.Client(server).CompleteChatAsync(Scenes.Messages(Scenes.Mira()), Scenes.JsonObject());

        Assert.Equal((ChatFinishReason.Length, false), (completion.FinishReason, IsJson(completion.Content[0].Text)));
    }

    [Fact]
    public async Task RateZero_HundredRequests_NoFaults()
    {
        await using var server = await FakeLlmServer.StartAsync(new FakeLlmOptions { FaultRate = 0, Seed = 9 });
        var client = Scenes.Client(server);
        for (var i = 0; i < 100; i++)
        {
            ChatCompletion completion = await client.CompleteChatAsync(Scenes.Messages(Scenes.Mira(turn: 2 + (i % 7))),
                Scenes.JsonObject());
            ActionReply.Parse(completion.Content[0].Text);
        }

        Assert.Equal((100, 0L), (server.Stats.Completed, server.Stats.Faults.Values.Sum()));
    }

    [Fact]
    public async Task AllFaults_RateOne_EachKindAppears()
    {
        await using var server = await FakeLlmServer.StartAsync(new FakeLlmOptions { FaultRate = 1, Seed = 4,
            TimeoutHold = TimeSpan.Zero });
        var client = Scenes.Client(server);
        for (var i = 0; i < 60; i++)
        {
            try
            {
                await client.CompleteChatAsync(Scenes.Messages(Scenes.Mira()));
            }
            catch (ClientResultException)
            {
            }
        }

        Assert.DoesNotContain(0L, server.Stats.Faults.Values);
    }

    [Fact]
    public async Task SameSeed_TwoServers_SameFaultSequence()
    {
        var options = new FakeLlmOptions { FaultRate = 0.5, Faults = [Fault.RateLimited, Fault.ServerError], Seed = 21 };
        await using var first = await FakeLlmServer.StartAsync(options);
        await using var second = await FakeLlmServer.StartAsync(options);

        Assert.Equal(await StatusesAsync(first), await StatusesAsync(second));
    }

    [Fact]
    public async Task ConcurrentMax_HeldRequests_AreCounted()
    {
        await using var server = await FakeLlmServer.StartAsync(Only(Fault.Timeout));
        using var cancel = new CancellationTokenSource();
        var client = Scenes.Client(server);
        var held = Enumerable.Range(0, 5)
            .Select(_ => client.CompleteChatAsync(Scenes.Messages(Scenes.Mira()), cancellationToken: cancel.Token))
            .ToArray();

        var stats = await Eventually(server, s => s.ConcurrentNow == 5);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.WhenAll(held));

        Assert.Equal(5, stats.ConcurrentMax);
    }

    private static async Task<string> StatusesAsync(FakeLlmServer server)
    {
        using var http = new HttpClient();
        var statuses = new StringBuilder();
        for (var i = 0; i < 20; i++)
        {
            using var content = new StringContent($$"""{"model": "fake", "messages": [{"role": "user", "content": "{{i % 3}}"}]}""",
                Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri(server.Endpoint + "/chat/completions"), content);
            statuses.Append((int)response.StatusCode).Append(' ');
        }
        return statuses.ToString();
    }

    /// <summary>The raw server-sent events of a streamed request, up to where the server stopped or reset the connection.</summary>
    private static async Task<string> RawStreamAsync(FakeLlmServer server)
    {
        using var http = new HttpClient();
        var request = new JsonObject
        {
            ["model"] = "fake",
            ["stream"] = true,
            ["stream_options"] = new JsonObject { ["include_usage"] = true },
            ["messages"] = new JsonArray(
                new JsonObject { ["role"] = "system", ["content"] = Scenes.ActionInstructions },
                new JsonObject { ["role"] = "user", ["content"] = PerspectiveBuilder.Render(Scenes.Mira()) }),
        };
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Endpoint + "/chat/completions"))
        {
            Content = new StringContent(request.ToJsonString(), new MediaTypeHeaderValue("application/json")),
        };
        var body = new MemoryStream();
        try
        {
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead);
            await using var stream = await response.Content.ReadAsStreamAsync();
            await stream.CopyToAsync(body);
        }
        catch (HttpRequestException)
        {
            // The connection was reset mid-stream: what arrived before is the answer.
        }
        catch (IOException)
        {
        }
        return Encoding.UTF8.GetString(body.ToArray());
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Waits until the server's counters satisfy a condition (giving up after a generous bound, which is no timing
    /// assertion).</summary>
    internal static async Task<FakeLlmStats> Eventually(FakeLlmServer server, Func<FakeLlmStats, bool> condition)
    {
        for (var i = 0; i < 1000; i++)
        {
            if (server.Stats is var stats && condition(stats))
            {
                return stats;
            }
            await Task.Delay(10);
        }
        return server.Stats;
    }
}
