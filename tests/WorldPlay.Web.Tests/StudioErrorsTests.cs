using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace WorldPlay.Web.Tests;

/// <summary>Every error the studio answers is one problem-details document (type, title, status, detail) and never a stack trace,
/// whatever failed: an endpoint's exception, a body it cannot bind, or a path or method nobody serves.</summary>
public sealed class StudioErrorsTests(FailingEndpoints endpoints) : IClassFixture<FailingEndpoints>
{
    /// <summary>A problem's status, content type, body and Retry-After header.</summary>
    private sealed record Problem(HttpStatusCode Status, string? ContentType, string Text, string? RetryAfter)
    {
        public JsonElement Body => JsonDocument.Parse(Text).RootElement;

        public string Detail => Body.GetProperty("detail").GetString() ?? "";

        /// <summary>The problem's members other than extensions, with the status as a number.</summary>
        public (string? Type, string? Title, int Status, bool HasDetail) Shape =>
            (Body.GetProperty("type").GetString(), Body.GetProperty("title").GetString(), Body.GetProperty("status").GetInt32(),
                Detail.Length > 0);
    }

    private static async Task<Problem> ProblemOf(HttpResponseMessage response)
    {
        using (response)
        {
            return new Problem(response.StatusCode, response.Content.Headers.ContentType?.MediaType,
                await response.Content.ReadAsStringAsync(),
                response.Headers.TryGetValues("Retry-After", out var after) ? after.Single() : null);
        }
    }

    private async Task<Problem> SendAsync(HttpMethod method, string path, HttpContent? content = null) =>
        await ProblemOf(await endpoints.Http.SendAsync(new HttpRequestMessage(method, path) { Content = content }));

    private static void AssertNoInsides(Problem problem)
    {
        foreach (var inside in new[] { "   at ", "Exception", ".cs:line", FailingEndpoints.Secret })
        {
            Assert.DoesNotContain(inside, problem.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task UnexpectedException_Is500ProblemSayingNothingOfIt()
    {
        var problem = await SendAsync(HttpMethod.Get, "/test/unexpected");

        Assert.Equal((HttpStatusCode.InternalServerError, "application/problem+json"), (problem.Status, problem.ContentType));
        AssertNoInsides(problem);
    }

    [Fact]
    public async Task UnexpectedException_ProblemHasTypeTitleStatusAndDetail()
    {
        var problem = await SendAsync(HttpMethod.Get, "/test/unexpected");

        Assert.Equal(("https://tools.ietf.org/html/rfc9110#section-15.6.1", "An error occurred while processing your request.", 500, true),
            problem.Shape);
    }

    [Fact]
    public async Task ArgumentException_Is400ProblemNamingTheField()
    {
        var problem = await SendAsync(HttpMethod.Get, "/test/argument");

        Assert.Equal((HttpStatusCode.BadRequest, "turn", true),
            (problem.Status, problem.Body.GetProperty("field").GetString(), problem.Detail.StartsWith("turn must be 1 or more.",
                StringComparison.Ordinal)));
    }

    [Fact]
    public async Task KeyNotFoundException_Is404ProblemWithItsMessage()
    {
        var problem = await SendAsync(HttpMethod.Get, "/test/unknown");

        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json", "Unknown scene 'harbor/attic'."),
            (problem.Status, problem.ContentType, problem.Detail));
    }

    [Fact]
    public async Task Refusal_IsItsStatusWithRetryAfterInWholeSeconds()
    {
        var problem = await SendAsync(HttpMethod.Get, "/test/refused");

        Assert.Equal((HttpStatusCode.Conflict, "3", "A call with this key is still running."),
            (problem.Status, problem.RetryAfter, problem.Detail));
    }

    [Fact]
    public async Task BodyOfTheWrongType_Is400ProblemNamingTheField()
    {
        var problem = await SendAsync(HttpMethod.Post, "/test/say",
            new StringContent("""{"text": 42}""", Encoding.UTF8, "application/json"));

        Assert.Equal((HttpStatusCode.BadRequest, "$.text"), (problem.Status, problem.Body.GetProperty("field").GetString()));
        AssertNoInsides(problem);
    }

    [Fact]
    public async Task BodyNotJson_Is400Problem()
    {
        var problem = await SendAsync(HttpMethod.Post, "/test/say", new StringContent("text=hello", Encoding.UTF8, "application/json"));

        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (problem.Status, problem.ContentType));
        AssertNoInsides(problem);
    }

    [Fact]
    public async Task BodyNotDeclaredJson_Is415Problem()
    {
        var problem = await SendAsync(HttpMethod.Post, "/test/say", new StringContent("""{"text": "hi"}""", Encoding.UTF8, "text/plain"));

        Assert.Equal((HttpStatusCode.UnsupportedMediaType, "application/problem+json", true),
            (problem.Status, problem.ContentType, problem.Detail.Contains("Content-Type: application/json", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task PathNobodyServes_Is404ProblemNamingIt()
    {
        var problem = await SendAsync(HttpMethod.Get, "/api/nowhere");

        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json", true),
            (problem.Status, problem.ContentType, problem.Detail.Contains("/api/nowhere", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task MethodNotServed_Is405Problem()
    {
        var problem = await SendAsync(HttpMethod.Delete, "/test/say");

        Assert.Equal((HttpStatusCode.MethodNotAllowed, "application/problem+json", 405), (problem.Status, problem.ContentType,
            problem.Shape.Status));
    }

    [Fact]
    public async Task BodyDeclaredLargerThanTheLimit_Is413Problem()
    {
        var problem = await SendAsync(HttpMethod.Post, "/test/say",
            new StringContent(JsonSerializer.Serialize(new { text = new string('a', 2000) }), Encoding.UTF8, "application/json"));

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "application/problem+json", true),
            (problem.Status, problem.ContentType, problem.Detail.Contains("at most 1024 bytes", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task BodyWithoutLengthLargerThanTheLimit_Is413Problem()
    {
        var content = new StreamContent(new MemoryStream(new byte[5000]));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var request = new HttpRequestMessage(HttpMethod.Post, "/test/length") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var problem = await ProblemOf(await endpoints.Http.SendAsync(request));

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "application/problem+json"), (problem.Status, problem.ContentType));
    }
}
