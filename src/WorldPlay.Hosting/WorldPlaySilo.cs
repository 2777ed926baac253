using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using WorldPlay.Contracts;
using WorldPlay.Core.Minds;
using WorldPlay.Grains;
using WorldPlay.Minds;
using WorldPlay.Storage;

namespace WorldPlay.Hosting;

/// <summary>Configures a silo to host WorldPlay: clustering, grain storage, the timeline event store, minds and serialization.</summary>
public static class WorldPlaySilo
{
    /// <summary>Adds WorldPlay to a silo with the embedded defaults: in-memory storage and the procedural minds.
    /// Clustering is left to the caller.</summary>
    public static ISiloBuilder AddWorldPlay(this ISiloBuilder silo)
    {
        silo.AddMemoryGrainStorage(WorldPlayStorage.Grains);
        // Grain state holds core types that only the Orleans serializer (with the core's JSON codec) knows how to write.
        silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        silo.Services.TryAddSingleton<IEventStore, MemoryEventStore>();
        AddMindsAndSerialization(silo, new WorldPlayOptions().Mind);
        AddTurnGate(silo, TurnGateLimits.ForThisMachine());
        return silo;
    }

    /// <summary>Configures a whole silo from <paramref name="options"/>: clustering and endpoints, grain storage, the event
    /// store, minds, and a storage check that ends the start with a <see cref="StorageUnreachableException"/> before the silo
    /// joins its cluster when the configured storage does not answer.</summary>
    /// <exception cref="WorldPlayConfigurationException">The options do not hold together.</exception>
    public static ISiloBuilder AddWorldPlay(this ISiloBuilder silo, WorldPlayOptions options)
    {
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new WorldPlayConfigurationException(problems);
        }
        var account = options.AzureStorage is { } connectionString ? AzureStorageAccount.Connect(connectionString) : null;

        silo.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = options.ClusterId;
            cluster.ServiceId = options.ServiceId;
        });
        if (options.Clustering == ClusteringKind.AzureTable)
        {
            silo.UseAzureStorageClustering(clustering => clustering.TableServiceClient = account!.Tables);
            ConfigureEndpoints(silo, options);
            if (options.Kubernetes)
            {
                // After the endpoints: the pod's name, IP and ids (POD_*, ORLEANS_* variables) win over the configured ones.
                silo.UseKubernetesHosting();
            }
        }
        else
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
            if (options.AdvertisedAddress is not null)
            {
                ConfigureEndpoints(silo, options);
            }
        }

        return silo.AddWorldPlayServices(options);
    }

    /// <summary>Adds WorldPlay's storage, minds and serialization as <paramref name="options"/> say, without clustering or endpoints
    /// (for hosts that configure those themselves, such as test clusters).</summary>
    public static ISiloBuilder AddWorldPlayServices(this ISiloBuilder silo, WorldPlayOptions options)
    {
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new WorldPlayConfigurationException(problems);
        }
        // A turn waits on storage: a few quick retries, then the turn is interrupted and the caller retries it,
        // rather than the SDK's default of retrying for over a minute while the player waits.
        var account = options.AzureStorage is { } connectionString
            ? AzureStorageAccount.Connect(connectionString, retries: StorageRetries, metered: true)
            : null;
        if (options.Storage == StorageKind.Azure)
        {
            // Blob, not Table: a character's record keeps every event number it witnessed and grows with the session, and
            // a world's record holds its whole definition; Table entities stop at 1 MB, blobs do not.
            // Orleans' own serializer, the one grain calls use, already knows every core type; the JSON default does not.
            silo.AddAzureBlobGrainStorage(WorldPlayStorage.Grains, blob => blob.Configure<Serializer>((o, serializer) =>
            {
                o.BlobServiceClient = account!.Blobs;
                o.ContainerName = "worldplay-grains";
                o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            }));
            silo.Services.AddSingleton<IEventStore>(_ => EventStore(account!));
        }
        else
        {
            silo.AddMemoryGrainStorage(WorldPlayStorage.Grains);
            silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
            silo.Services.TryAddSingleton<IEventStore, MemoryEventStore>();
        }

        silo.Services.AddSingleton(options);
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, StorageReachability>();
        AddMindsAndSerialization(silo, options.Mind);
        AddTurnGate(silo, options.TurnGate.Limits());
        if (options.Mind.LanguageModel is not null)
        {
            AllowModelTurns(silo);
        }
        return silo;
    }

    /// <summary>How often the silo's Azure clients retry one storage request before the turn waiting on it is interrupted.</summary>
    public const int StorageRetries = 3;

    /// <summary>Checks that the storage <paramref name="options"/> name answers before any host is built, so a silo host can
    /// end with one line and no Orleans log. <see cref="AddWorldPlay(ISiloBuilder, WorldPlayOptions)"/> runs the same check
    /// first thing at silo start, for hosts that skip this call.</summary>
    /// <exception cref="StorageUnreachableException">Some storage did not answer; the message is one line.</exception>
    public static Task CheckStorageAsync(WorldPlayOptions options, CancellationToken cancellationToken = default) =>
        options.AzureStorage is { } connectionString && options.Storage == StorageKind.Azure
            ? StorageReachability.CheckAsync(options, EventStore(AzureStorageAccount.Connect(connectionString)), cancellationToken)
            : StorageReachability.CheckAsync(options, new MemoryEventStore(), cancellationToken);

    /// <summary>One line for people starting a silo: what it connected to (without secrets), its ports and address.</summary>
    public static string Describe(WorldPlayOptions options, SiloAddress? address = null)
    {
        var account = options.AzureStorage is { } cs ? AzureStorageAccount.Connect(cs) : null;
        var clustering = options.Clustering == ClusteringKind.AzureTable
            ? $"AzureTable membership at {account!.TableEndpoint}"
            : "Localhost (this silo only)";
        var storage = options.Storage == StorageKind.Azure
            ? $"Azure (grain state: blobs at {account!.BlobEndpoint}; timelines: tables at {account.TableEndpoint})"
            : "in memory (lost when the silo stops)";
        var model = options.Mind.LanguageModel is { } llm
            ? $" (model {llm.Model} at " +
                $"{llm.Endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.Unescaped)})"
            : "";
        var dashboard = options.Dashboard.Enabled ? $"on port {options.Dashboard.Port}" : "off";
        var at = address is null ? "" : $" at {address.Endpoint}";
        var pod = options.Kubernetes ? " (Kubernetes pod)" : "";
        return $"WorldPlay silo{at}{pod} is up: cluster '{options.ClusterId}', service '{options.ServiceId}'; clustering {clustering}; " +
            $"storage {storage}; silo port {options.SiloPort}, gateway port {options.GatewayPort}; " +
            $"minds: {options.Mind.Default}{model}; dashboard {dashboard}; " +
            $"HTTP API and viewer {(options.Http.Enabled ? $"on port {options.Http.Port} (/viewer, /openapi/v1.json)" : "off")}.";
    }

    /// <summary>Starts a one-silo cluster inside this process (localhost clustering on free ports, in-memory storage,
    /// procedural minds, the turn gate <paramref name="turnGate"/> or this machine's default). This is what the CLI runs when no
    /// cluster is given.</summary>
    public static async Task<IHost> StartEmbeddedAsync(
        LogLevel logLevel = LogLevel.Warning,
        CancellationToken cancellationToken = default,
        WorldPlay.Minds.Llm.LlmMindOptions? languageModel = null,
        IMindCatalog? minds = null,
        TurnGateLimits? turnGate = null)
    {
        var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging
                .SetMinimumLevel(logLevel)
                // Orleans notes about GC modes and lifecycle timing are for operators of real clusters, not for one CLI run.
                .AddFilter("Orleans", LogLevel.Error))
            .UseOrleans(silo => silo
                .UseLocalhostClustering(siloPort: FreePort(), gatewayPort: FreePort())
                .AddLanguageModel(languageModel)
                // A caller's own catalog (the bench adds user simulators for situations read from a file) wins over the defaults.
                .ConfigureServices(services => { if (minds is not null) { services.AddSingleton(minds); } })
                .ConfigureServices(services => { if (turnGate is not null) { services.AddSingleton(new TurnGate(turnGate)); } })
                .AddWorldPlay()
                .AddWorldPlayTracing())
            .ConfigureServices(services => services.AddWorldPlayTelemetryWhenExported("worldplay-embedded"))
            .Build();
        await host.StartAsync(cancellationToken);
        return host;
    }

    /// <summary>A TCP port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static AzureEventStore EventStore(AzureStorageAccount account) => new(account.Tables, account.Blobs);

    /// <summary>Offers the minds of a language model (besides the procedural ones) when <paramref name="options"/> is given.</summary>
    public static ISiloBuilder AddLanguageModel(this ISiloBuilder silo, WorldPlay.Minds.Llm.LlmMindOptions? options)
    {
        if (options is not null)
        {
            options.Validate();
            silo.Services.AddSingleton<IMindCatalog>(MindCatalog.WithLanguageModel(options));
            AllowModelTurns(silo);
        }
        return silo;
    }

    /// <summary>How long a grain call may take on a silo whose minds call a model: one turn may wait out several model calls
    /// (each up to the mind's timeout, with retries and a repair), far past Orleans' default of 30 s.</summary>
    public static readonly TimeSpan ModelTurnTimeout = TimeSpan.FromMinutes(5);

    private static void AllowModelTurns(ISiloBuilder silo) =>
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = ModelTurnTimeout);

    /// <summary>The silo's turn gate, unless the host registered its own first.</summary>
    private static void AddTurnGate(ISiloBuilder silo, TurnGateLimits limits) => silo.Services.TryAddSingleton(_ => new TurnGate(limits));

    private static void AddMindsAndSerialization(ISiloBuilder silo, MindSettings minds)
    {
        silo.Services.TryAddSingleton<IMindCatalog>(_ => new ConfiguredMindCatalog(minds.Catalog(), minds.Default));
        silo.Services.AddSerializer(serializer => serializer.AddWorldPlayCoreTypes());
        // A mind's failure (MindUnavailableException and its reason) crosses grain calls as itself, not as a generic fallback.
        silo.Services.Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("WorldPlay.Minds"));
    }

    private static void ConfigureEndpoints(ISiloBuilder silo, WorldPlayOptions options)
    {
        if (options.AdvertisedAddress is null)
        {
            silo.ConfigureEndpoints(options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
        }
        else if (IPAddress.TryParse(options.AdvertisedAddress, out var ip))
        {
            silo.ConfigureEndpoints(ip, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(ip));
        }
        else
        {
            // A host name (a compose service name, a pod's DNS name): resolved once, at start.
            silo.ConfigureEndpoints(
                options.AdvertisedAddress,
                options.SiloPort,
                options.GatewayPort,
                AddressFamily.InterNetwork,
                listenOnAnyHostAddress: true);
        }
    }
}
