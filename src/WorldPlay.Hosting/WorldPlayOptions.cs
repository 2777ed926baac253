using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using WorldPlay.Core;
using WorldPlay.Minds;

namespace WorldPlay.Hosting;

/// <summary>How the silos of a cluster find each other.</summary>
public enum ClusteringKind
{
    /// <summary>One silo on this machine; nothing outside the process.</summary>
    Localhost,

    /// <summary>A membership table in Azure Table storage (or Azurite); any number of silos.</summary>
    AzureTable,
}

/// <summary>Where grain state and timelines are kept.</summary>
public enum StorageKind
{
    /// <summary>In the silo's memory: lost when the silo stops.</summary>
    Memory,

    /// <summary>Azure Storage (or Azurite): grain state in Blob, timelines in Table (events) and Blob (snapshots).</summary>
    Azure,
}

/// <summary>The optional Orleans Dashboard, a web page served by the silo.</summary>
public sealed record DashboardSettings(bool Enabled, int Port);

/// <summary>The HTTP API and timeline viewer, served by the silo.</summary>
public sealed record HttpSettings(bool Enabled, int Port);

/// <summary>Which minds characters use: the mind behind the name <c>default</c>, and the language model the silo offers
/// (<c>openai:{model}</c> and its user simulators), if any.</summary>
public sealed record MindSettings(string Default, WorldPlay.Minds.Llm.LlmMindOptions? LanguageModel = null)
{
    /// <summary>The minds a silo with these settings offers, <c>default</c> aside.</summary>
    public MindCatalog Catalog() => LanguageModel is null ? new MindCatalog() : MindCatalog.WithLanguageModel(LanguageModel);
}

/// <summary>How a WorldPlay silo is hosted: the <c>WorldPlay</c> configuration section, read and checked by
/// <see cref="FromConfiguration"/>.</summary>
public sealed record WorldPlayOptions
{
    /// <summary>The configuration section these options are read from.</summary>
    public const string Section = "WorldPlay";

    /// <summary>The environment-variable prefix the silo host reads configuration from (WORLDPLAY_WorldPlay__Storage=Azure).</summary>
    public const string EnvironmentPrefix = "WORLDPLAY_";

    public ClusteringKind Clustering { get; init; } = ClusteringKind.Localhost;

    public StorageKind Storage { get; init; } = StorageKind.Memory;

    /// <summary>The Azure Storage connection string; needed by AzureTable clustering and Azure storage.</summary>
    public string? AzureStorage { get; init; }

    public string ClusterId { get; init; } = "worldplay";

    public string ServiceId { get; init; } = "worldplay";

    public int SiloPort { get; init; } = 11111;

    public int GatewayPort { get; init; } = 30000;

    /// <summary>The address other silos and clients reach this silo at (an IP or a host name); unset: Orleans picks
    /// this machine's first network address (AzureTable) or loopback (Localhost).</summary>
    public string? AdvertisedAddress { get; init; }

    public DashboardSettings Dashboard { get; init; } = new(false, 8080);

    public HttpSettings Http { get; init; } = new(false, 5080);

    public MindSettings Mind { get; init; } = new("procedural");

    /// <summary>Every key of the section: its default and what it means, for <c>--help</c> and the docs.</summary>
    public static ImmutableArray<ConfigurationKey> Keys { get; } =
    [
        new("Clustering", "Localhost", "How silos find each other: Localhost (one silo, no outside service) or AzureTable (a membership table in Azure Storage)."),
        new("Storage", "Memory", "Where grain state and timelines live: Memory (lost when the silo stops) or Azure (Azure Storage or Azurite)."),
        new("AzureStorage", "(none)", "Azure Storage connection string, needed by AzureTable and Azure. ConnectionStrings:AzureStorage is read too; this key wins."),
        new("ClusterId", "worldplay", "The cluster's id: silos with the same id form one cluster."),
        new("ServiceId", "worldplay", "The service's id: grain state is keyed by it, so it must stay the same across deployments."),
        new("SiloPort", "11111", "TCP port for silo-to-silo traffic."),
        new("GatewayPort", "30000", "TCP port clients connect to."),
        new("AdvertisedAddress", "(none)", "IP address or host name other silos and clients use to reach this silo (set it in containers). Unset: this machine's first network address (AzureTable) or 127.0.0.1 (Localhost)."),
        new("Dashboard:Enabled", "false", "Serve the Orleans Dashboard (no authentication: keep its port private)."),
        new("Dashboard:Port", "8080", "HTTP port of the dashboard, on every network interface."),
        new("Http:Enabled", "false", "Serve the HTTP API (/api, /openapi/v1.json) and the timeline viewer (/viewer); read-only, no authentication: keep its port private."),
        new("Http:Port", "5080", "HTTP port of the API and viewer, on every network interface (may equal Dashboard:Port: one server then serves both)."),
        new("Mind:Default", "procedural", "The mind a scene gets when it asks for the mind 'default' (scenes may also name a mind themselves); 'openai' stands for the configured model."),
        new("Mind:Endpoint", "(none)", "An OpenAI-compatible base address with its /v1 (OpenAI, Azure OpenAI, vLLM, Ollama, llama.cpp, LM Studio, 'worldplay fake-llm'); with Mind:Model, the silo offers the mind openai:{model}."),
        new("Mind:Model", "(none)", "The model the endpoint serves, for every character without a model of its own."),
        new("Mind:ApiKeyVariable", "OPENAI_API_KEY", "The environment variable holding the endpoint's API key (the key itself is never configured here, nor logged)."),
        new("Mind:MaxConcurrentRequests", "16", "Model calls in flight at once from this silo; more turns wait in a queue."),
        new("Mind:TimeoutSeconds", "60", "How long one model call may take before it is abandoned and retried."),
        new("Mind:Characters", "(none)", "A section of per-character models: Mind:Characters:<character id> = <model>, e.g. a cheaper model for minor characters."),
    ];

    /// <summary>Reads the <c>WorldPlay</c> section (and <c>ConnectionStrings:AzureStorage</c>) and checks it, reporting every
    /// problem at once.</summary>
    /// <exception cref="WorldPlayConfigurationException">Some value is missing, unknown or out of range.</exception>
    public static WorldPlayOptions FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var problems = new List<string>();
        var defaults = new WorldPlayOptions();

        foreach (var unknown in UnknownKeys(section))
        {
            problems.Add(unknown);
        }

        var options = new WorldPlayOptions
        {
            Clustering = Choice(section, "Clustering", defaults.Clustering, problems),
            Storage = Choice(section, "Storage", defaults.Storage, problems),
            AzureStorage = NonEmpty(section["AzureStorage"]) ?? NonEmpty(configuration.GetConnectionString("AzureStorage")),
            ClusterId = Id(section, "ClusterId", defaults.ClusterId, problems),
            ServiceId = Id(section, "ServiceId", defaults.ServiceId, problems),
            SiloPort = Port(section, "SiloPort", defaults.SiloPort, problems),
            GatewayPort = Port(section, "GatewayPort", defaults.GatewayPort, problems),
            AdvertisedAddress = NonEmpty(section["AdvertisedAddress"]),
            Dashboard = new DashboardSettings(
                Switch(section, "Dashboard:Enabled", defaults.Dashboard.Enabled, problems),
                Port(section, "Dashboard:Port", defaults.Dashboard.Port, problems)),
            Http = new HttpSettings(
                Switch(section, "Http:Enabled", defaults.Http.Enabled, problems),
                Port(section, "Http:Port", defaults.Http.Port, problems)),
            Mind = Minds(section, defaults.Mind.Default, problems),
        };
        problems.AddRange(options.Problems());
        if (problems.Count > 0)
        {
            throw new WorldPlayConfigurationException(problems);
        }
        return options;
    }

    /// <summary>Checks these options as a whole; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (AzureStorage is null && (Clustering == ClusteringKind.AzureTable || Storage == StorageKind.Azure))
        {
            var needs = Clustering == ClusteringKind.AzureTable && Storage == StorageKind.Azure
                ? "Clustering AzureTable and Storage Azure need"
                : Clustering == ClusteringKind.AzureTable ? "Clustering AzureTable needs" : "Storage Azure needs";
            problems.Add($"{needs} an Azure Storage connection string: set {Section}:AzureStorage " +
                $"(environment: {EnvironmentVariable("AzureStorage")}) or ConnectionStrings:AzureStorage.");
        }
        else if (AzureStorage is not null && AzureStorageAccount.Problem(AzureStorage) is { } problem)
        {
            problems.Add($"{Section}:AzureStorage {problem}");
        }
        if (SiloPort == GatewayPort)
        {
            problems.Add($"{Section}:SiloPort and {Section}:GatewayPort are both {SiloPort}; they need two different ports.");
        }
        if (Dashboard.Enabled && (Dashboard.Port == SiloPort || Dashboard.Port == GatewayPort))
        {
            problems.Add($"{Section}:Dashboard:Port {Dashboard.Port} is also the silo or gateway port; choose another.");
        }
        if (Http.Enabled && (Http.Port == SiloPort || Http.Port == GatewayPort))
        {
            problems.Add($"{Section}:Http:Port {Http.Port} is also the silo or gateway port; choose another.");
        }
        var minds = Mind.Catalog().Names;
        if (!minds.Contains(Mind.Default))
        {
            problems.Add($"{Section}:Mind:Default '{Mind.Default}' is not a known mind; known: {string.Join(", ", minds)}.");
        }
        return problems;
    }

    /// <summary>The environment variable the silo host reads <paramref name="key"/> (a key of the section) from.</summary>
    public static string EnvironmentVariable(string key) => $"{EnvironmentPrefix}{Section}__{key.Replace(":", "__", StringComparison.Ordinal)}";

    private static IEnumerable<string> UnknownKeys(IConfigurationSection section)
    {
        var known = Keys.Select(k => k.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var knownSections = known.Where(k => k.Contains(':', StringComparison.Ordinal)).Select(k => k[..k.IndexOf(':', StringComparison.Ordinal)]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        string[] names = [.. known, .. knownSections];
        foreach (var child in section.GetChildren())
        {
            if (knownSections.Contains(child.Key) && child.Value is not null)
            {
                yield return $"{Section}:{child.Key} is a section, not a value; set its keys: {string.Join(", ", Keys.Where(k => k.Key.StartsWith(child.Key + ":", StringComparison.OrdinalIgnoreCase)).Select(k => k.Path))}.";
                continue;
            }
            var keys = knownSections.Contains(child.Key)
                ? child.GetChildren().Select(c => $"{child.Key}:{c.Key}")
                : [child.Key];
            foreach (var key in keys.Where(k => !known.Contains(k)))
            {
                var nearest = names.MinBy(k => EditDistance.IgnoringCase(k, key))!;
                var hint = EditDistance.IgnoringCase(nearest, key) <= 3
                    ? $"; did you mean {Section}:{nearest}?"
                    : $"; known: {string.Join(", ", Keys.Select(k => k.Key))}.";
                yield return $"{Section}:{key} is not a WorldPlay setting{hint}";
            }
        }
    }

    private static MindSettings Minds(IConfigurationSection section, string fallback, List<string> problems)
    {
        var endpoint = NonEmpty(section["Mind:Endpoint"]);
        var model = NonEmpty(section["Mind:Model"]);
        var characters = section.GetSection("Mind:Characters").GetChildren().ToImmutableSortedDictionary(c => c.Key, c => c.Value ?? "", StringComparer.Ordinal);
        var defaultMind = NonEmpty(section["Mind:Default"]) ?? fallback;
        if (endpoint is null && model is null)
        {
            if (characters.Count > 0)
            {
                problems.Add($"{Section}:Mind:Characters needs a language model: set {Section}:Mind:Endpoint and {Section}:Mind:Model.");
            }
            return new MindSettings(defaultMind);
        }
        if (endpoint is null || model is null)
        {
            problems.Add($"{Section}:Mind:Endpoint and {Section}:Mind:Model go together; set both (or neither, for the procedural minds only).");
            return new MindSettings(defaultMind);
        }
        var limit = Number(section, "Mind:MaxConcurrentRequests", 16, problems);
        var timeout = Number(section, "Mind:TimeoutSeconds", 60, problems);
        try
        {
            var options = new WorldPlay.Minds.Llm.LlmMindOptions
            {
                Endpoint = Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
                    ? uri
                    : throw new ArgumentException($"{Section}:Mind:Endpoint '{endpoint}' is not an absolute address such as http://127.0.0.1:8080/v1."),
                Model = model,
                ApiKeyVariable = NonEmpty(section["Mind:ApiKeyVariable"]) ?? "OPENAI_API_KEY",
                MaxConcurrentRequests = limit,
                AttemptTimeout = TimeSpan.FromSeconds(timeout),
                CharacterModels = characters,
            };
            options.Validate();
            return new MindSettings(defaultMind == "openai" ? $"openai:{model}" : defaultMind, options);
        }
        catch (ArgumentException e)
        {
            problems.Add(e.Message.StartsWith(Section, StringComparison.Ordinal) ? e.Message : $"{Section}:Mind: {e.Message.Split(" (Parameter", 2)[0]}");
            return new MindSettings(defaultMind);
        }
    }

    private static int Number(IConfigurationSection section, string key, int fallback, List<string> problems)
    {
        if (NonEmpty(section[key]) is not { } text)
        {
            return fallback;
        }
        if (int.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return value;
        }
        problems.Add($"{Section}:{key} is '{text}'; it takes a whole number above 0.");
        return fallback;
    }

    private static T Choice<T>(IConfigurationSection section, string key, T fallback, List<string> problems)
        where T : struct, Enum
    {
        if (NonEmpty(section[key]) is not { } text)
        {
            return fallback;
        }
        if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && !int.TryParse(text, CultureInfo.InvariantCulture, out _))
        {
            return value;
        }
        problems.Add($"{Section}:{key} is '{text}'; allowed: {string.Join(", ", Enum.GetNames<T>())}.");
        return fallback;
    }

    private static int Port(IConfigurationSection section, string key, int fallback, List<string> problems)
    {
        if (NonEmpty(section[key]) is not { } text)
        {
            return fallback;
        }
        if (int.TryParse(text, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535)
        {
            return port;
        }
        problems.Add($"{Section}:{key} is '{text}'; a port is a whole number from 1 to 65535.");
        return fallback;
    }

    private static bool Switch(IConfigurationSection section, string key, bool fallback, List<string> problems)
    {
        if (NonEmpty(section[key]) is not { } text)
        {
            return fallback;
        }
        if (bool.TryParse(text, out var value))
        {
            return value;
        }
        problems.Add($"{Section}:{key} is '{text}'; allowed: true, false.");
        return fallback;
    }

    private static string Id(IConfigurationSection section, string key, string fallback, List<string> problems)
    {
        if (NonEmpty(section[key]) is not { } text)
        {
            return fallback;
        }
        // Orleans stores these in Azure Table keys, which refuse / \ # ? and control characters.
        if (text.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)))
        {
            problems.Add($"{Section}:{key} is '{text}'; it may not contain / \\ # ? or control characters.");
            return fallback;
        }
        return text;
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>One configuration key of the <c>WorldPlay</c> section.</summary>
public sealed record ConfigurationKey(string Key, string Default, string Meaning)
{
    /// <summary>The key with its section, as in appsettings.json paths and command-line arguments.</summary>
    public string Path => $"{WorldPlayOptions.Section}:{Key}";

    /// <summary>The environment variable form.</summary>
    public string EnvironmentVariable => WorldPlayOptions.EnvironmentVariable(Key);
}

/// <summary>The WorldPlay configuration cannot be used; <see cref="Exception.Message"/> has one line per problem.</summary>
public sealed class WorldPlayConfigurationException(IReadOnlyList<string> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = [.. problems];
}
