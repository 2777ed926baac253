using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;

namespace WorldPlay.Web.Tests;

/// <summary>One fuzz campaign: <see cref="Count"/> generated requests (seed <see cref="Seed"/>) to every endpoint the OpenAPI
/// document lists, sent as tenant globex (or with forged credentials) to a silo where tenant acme holds a secret, eight at a
/// time; the answers are kept for the tests to judge.</summary>
public sealed class StudioFuzzCampaign : IAsyncLifetime
{
    public const int Seed = 15;
    public const int Count = 3000;

    private readonly TwoTenantStudio _studio = new();

    public ImmutableArray<FuzzEndpoint> Endpoints { get; private set; } = [];

    public ImmutableArray<FuzzAnswer> Answers { get; private set; } = [];

    async Task IAsyncLifetime.InitializeAsync()
    {
        await ((IAsyncLifetime)_studio).InitializeAsync();
        using var tenant = _studio.Client(TwoTenantStudio.Globex);
        using var anonymous = new HttpClient { BaseAddress = _studio.Silo.Address };
        var document = JsonDocument.Parse(await tenant.GetStringAsync(WorldPlayApi.OpenApiPath)).RootElement.Clone();
        Endpoints = FuzzEndpoint.From(document);
        var answers = new ConcurrentBag<FuzzAnswer>();
        await Parallel.ForEachAsync(
            new StudioFuzzer(Endpoints, Seed).Requests(Count),
            new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (request, ct) => answers.Add(await SendAsync(request.AsTenant ? tenant : anonymous, request, ct)));
        Answers = [.. answers];
    }

    private static async Task<FuzzAnswer> SendAsync(HttpClient http, FuzzRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.PathAndQuery);
        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }
        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(body);
            if (request.ContentType is { } type)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", type);
            }
        }
        try
        {
            using var response = await http.SendAsync(message, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return new FuzzAnswer(request, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, text,
                response.Headers.ConnectionClose == true);
        }
        catch (HttpRequestException e)
        {
            // Kestrel may close the connection on a request it cannot parse at all: a connection-level refusal, not a server error.
            return new FuzzAnswer(request, 0, null, e.Message, ConnectionClosed: true);
        }
    }

    Task IAsyncLifetime.DisposeAsync() => ((IAsyncLifetime)_studio).DisposeAsync();
}

/// <summary>What the server answered one fuzz request.</summary>
public sealed record FuzzAnswer(FuzzRequest Request, int Status, string? ContentType, string Body, bool ConnectionClosed)
{
    /// <summary>Kestrel refused the request before any endpoint saw it (a request line or header it cannot parse, an id longer
    /// than a request line may be): an empty 400/414/431 that closes the connection, or a dropped connection.</summary>
    public bool ConnectionLevel => Status == 0 || (ConnectionClosed && Body.Length == 0 && Status is 400 or 414 or 431);

    public override string ToString() => $"{Request} -> {Status} {ContentType}: {(Body.Length > 200 ? Body[..200] + "..." : Body)}";
}

public sealed class StudioFuzzTests(StudioFuzzCampaign campaign) : IClassFixture<StudioFuzzCampaign>
{
    private static string Listed(IEnumerable<FuzzAnswer> answers) =>
        string.Join('\n', answers.Take(10)) + (answers.Count() > 10 ? $"\n... and {answers.Count() - 10} more" : "");

    [Fact]
    public void Fuzz_Campaign_AnswersThousandsOfRequests() => Assert.Equal(StudioFuzzCampaign.Count, campaign.Answers.Length);

    [Fact]
    public void Fuzz_HostileRequests_NoServerError()
    {
        var failed = campaign.Answers.Where(a => a.Status >= 500).ToList();

        Assert.True(failed.Count == 0, $"{failed.Count} server errors of {campaign.Answers.Length}:\n{Listed(failed)}");
    }

    [Fact]
    public void Fuzz_HostileRequests_EveryErrorIsProblemDetailsWithoutAStackTrace()
    {
        var bad = campaign.Answers
            .Where(a => a.Status >= 400 && !a.ConnectionLevel)
            .Where(a => a.ContentType != "application/problem+json" || a.Body.Contains("   at ", StringComparison.Ordinal))
            .ToList();

        Assert.True(bad.Count == 0, $"{bad.Count} errors that are not problem details:\n{Listed(bad)}");
    }

    [Fact]
    public void Fuzz_AsAnotherTenant_NeverReadsTheSecret()
    {
        var leaks = campaign.Answers.Where(a => a.Body.Contains(TwoTenantStudio.Secret, StringComparison.Ordinal)).ToList();

        Assert.True(leaks.Count == 0, $"{leaks.Count} answers hold acme's secret line:\n{Listed(leaks)}");
    }

    [Fact]
    public void Fuzz_AsAnotherTenant_NeverSucceedsOnTheOtherTenantsWorld()
    {
        // A refusal may repeat the key it was asked for; a success that names acme's world served globex something of acme's.
        var leaks = campaign.Answers
            .Where(a => a.Status is >= 200 and < 300 && a.Body.Contains(TwoTenantStudio.SecretWorld, StringComparison.Ordinal))
            .ToList();

        Assert.True(leaks.Count == 0, $"{leaks.Count} successful answers name acme's world:\n{Listed(leaks)}");
    }

    [Fact]
    public void Fuzz_Campaign_SendsEveryDocumentedEndpointItsShare()
    {
        var share = StudioFuzzCampaign.Count / campaign.Endpoints.Length;
        var sent = campaign.Answers.GroupBy(a => a.Request.Endpoint).ToDictionary(g => g.Key, g => g.Count());

        Assert.All(campaign.Endpoints, e => Assert.True(sent.GetValueOrDefault(e) >= share, $"{e.Method} {e.Path}: {sent.GetValueOrDefault(e)}"));
    }

    [Fact]
    public void Fuzz_Campaign_MostRequestsGetPastKestrel()
    {
        var kestrel = campaign.Answers.Where(a => a.ConnectionLevel).ToList();

        Assert.True(kestrel.Count <= StudioFuzzCampaign.Count / 4, $"{kestrel.Count} refused by Kestrel:\n{Listed(kestrel)}");
    }
}

public sealed class StudioFuzzerTests
{
    private static readonly ImmutableArray<FuzzEndpoint> Endpoints =
    [
        new("GET", "/api/worlds/{key}", [], default),
        new("POST", "/api/scenes/{key}/say", [], ["text", "proposals", "next"]),
    ];

    [Fact]
    public void Requests_SameSeed_AreTheSame() =>
        Assert.Equal(
            new StudioFuzzer(Endpoints, 15).Requests(200).Select(r => r.ToString()),
            new StudioFuzzer(Endpoints, 15).Requests(200).Select(r => r.ToString()));

    [Fact]
    public void Requests_Many_NameTheOtherTenantsWorld() =>
        Assert.Contains(
            new StudioFuzzer(Endpoints, 15).Requests(200), r => r.PathAndQuery.Contains(TwoTenantStudio.SecretWorld, StringComparison.Ordinal));

    [Fact]
    public void Requests_Many_SendInvalidUtf8()
    {
        var utf8 = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true);

        Assert.Contains(new StudioFuzzer(Endpoints, 15).Requests(500), r => r.Body is { } body && !Decodes(utf8, body));
    }

    private static bool Decodes(System.Text.Encoding encoding, byte[] body)
    {
        try
        {
            encoding.GetString(body);
            return true;
        }
        catch (System.Text.DecoderFallbackException)
        {
            return false;
        }
    }
}
