using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using WorldPlay.Core;
using WorldPlay.Grains;
using WorldPlay.Minds;
using WorldPlay.Minds.Llm;

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

/// <summary>The silo's turn gate (<see cref="TurnGate"/>): turns running at once, turns that may wait for a slot, and how long one
/// may wait before it is refused as busy. The defaults scale with the machine's processors.</summary>
public sealed record TurnGateSettings
{
    public int MaxRunning { get; init; } = TurnGateLimits.ForThisMachine().MaxRunning;

    public int MaxWaiting { get; init; } = TurnGateLimits.ForThisMachine().MaxWaiting;

    public int MaxWaitMs { get; init; } = (int)TurnGateLimits.ForThisMachine().MaxWait.TotalMilliseconds;

    /// <summary>These settings as the gate takes them.</summary>
    public TurnGateLimits Limits() => new(MaxRunning, MaxWaiting, TimeSpan.FromMilliseconds(MaxWaitMs));
}

/// <summary>Which minds characters use: the mind behind the name <c>default</c>, and the language model the silo offers
/// (<c>openai:{model}</c> and its user simulators), if any.</summary>
public sealed record MindSettings(string Default, LlmMindOptions? LanguageModel = null)
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

    private const string Characters = "Mind:Characters";

    private const string Tenants = "Studio:Tenants";

    private const string PortRange = "a port is a whole number from 1 to 65535.";

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

    /// <summary>Run as a pod of a Kubernetes Deployment: Orleans' Kubernetes hosting takes the silo's name, address and
    /// cluster ids from the pod (deploy/k8s sets them) and deletes the pods of silos the cluster declared dead.</summary>
    public bool Kubernetes { get; init; }

    public DashboardSettings Dashboard { get; init; } = new(false, 8080);

    public HttpSettings Http { get; init; } = new(false, 5080);

    public MindSettings Mind { get; init; } = new("procedural");

    public TurnGateSettings TurnGate { get; init; } = new();

    /// <summary>Every key of the section: its default and what it means, for <c>--help</c> and the docs.</summary>
    public static ImmutableArray<ConfigurationKey> Keys { get; } =
    [
        new("Clustering", "Localhost",
            "How silos find each other: Localhost (one silo, no outside service) or AzureTable (a membership table in Azure Storage)."),
        new("Storage", "Memory",
            "Where grain state and timelines live: Memory (lost when the silo stops) or Azure (Azure Storage or Azurite)."),
        new("AzureStorage", "(none)",
            "Azure Storage connection string, needed by AzureTable and Azure. ConnectionStrings:AzureStorage is read too; this key wins."),
        new("ClusterId", "worldplay", "The cluster's id: silos with the same id form one cluster."),
        new("ServiceId", "worldplay", "The service's id: grain state is keyed by it, so it must stay the same across deployments."),
        new("SiloPort", "11111", "TCP port for silo-to-silo traffic."),
        new("GatewayPort", "30000", "TCP port clients connect to."),
        new("AdvertisedAddress", "(none)",
            "IP address or host name other silos and clients use to reach this silo (set it in containers). " +
            "Unset: this machine's first network address (AzureTable) or 127.0.0.1 (Localhost)."),
        new("Kubernetes", "false",
            "Run as a pod (deploy/k8s): name, address and ids from the pod's POD_* and ORLEANS_* variables, dead silos' pods " +
            "deleted. Needs Clustering AzureTable."),
        new("Dashboard:Enabled", "false", "Serve the Orleans Dashboard (no authentication: keep its port private)."),
        new("Dashboard:Port", "8080", "HTTP port of the dashboard, on every network interface."),
        new("Http:Enabled", "false",
            "Serve the HTTP API (/api, /openapi/v1.json), the studio API and the timeline viewer (/viewer); callers need an API " +
            "key or a player token (Studio:KeysFile or Studio:Tenants), unless Studio:Development is on."),
        new("Http:Port", "5080",
            "HTTP port of the API and viewer, on every network interface (may equal Dashboard:Port: one server then serves both)."),
        new("Mind:Default", "procedural",
            "The mind a scene gets when it asks for the mind 'default' (scenes may also name a mind themselves); " +
            "'openai' stands for the configured model."),
        new("Mind:Endpoint", "(none)",
            "An OpenAI-compatible base address with its /v1 (OpenAI, Azure OpenAI, vLLM, Ollama, llama.cpp, LM Studio, " +
            "'worldplay fake-llm'); with Mind:Model, the silo offers the mind openai:{model}."),
        new("Mind:Model", "(none)", "The model the endpoint serves, for every character without a model of its own."),
        new("Mind:ApiKeyVariable", "OPENAI_API_KEY",
            "The environment variable holding the endpoint's API key (the key itself is never configured here, nor logged)."),
        new("Mind:MaxConcurrentRequests", "16", "Model calls in flight at once from this silo; more turns wait in a queue."),
        new("Mind:TimeoutSeconds", "60", "How long one model call may take before it is abandoned and retried."),
        new(Characters, "(none)",
            "A section of per-character models: Mind:Characters:<character id> = <model>, e.g. a cheaper model for minor characters."),
        new("TurnGate:MaxRunning", "4 x processors",
            "Turns this silo runs at once; more wait in line, first come first served (a turn waiting on a model gives its slot back)."),
        new("TurnGate:MaxWaiting", "64 x processors",
            "Turns that may wait for a slot; one more is refused at once: busy, retry after (503 with Retry-After on the API)."),
        new("TurnGate:MaxWaitMs", "2000", "How long a turn may wait for a slot before it is refused as busy, in milliseconds."),
        new("Studio:Development", "false",
            "Serve the studio and read API without credentials, as tenant 'dev' with every scope: for development only."),
        new("Studio:KeysFile", "(none)",
            "A keys file written by 'worldplay keys new': the tenants' API key hashes and the token signing key."),
        new("Studio:TokenSigningKey", "(none)",
            "Base64 key (32 bytes or more) player tokens are signed with; every silo of a cluster needs the same. Wins over the " +
            "keys file's."),
        new(Tenants, "(none)",
            "A section of tenants' API key hashes: Studio:Tenants:<tenant>:Keys:0 = sha256:<64 hex digits> (never a key itself)."),
    ];

    // What a key's text may be, checked before binding: the binder stops at the first value it cannot convert (one mistake
    // would hide the rest), its message names CLR types, and it reads "1" as an enum member and "0x10" as a number.
    private static readonly Dictionary<string, (Func<string, bool> Reads, string Takes)> Formats = new()
    {
        ["Clustering"] = (IsName<ClusteringKind>, $"allowed: {string.Join(", ", Enum.GetNames<ClusteringKind>())}."),
        ["Storage"] = (IsName<StorageKind>, $"allowed: {string.Join(", ", Enum.GetNames<StorageKind>())}."),
        ["SiloPort"] = (IsPort, PortRange),
        ["GatewayPort"] = (IsPort, PortRange),
        ["Kubernetes"] = (IsSwitch, "allowed: true, false."),
        ["Dashboard:Enabled"] = (IsSwitch, "allowed: true, false."),
        ["Dashboard:Port"] = (IsPort, PortRange),
        ["Http:Enabled"] = (IsSwitch, "allowed: true, false."),
        ["Http:Port"] = (IsPort, PortRange),
        ["Studio:Development"] = (IsSwitch, "allowed: true, false."),
        ["TurnGate:MaxRunning"] = (text => IsAtLeast(text, 1), "it takes a whole number above 0."),
        ["TurnGate:MaxWaiting"] = (text => IsAtLeast(text, 0), "it takes a whole number, 0 or more."),
        ["TurnGate:MaxWaitMs"] = (text => IsAtLeast(text, 0), "it takes a whole number of milliseconds, 0 or more."),
    };

    /// <summary>Reads the <c>WorldPlay</c> section (and <c>ConnectionStrings:AzureStorage</c>) and checks it, reporting every
    /// problem at once.</summary>
    /// <exception cref="WorldPlayConfigurationException">Some value is missing, unknown or out of range.</exception>
    public static WorldPlayOptions FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var problems = UnknownKeys(section).ToList();
        // A blank key counts as unset; a character's model is taken as written, so a blank one fails as no model name.
        var given = Keys.Where(k => k.Key is not (Characters or Tenants)).Select(k => (k.Key, Text: Trimmed(section[k.Key])))
            .Concat(section.GetSection(Characters).GetChildren().Select(c => ($"{Characters}:{c.Key}", Text: (string?)(c.Value ?? ""))));
        var readable = new Dictionary<string, string?>();
        foreach (var (key, text) in given.Where(v => v.Text is not null))
        {
            if (Formats.TryGetValue(key, out var format) && !format.Reads(text!))
            {
                problems.Add($"{Section}:{key} is '{text}'; {format.Takes}");
                continue;
            }
            readable[key] = text;
        }
        var mind = Bind<MindSection>(readable, "Mind") ?? new();
        // The studio keys are checked here for their names only; WorldPlay.Web's StudioConfiguration reads and checks their values.
        var options = Bind<WorldPlayOptions>(readable.Where(v => !v.Key.StartsWith("Mind:", StringComparison.Ordinal)
            && !v.Key.StartsWith("Studio:", StringComparison.Ordinal))) ?? new();
        options = options with
        {
            AzureStorage = options.AzureStorage ?? Trimmed(configuration.GetConnectionString("AzureStorage")),
            Mind = mind.Settings(problems),
        };
        problems.AddRange(options.Problems());
        return problems.Count > 0 ? throw new WorldPlayConfigurationException(problems) : options;
    }

    /// <summary>Checks these options as a whole (see <see cref="WorldPlayOptionsValidator"/>); empty when they are usable.</summary>
    public IReadOnlyList<string> Problems() => [.. new WorldPlayOptionsValidator().Validate(null, this).Failures ?? []];

    /// <summary>The environment variable the silo host reads <paramref name="key"/> (a key of the section) from.</summary>
    public static string EnvironmentVariable(string key) =>
        $"{EnvironmentPrefix}{Section}__{key.Replace(":", "__", StringComparison.Ordinal)}";

    // Only known keys reach the binder (UnknownKeys names the others); ErrorOnUnknownConfiguration keeps these types and Keys in step.
    private static T? Bind<T>(IEnumerable<KeyValuePair<string, string?>> values, string? under = null)
    {
        IConfiguration bound = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return (under is null ? bound : bound.GetSection(under)).Get<T>(binder => binder.ErrorOnUnknownConfiguration = true);
    }

    private static IEnumerable<string> UnknownKeys(IConfigurationSection section)
    {
        var known = Keys.Select(k => k.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var sections = known.Where(k => k.Contains(':', StringComparison.Ordinal)).Select(k => k.Split(':')[0])
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        string[] names = [.. known, .. sections];
        foreach (var child in section.GetChildren())
        {
            if (sections.Contains(child.Key) && child.Value is not null)
            {
                var keys = Keys.Where(k => k.Key.StartsWith(child.Key + ":", StringComparison.OrdinalIgnoreCase)).Select(k => k.Path);
                yield return $"{Section}:{child.Key} is a section, not a value; set its keys: {string.Join(", ", keys)}.";
                continue;
            }
            var keysGiven = sections.Contains(child.Key) ? child.GetChildren().Select(c => $"{child.Key}:{c.Key}") : [child.Key];
            foreach (var key in keysGiven.Where(k => !known.Contains(k)))
            {
                var nearest = names.MinBy(k => EditDistance.IgnoringCase(k, key))!;
                var hint = EditDistance.IgnoringCase(nearest, key) <= 3
                    ? $"; did you mean {Section}:{nearest}?"
                    : $"; known: {string.Join(", ", Keys.Select(k => k.Key))}.";
                yield return $"{Section}:{key} is not a WorldPlay setting{hint}";
            }
        }
    }

    private static bool IsName<T>(string text)
        where T : struct, Enum =>
        Enum.TryParse<T>(text, ignoreCase: true, out _) && !int.TryParse(text, CultureInfo.InvariantCulture, out _);

    private static bool IsPort(string text) =>
        int.TryParse(text, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535;

    private static bool IsSwitch(string text) => bool.TryParse(text, out _);

    private static bool IsAtLeast(string text, int least) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= least;

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The <c>Mind</c> keys as configured; <see cref="MindSettings"/> is what they mean.</summary>
    private sealed record MindSection(
        string Default = "procedural", string? Endpoint = null, string? Model = null, string ApiKeyVariable = "OPENAI_API_KEY",
        string? MaxConcurrentRequests = null, string? TimeoutSeconds = null, Dictionary<string, string>? Characters = null)
    {
        // Rules of the keys as written (two that go together, a map that needs a model, numbers read only beside a model);
        // a model that cannot work leaves the procedural minds, which the default mind is then checked against.
        public MindSettings Settings(List<string> problems)
        {
            if (Endpoint is null && Model is null)
            {
                if (Characters is { Count: > 0 })
                {
                    problems.Add($"{Section}:{WorldPlayOptions.Characters} needs a language model: " +
                        $"set {Section}:Mind:Endpoint and {Section}:Mind:Model.");
                }
                return new MindSettings(Default);
            }
            if (Endpoint is null || Model is null)
            {
                problems.Add($"{Section}:Mind:Endpoint and {Section}:Mind:Model go together; " +
                    "set both (or neither, for the procedural minds only).");
                return new MindSettings(Default);
            }
            var limit = Positive(nameof(MaxConcurrentRequests), MaxConcurrentRequests, 16, problems);
            var timeout = Positive(nameof(TimeoutSeconds), TimeoutSeconds, 60, problems);
            if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var endpoint))
            {
                problems.Add($"{Section}:Mind:Endpoint '{Endpoint}' is not an absolute address such as http://127.0.0.1:8080/v1.");
                return new MindSettings(Default);
            }
            var model = new LlmMindOptions
            {
                Endpoint = endpoint,
                Model = Model,
                ApiKeyVariable = ApiKeyVariable,
                MaxConcurrentRequests = limit,
                AttemptTimeout = TimeSpan.FromSeconds(timeout),
                CharacterModels = (Characters ?? []).ToImmutableSortedDictionary(StringComparer.Ordinal),
            };
            try
            {
                model.Validate();
                return new MindSettings(Default == "openai" ? $"openai:{Model}" : Default, model);
            }
            catch (ArgumentException e)
            {
                problems.Add($"{Section}:Mind: {e.Message.Split(" (Parameter", 2)[0]}");
                return new MindSettings(Default);
            }
        }

        private static int Positive(string key, string? text, int fallback, List<string> problems)
        {
            if (text is null)
            {
                return fallback;
            }
            if (int.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > 0)
            {
                return value;
            }
            problems.Add($"{Section}:Mind:{key} is '{text}'; it takes a whole number above 0.");
            return fallback;
        }
    }
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
