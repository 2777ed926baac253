using System.Collections.Immutable;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WorldPlay.Hosting;

/// <summary>How a client finds a cluster.</summary>
public enum ClientClusteringKind
{
    /// <summary>From the silos' membership table in Azure Storage.</summary>
    AzureTable,

    /// <summary>From a fixed list of gateway endpoints (one silo on Localhost clustering, or known addresses).</summary>
    Static,
}

/// <summary>A cluster as a client sees it, read from a cluster file such as <c>.worldplay/cluster.json</c>:
/// <code>{ "clustering": "AzureTable", "azureStorage": "...", "clusterId": "...", "serviceId": "..." }</code> or
/// <code>{ "clustering": "Static", "gateways": ["127.0.0.1:30000"], "clusterId": "...", "serviceId": "..." }</code>
/// Other fields (such as the <c>local</c> section <c>worldplay cluster up</c> writes) are left to their readers.</summary>
public sealed record ClusterFile(
    ClientClusteringKind Clustering,
    string? AzureStorage,
    ImmutableArray<string> Gateways,
    string ClusterId,
    string ServiceId)
{
    /// <summary>Reads and checks the cluster file at <paramref name="path"/>.</summary>
    /// <exception cref="ClusterFileException">The file is missing, not JSON, or a field is missing or wrong; the message names
    /// the file and every such field.</exception>
    public static ClusterFile Read(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new ClusterFileException(full, ["the file does not exist; start a local cluster with 'worldplay cluster up' " +
                "(it writes one), or write one as docs/operations.md shows"]);
        }
        Fields fields;
        try
        {
            using var document = JsonDocument.Parse(
                File.ReadAllText(full), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ClusterFileException(full,
                    ["it must hold one JSON object with the fields clustering, clusterId, serviceId and azureStorage or gateways"]);
            }
            fields = document.RootElement.Deserialize<Fields>(FieldsJson)!;
        }
        catch (JsonException e)
        {
            throw new ClusterFileException(full, [$"it is not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1})"]);
        }
        return fields.Check(full);
    }

    private static readonly JsonSerializerOptions FieldsJson = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The file's fields as written, each still JSON, so that every one that is wrong can be named with its value.</summary>
    private sealed record Fields(JsonNode? Clustering, JsonNode? AzureStorage, JsonNode? Gateways, JsonNode? ClusterId, JsonNode? ServiceId)
    {
        public ClusterFile Check(string file)
        {
            var problems = new List<string>();
            string? Text(string field, JsonNode? value, bool required)
            {
                switch (value)
                {
                    case null when required:
                        problems.Add($"field '{field}' is missing");
                        return null;
                    case null:
                        return null;
                    case JsonValue v when v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s):
                        return s.Trim();
                    default:
                        problems.Add($"field '{field}' must be a non-empty string");
                        return null;
                }
            }

            var clusteringText = Text("clustering", Clustering, required: true);
            ClientClusteringKind? clustering = null;
            if (clusteringText is not null)
            {
                if (Enum.TryParse<ClientClusteringKind>(clusteringText, ignoreCase: true, out var kind)
                    && !int.TryParse(clusteringText, out _))
                {
                    clustering = kind;
                }
                else
                {
                    problems.Add(
                        $"field 'clustering' is '{clusteringText}'; allowed: {string.Join(", ", Enum.GetNames<ClientClusteringKind>())}");
                }
            }
            var clusterId = Text("clusterId", ClusterId, required: true);
            var serviceId = Text("serviceId", ServiceId, required: true);
            var azureStorage = Text("azureStorage", AzureStorage, required: clustering == ClientClusteringKind.AzureTable);
            if (azureStorage is not null && AzureStorageAccount.Problem(azureStorage) is { } problem)
            {
                problems.Add($"field 'azureStorage' {problem.TrimEnd('.')}");
            }

            var gateways = ImmutableArray<string>.Empty;
            switch (Gateways)
            {
                case null when clustering == ClientClusteringKind.Static:
                    problems.Add("field 'gateways' is missing; Static clustering needs the gateway endpoints, e.g. [\"127.0.0.1:30000\"]");
                    break;
                case null:
                    break;
                case JsonArray array:
                    var builder = ImmutableArray.CreateBuilder<string>();
                    for (var i = 0; i < array.Count; i++)
                    {
                        if (array[i] is JsonValue v && v.TryGetValue<string>(out var s) && ParseEndpoint(s) is not null)
                        {
                            builder.Add(s.Trim());
                        }
                        else
                        {
                            problems.Add($"field 'gateways[{i}]' is {array[i]?.ToJsonString() ?? "null"}; " +
                                "a gateway is \"host:port\", e.g. \"127.0.0.1:30000\"");
                        }
                    }
                    gateways = builder.ToImmutable();
                    if (clustering == ClientClusteringKind.Static && array.Count == 0)
                    {
                        problems.Add("field 'gateways' is empty; Static clustering needs at least one gateway endpoint");
                    }
                    break;
                default:
                    problems.Add("field 'gateways' must be a list of \"host:port\" strings");
                    break;
            }

            if (problems.Count > 0)
            {
                throw new ClusterFileException(file, problems);
            }
            return new ClusterFile(clustering!.Value, azureStorage, gateways, clusterId!, serviceId!);
        }
    }

    /// <summary>The file's connection fields as JSON (a writer may add its own sections).</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["clustering"] = Clustering.ToString(),
            ["clusterId"] = ClusterId,
            ["serviceId"] = ServiceId,
        };
        if (AzureStorage is not null)
        {
            json["azureStorage"] = AzureStorage;
        }
        if (!Gateways.IsDefaultOrEmpty)
        {
            json["gateways"] = new JsonArray([.. Gateways.Select(g => (JsonNode)g)]);
        }
        return json;
    }

    /// <summary>Where the client looks for the cluster, without secrets.</summary>
    public string Describe() => Clustering == ClientClusteringKind.AzureTable
        ? $"cluster '{ClusterId}' through the membership table at {AzureStorageAccount.Connect(AzureStorage!).TableEndpoint}"
        : $"cluster '{ClusterId}' through the gateways {string.Join(", ", Gateways)}";

    /// <summary>"host:port" as host and port, or null when it is not that shape.</summary>
    internal static (string Host, int Port)? ParseEndpoint(string text)
    {
        var colon = text.Trim().LastIndexOf(':');
        if (colon <= 0
            || !int.TryParse(text.Trim()[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var port)
            || port is < 1 or > 65535)
        {
            return null;
        }
        var host = text.Trim()[..colon].Trim('[', ']');
        return host.Length == 0 ? null : (host, port);
    }

    internal static async Task<IPEndPoint> ResolveAsync(string gateway, CancellationToken cancellationToken)
    {
        var (host, port) = ParseEndpoint(gateway)!.Value;
        if (IPAddress.TryParse(host, out var ip))
        {
            return new IPEndPoint(ip, port);
        }
        var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
        return new IPEndPoint(addresses.First(), port);
    }
}

/// <summary>A cluster file cannot be used; the message names the file and every field that is wrong.</summary>
public sealed class ClusterFileException(string file, IReadOnlyList<string> problems)
    : Exception($"Cluster file '{file}': {string.Join("; ", problems)}.")
{
    public string File { get; } = file;

    public IReadOnlyList<string> Problems { get; } = [.. problems];
}
