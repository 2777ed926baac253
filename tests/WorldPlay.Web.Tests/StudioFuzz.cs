using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace WorldPlay.Web.Tests;

/// <summary>A documented endpoint, as the OpenAPI document lists it: its method and path template, its query parameters, and
/// the properties of its JSON body (none: it takes no body).</summary>
public sealed record FuzzEndpoint(string Method, string Path, ImmutableArray<string> Query, ImmutableArray<string> BodyProperties)
{
    /// <summary>Every operation of the OpenAPI document, with its body schema's properties resolved through <c>$ref</c>.</summary>
    public static ImmutableArray<FuzzEndpoint> From(JsonElement document)
    {
        var schemas = document.TryGetProperty("components", out var c) && c.TryGetProperty("schemas", out var s) ? s : default;
        var endpoints = ImmutableArray.CreateBuilder<FuzzEndpoint>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete" or "patch"))
            {
                var query = operation.Value.TryGetProperty("parameters", out var parameters)
                    ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query")
                        .Select(p => p.GetProperty("name").GetString()!).ToImmutableArray()
                    : [];
                var body = operation.Value.TryGetProperty("requestBody", out var requestBody)
                    && requestBody.TryGetProperty("content", out var content)
                    ? content.EnumerateObject().Select(m => Properties(m.Value.TryGetProperty("schema", out var schema) ? schema : default,
                        schemas)).FirstOrDefault(p => !p.IsDefault, [])
                    : default;
                endpoints.Add(new FuzzEndpoint(operation.Name.ToUpperInvariant(), path.Name, query, body));
            }
        }
        return endpoints.ToImmutable();
    }

    private static ImmutableArray<string> Properties(JsonElement schema, JsonElement schemas)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return [];
        }
        if (schema.TryGetProperty("$ref", out var reference) && schemas.ValueKind == JsonValueKind.Object
            && schemas.TryGetProperty(reference.GetString()!.Split('/')[^1], out var resolved))
        {
            schema = resolved;
        }
        return schema.TryGetProperty("properties", out var properties) ? [.. properties.EnumerateObject().Select(p => p.Name)] : [];
    }
}

/// <summary>One generated request: method, path and query as sent (already escaped), headers, and a body with its content
/// type (none: no body).</summary>
public sealed record FuzzRequest(
    FuzzEndpoint Endpoint, string Method, string PathAndQuery, ImmutableArray<(string Name, string Value)> Headers, byte[]? Body,
    string? ContentType,
    bool AsTenant)
{
    public override string ToString() =>
        $"{Method} {(PathAndQuery.Length > 160 ? PathAndQuery[..160] + "..." : PathAndQuery)}" +
        (Body is null ? "" : $" [{ContentType ?? "no type"}, {Body.Length} bytes]");
}

/// <summary>Malformed and hostile requests to documented endpoints, the same for the same seed: ids naming another tenant's
/// worlds, traversal, NUL and invalid UTF-8 in paths, very long ids; query numbers negative, huge or not numbers; bodies with
/// wrong JSON types, huge numbers and strings, deep nesting, unknown fields, invalid UTF-8 or not JSON at all; wrong methods and
/// content types; forged and expired credentials.</summary>
public sealed class StudioFuzzer(ImmutableArray<FuzzEndpoint> endpoints, int seed)
{
    private static readonly string[] Ids =
    [
        TwoTenantStudio.OwnWorld, $"{TwoTenantStudio.OwnWorld}%2Fharbor-evening", TwoTenantStudio.SecretWorld,
        $"{TwoTenantStudio.SecretWorld}%2Fharbor-evening", $"acme.{TwoTenantStudio.SecretWorld}",
        $"acme.{TwoTenantStudio.SecretWorld}%2Fharbor-evening", $"acme%2E{TwoTenantStudio.SecretWorld}",
        $"..%2F..%2Facme.{TwoTenantStudio.SecretWorld}", $"..%2F{TwoTenantStudio.SecretWorld}", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        $"{TwoTenantStudio.OwnWorld}%2F..%2F..%2Facme.{TwoTenantStudio.SecretWorld}%2Fharbor-evening",
        $"{TwoTenantStudio.OwnWorld}%5C..%5Cacme.{TwoTenantStudio.SecretWorld}", $"{TwoTenantStudio.OwnWorld}%00", "%00", "%00%00..%00",
        "fuzz%FF%FE", "%C0%AF", "%ED%A0%80", new string('a', 2000), new string('b', 9000), "%2F", "%20", "-", "FUZZ-OWN", "mira", "wren",
        "0", "-1", "%CA%95%E2%80%A2%E1%B4%A5%E2%80%A2%CA%94", $"{TwoTenantStudio.OwnWorld}%2Fharbor-evening%2Fextra", "%25", "%",
        "dev.fuzz", "globex.fuzz-own",
    ];

    private static readonly string[] QueryValues =
    [
        "-1", "0", "1", "2", "2147483647", "2147483648", "-2147483649", "99999999999999999999999999", "1e9", "abc", "", "%00", "NaN",
        "-0", "0x1F", "1.5", new string('9', 1000), "%FF", "true", "[]", TwoTenantStudio.SecretWorld,
    ];

    private static readonly string DeepArray = new string('[', 5000) + new string(']', 5000);

    private static readonly string DeepObject = string.Concat(Enumerable.Repeat("{\"a\":", 300)) + "1" + new string('}', 300);

    private static readonly string[] Fragments =
    [
        "null", "true", "false", "-1", "0", "1", "5", "50", "51", "1e999", "-1e999", "99999999999999999999999999999", "2147483648",
        "-2147483649", "-9223372036854775809", "1.5", "\"\"", $"\"{new string('x', 100_000)}\"", $"\"{TwoTenantStudio.SecretWorld}\"",
        $"\"acme.{TwoTenantStudio.SecretWorld}\"", $"\"acme.{TwoTenantStudio.SecretWorld}/harbor-evening\"", "\"../../etc/passwd\"",
        "\"\\u0000\"", "\"\\ud800\"", "[]", "{}", DeepArray, DeepObject, "[\"read\",\"play\",\"create\",\"admin\"]", "\"harbor\"",
        "\"court\"", "\"harbor-evening\"", "\"user-sim:slow-burn\"", "\"procedural\"", "\"openai:gpt-4o\"", "\"mira\"",
        "[{\"kind\":\"moved\",\"entity\":\"wren\",\"to\":\"the-moon\"}]", "[{\"kind\":\"nonsense\"}]", "{\"$type\":\"System.IO.File\"}",
        "-86400", "86400000", "[1,2,3]", "\"wpk_forged\"",
    ];

    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"];

    private static readonly string?[] ContentTypes =
    [
        "application/json", "application/json", "application/json", "application/json; charset=utf-8", "text/plain",
        "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=latin1",
        null,
    ];

    private static readonly string[] IdempotencyKeys =
    [
        "k1", "k1", "fuzz-key.1:2_3", "", " ", new string('k', 101), "key with spaces", "%D0%BA%D0%BB", "%00", "k/../y", "k\ty",
    ];

    private static readonly string[] Credentials =
    [
        "Bearer not-a-token", "Bearer eyJhbGciOiJub25lIn0.eyJ0ZW5hbnQiOiJhY21lIiwic2NvcGUiOiJyZWFkIHBsYXkgY3JlYXRlIn0.",
        "Bearer eyJhbGciOiJIUzI1NiJ9.eyJ0ZW5hbnQiOiJhY21lIiwiZXhwIjoxfQ.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "ApiKey wpk_forged",
        "ApiKey ", "Basic YWNtZTphY21l", "Bearer " + new string('e', 6000),
    ];

    /// <summary>Hostile frames for a scene's WebSocket: not JSON, binary, invalid UTF-8, wrong types and values, huge, deep,
    /// unknown commands, commands naming another tenant's scene.</summary>
    public static IEnumerable<(byte[] Frame, System.Net.WebSockets.WebSocketMessageType Type)> SocketFrames()
    {
        var text = System.Net.WebSockets.WebSocketMessageType.Text;
        string[] frames =
        [
            "", "{", "null", "[]", "42", "\"say\"", "{\"type\":null}", "{\"type\":42}", "{\"type\":\"launch-missiles\"}",
            "{\"type\":\"turn\"}",
            "{\"type\":\"converse\",\"turns\":-1}", "{\"type\":\"converse\",\"turns\":1e999}", "{\"type\":\"converse\",\"turns\":\"5\"}",
            "{\"type\":\"converse\",\"turns\":99999999999999999999}", "{\"type\":\"converse\",\"id\":{},\"turns\":1}",
            "{\"type\":\"say\"}", "{\"type\":\"say\",\"text\":42}", $"{{\"type\":\"say\",\"text\":\"{new string('x', 200_000)}\"}}",
            "{\"type\":\"say\",\"text\":\"hi\",\"idempotencyKey\":\"" + new string('k', 500) + "\"}",
            "{\"type\":\"say\",\"text\":\"hi\",\"next\":\"../../acme.fuzz-secret\"}",
            $"{{\"type\":\"say\",\"scene\":\"acme.{TwoTenantStudio.SecretWorld}/harbor-evening\",\"text\":\"hi\"}}",
            "{\"type\":\"next\",\"speaker\":\"nobody\"}", "{\"type\":\"trigger\",\"changes\":[{\"kind\":\"nonsense\"}]}",
            "{\"type\":\"trigger\",\"changes\":\"all\"}", DeepArray, DeepObject, "{\"type\":\"converse\",\"turns\":1,\"turns\":51}",
        ];
        foreach (var frame in frames)
        {
            yield return (Encoding.UTF8.GetBytes(frame), text);
        }
        yield return ([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D], text);
        yield return ([0x00, 0x01, 0x02, 0x03], System.Net.WebSockets.WebSocketMessageType.Binary);
        yield return (Encoding.UTF8.GetBytes("{\"type\":\"converse\",\"id\":\"c1\",\"idempotencyKey\":\"c1\",\"turns\":2}"), text);
    }

    /// <summary><paramref name="count"/> requests; the first pass gives every endpoint one plain request with a hostile id.</summary>
    public IEnumerable<FuzzRequest> Requests(int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            yield return Request(random, endpoints[i % endpoints.Length]);
        }
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static FuzzRequest Request(Random random, FuzzEndpoint endpoint)
    {
        var method = random.Next(10) == 0 ? Pick(random, Methods) : endpoint.Method;
        var path = System.Text.RegularExpressions.Regex.Replace(endpoint.Path, "\\{[^}]+\\}", _ => Pick(random, Ids));
        var query = endpoint.Query.Where(_ => random.Next(3) > 0).Select(q => $"{q}={Pick(random, QueryValues)}").ToList();
        if (random.Next(8) == 0)
        {
            query.Add($"{Pick(random, new[] { "tenant", "__proto__", "key", "debug" })}={Pick(random, QueryValues)}");
        }
        var headers = ImmutableArray.CreateBuilder<(string, string)>();
        if (method != "GET" || random.Next(4) == 0)
        {
            var suffix = random.Next(2) == 0 ? random.Next(1000).ToString(CultureInfo.InvariantCulture) : "";
            headers.Add(("Idempotency-Key", Pick(random, IdempotencyKeys) + suffix));
        }
        // Mostly tenant globex; sometimes no tenant at all, with a forged or expired credential instead.
        var asTenant = random.Next(6) > 0;
        if (!asTenant || random.Next(10) == 0)
        {
            headers.Add(("Authorization", Pick(random, Credentials)));
        }
        var (body, contentType) = endpoint.BodyProperties.IsDefault && random.Next(10) > 0 ? (null, null) : Body(random, endpoint);
        var pathAndQuery = path + (query.Count == 0 ? "" : "?" + string.Join('&', query));
        return new FuzzRequest(endpoint, method, pathAndQuery, headers.ToImmutable(), body, contentType, asTenant);
    }

    private static (byte[] Body, string? ContentType) Body(Random random, FuzzEndpoint endpoint)
    {
        var contentType = Pick(random, ContentTypes);
        var properties = endpoint.BodyProperties.IsDefaultOrEmpty ? ["key", "text", "turns"] : endpoint.BodyProperties;
        switch (random.Next(12))
        {
            case 0:
                return (Encoding.UTF8.GetBytes(Pick(random, new[] { "", "{", "null", "[]", "\"text\"", "{\"a\":1,}", "{'a':1}", "\0" })),
                    contentType);
            case 1:
                return (Encoding.UTF8.GetBytes(random.Next(2) == 0 ? DeepArray : DeepObject), contentType);
            case 2:
                // Invalid UTF-8 inside a string, and a lone continuation byte.
                return ([.. "{\""u8, .. Encoding.UTF8.GetBytes(properties[0]), .. "\":\""u8, 0xFF, 0xFE, 0xC0, 0xAF, 0x80, .. "\"}"u8],
                    contentType);
            case 3:
                return (Encoding.UTF8.GetBytes($"{{\"{properties[0]}\":\"{new string('z', 2 * 1024 * 1024)}\"}}"), contentType);
            default:
                var fields = properties.Where(_ => random.Next(3) > 0)
                    .Select(p => $"\"{p}\":{Pick(random, Fragments)}")
                    .Concat(random.Next(4) == 0 ? [$"\"{Pick(random, new[] { "unknown", "__proto__", "tenant", "$type" })}\":1"] : [])
                    .ToList();
                if (random.Next(6) == 0 && fields.Count > 0)
                {
                    fields.Add(fields[0]); // a field given twice
                }
                return (Encoding.UTF8.GetBytes("{" + string.Join(',', fields) + "}"), contentType);
        }
    }
}
