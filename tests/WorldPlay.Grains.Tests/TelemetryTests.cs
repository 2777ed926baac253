using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Orleans.Diagnostics;
using Orleans.TestingHost;
using WorldPlay.Client;
using WorldPlay.Hosting;
using WorldPlay.Storage;

namespace WorldPlay.Grains.Tests;

[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests(TelemetryFixture fixture)
{
    private const string Application = ActivitySources.ApplicationGrainActivitySourceName;

    [Fact]
    public async Task Turn_OnePlayed_ChildSpansReachTheTurnThroughGrainCalls()
    {
        var spans = await PlayOneTurnTracedAsync();
        var turn = Assert.Single(spans, s => s.DisplayName == WorldPlayTelemetry.Spans.Turn);

        var paths = new[] { WorldPlayTelemetry.Spans.Perspective, WorldPlayTelemetry.Spans.Mind, WorldPlayTelemetry.Spans.WorldCommit }
            .Select(name => $"{name} <- {string.Join(" <- ", PathUp(Assert.Single(spans, s => s.DisplayName == name), turn, spans))}");

        Assert.Equal(
        [
            $"perspective <- {Application} ICharacterGrain/TakeTurn Server <- {Application} ICharacterGrain/TakeTurn Client <- " +
                "WorldPlay turn Internal",
            $"mind <- {Application} ICharacterGrain/TakeTurn Server <- {Application} ICharacterGrain/TakeTurn Client <- " +
                "WorldPlay turn Internal",
            $"world.commit <- {Application} IWorldGrain/Commit Server <- {Application} IWorldGrain/Commit Client <- " +
                "WorldPlay turn Internal",
        ], paths);
    }

    [Fact]
    public async Task Turn_OnePlayed_TurnSpanIsInTheCallersTrace()
    {
        var spans = await PlayOneTurnTracedAsync();
        var turn = Assert.Single(spans, s => s.DisplayName == WorldPlayTelemetry.Spans.Turn);
        var root = Assert.Single(spans, s => s.ParentSpanId == default);

        Assert.Equal(
            [$"{Application} ISceneGrain/Play Server", $"{Application} ISceneGrain/Play Client",
                $"{TelemetryFixture.TestSource.Name} test Internal"],
            PathUp(turn, root, spans));
    }

    [Fact]
    public async Task Tracing_OrleansRuntimeBackgroundWork_StartsNoTrace()
    {
        await PlayOneTurnTracedAsync();
        var runtimeSpansStarted = fixture.RuntimeSpansStarted;

        Assert.True(runtimeSpansStarted > 0, "Orleans did no runtime work while the fixture ran, so this test proves nothing.");
        // A turn calls no Orleans system interface, so every runtime span in this process is background work.
        Assert.DoesNotContain(fixture.Spans.Snapshot(), s => s.Source.Name == ActivitySources.RuntimeActivitySourceName);
    }

    [Fact]
    public async Task Metrics_AfterTurns_NoTagCarriesAWorldSceneOrCharacterId()
    {
        var (world, scene, definition) = await Scenes.OpenAsync(fixture.Client, userMind: null);
        await scene.SayAsync("Let me just charge my phone with electricity first.");
        var ids = definition.Entities.Select(e => e.Id.ToString()).ToHashSet();

        var tags = fixture.CollectMetrics().SelectMany(TagsOf).Distinct().ToList();

        Assert.Contains(new MetricTag(WorldPlayTelemetry.Metrics.ProposalsRejected, "law", "forbidden-concepts"), tags);
        Assert.DoesNotContain(tags, t => t.Value.Contains(world.Key, StringComparison.Ordinal)
            || t.Value.Contains(scene.Key, StringComparison.Ordinal) || ids.Contains(t.Value));
    }

    [Fact]
    public async Task Metrics_AfterTurns_EveryWorldPlayInstrumentReported()
    {
        // A person's line the laws refuse (proposals.rejected), and a few self-play turns, so characters' minds decide (mind.*,
        // perspective.tokens) in this test whatever else the collection's other tests did first.
        var (_, scene, _) = await Scenes.OpenAsync(fixture.Client, userMind: null);
        await scene.SayAsync("Let me just charge my phone with electricity first.");
        var (_, selfPlay, _) = await Scenes.OpenAsync(fixture.Client, seed: 31);
        await selfPlay.PlayThroughAsync(6, 6);

        string[] expected =
        [
            WorldPlayTelemetry.Metrics.TurnDuration, WorldPlayTelemetry.Metrics.EventsCommitted,
                WorldPlayTelemetry.Metrics.ProposalsRejected,
            WorldPlayTelemetry.Metrics.MindTokens, WorldPlayTelemetry.Metrics.PerspectiveTokens, WorldPlayTelemetry.Metrics.MindRetries,
            WorldPlayTelemetry.Metrics.MindRepairs, WorldPlayTelemetry.Metrics.MindParseFailures,
        ];
        // The exporter may still be handing over points recorded a moment ago: collect again while some are missing (a wait, not a timing).
        var reported = new HashSet<string>();
        for (var attempt = 0; attempt < 50 && expected.Except(reported).Any(); attempt++)
        {
            reported.UnionWith(fixture.CollectMetrics().Where(m => m.MeterName == WorldPlayTelemetry.Name).Select(m => m.Name));
            if (expected.Except(reported).Any())
            {
                await Task.Delay(100);
            }
        }
        Assert.Empty(expected.Except(reported));
    }

    /// <summary>Plays one turn under a span of the test's own and returns every span of that trace.</summary>
    private async Task<List<Activity>> PlayOneTurnTracedAsync()
    {
        var (_, scene, _) = await Scenes.OpenAsync(fixture.Client);
        ActivityTraceId trace;
        using (var root = TelemetryFixture.TestSource.StartActivity("test"))
        {
            Assert.NotNull(root);
            trace = root.TraceId;
            await scene.PlayAsync(1);
        }
        return fixture.SpansOf(trace);
    }

    /// <summary>The spans from <paramref name="span"/>'s parent up to <paramref name="ancestor"/>, each as "source name kind".</summary>
    private static List<string> PathUp(Activity span, Activity ancestor, List<Activity> spans)
    {
        var path = new List<string>();
        for (var at = span; at.SpanId != ancestor.SpanId;)
        {
            var parent = spans.FirstOrDefault(s => s.SpanId == at.ParentSpanId);
            if (parent is null)
            {
                path.Add($"(no recorded parent {at.ParentSpanId})");
                break;
            }
            path.Add($"{parent.Source.Name} {parent.DisplayName} {parent.Kind}");
            at = parent;
        }
        return path;
    }

    /// <summary>Every tag of every point of <paramref name="metric"/>, whichever meter it comes from.</summary>
    private static IEnumerable<MetricTag> TagsOf(MetricSnapshot metric)
    {
        foreach (var point in metric.MetricPoints)
        {
            foreach (var tag in point.Tags)
            {
                yield return new MetricTag(metric.Name, tag.Key, tag.Value?.ToString() ?? "");
            }
        }
    }

    private sealed record MetricTag(string Metric, string Key, string Value);
}

public sealed class TelemetryHostingTests
{
    [Fact]
    public async Task AddWorldPlayTelemetry_OtlpEndpointConfigured_ExportsSpansThere()
    {
        var port = WorldPlaySilo.FreePort();
        using var receiver = new HttpListener();
        receiver.Prefixes.Add($"http://127.0.0.1:{port}/");
        receiver.Start();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [WorldPlayTelemetryHosting.OtlpEndpointSetting] = $"http://127.0.0.1:{port}",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddWorldPlayTelemetry("worldplay-tests", configuration);
        await using var telemetry = services.BuildServiceProvider();
        var tracing = telemetry.GetRequiredService<TracerProvider>();
        var received = AnswerUntilTracesAsync(receiver);

        using (WorldPlayTelemetry.Source.StartActivity("otlp-probe"))
        {
        }
        tracing.ForceFlush();

        // The wait only keeps a broken exporter from hanging the run; nothing is measured.
        Assert.Equal("POST /v1/traces", await received.WaitAsync(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void AddWorldPlayTelemetry_NoResourceSettings_ServiceNamedAsGiven()
    {
        var resource = ResourceOf(new Dictionary<string, string?>());

        Assert.Equal("worldplay-tests", resource["service.name"]);
    }

    [Fact]
    public void AddWorldPlayTelemetry_ResourceSettings_WinOverTheGivenName()
    {
        var resource = ResourceOf(new Dictionary<string, string?>
        {
            ["OTEL_SERVICE_NAME"] = "worldplay-silo",
            ["OTEL_RESOURCE_ATTRIBUTES"] = "service.instance.id=silo2",
        });

        Assert.Equal(("worldplay-silo", "silo2"), (resource["service.name"], resource["service.instance.id"]));
    }

    /// <summary>The resource attributes a process configured with <paramref name="settings"/> reports.</summary>
    private static Dictionary<string, object> ResourceOf(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddWorldPlayTelemetry("worldplay-tests", configuration);
        using var telemetry = services.BuildServiceProvider();
        return telemetry.GetRequiredService<TracerProvider>().GetResource().Attributes.ToDictionary(a => a.Key, a => a.Value);
    }

    /// <summary>Answers OTLP requests with 200 until one carries traces; returns its method and path.</summary>
    private static async Task<string> AnswerUntilTracesAsync(HttpListener receiver)
    {
        while (true)
        {
            var context = await receiver.GetContextAsync();
            var request = $"{context.Request.HttpMethod} {context.Request.Url!.AbsolutePath}";
            context.Response.StatusCode = 200;
            context.Response.Close();
            if (request.EndsWith("/v1/traces", StringComparison.Ordinal))
            {
                return request;
            }
        }
    }
}

/// <summary>A two-silo cluster whose silos and client propagate trace context through grain calls, and one telemetry
/// pipeline (as <see cref="WorldPlayTelemetryHosting.AddWorldPlayTelemetry"/> configures it) that records every span and
/// metric of this process in memory. The silos and the client share the process, so one pipeline sees them all.</summary>
public sealed class TelemetryFixture : IAsyncLifetime
{
    /// <summary>The source of the spans a test starts around its calls, so that each test finds its own trace.</summary>
    public static readonly ActivitySource TestSource = new("WorldPlay.Tests");

    private readonly MemoryEventStore _store = new();
    private ServiceProvider _telemetry = null!;
    private ActivityListener _runtimeWatch = null!;
    private int _runtimeSpansStarted;

    public Recorded<Activity> Spans { get; } = new();

    public Recorded<MetricSnapshot> Metrics { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public WorldPlayClient Client => new(Cluster.Client);

    /// <summary>How many spans Orleans' runtime source has started, recorded or not.</summary>
    public int RuntimeSpansStarted => Volatile.Read(ref _runtimeSpansStarted);

    public async Task InitializeAsync()
    {
        // Watches the runtime source without asking for its spans to be recorded, so it does not change what is exported.
        _runtimeWatch = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ActivitySources.RuntimeActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
            ActivityStarted = _ => Interlocked.Increment(ref _runtimeSpansStarted),
        };
        ActivitySource.AddActivityListener(_runtimeWatch);

        var services = new ServiceCollection();
        // An empty configuration: no OTLP export from tests, whatever the machine's environment says.
        services.AddWorldPlayTelemetry("worldplay-tests", new ConfigurationBuilder().Build());
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(TestSource.Name).AddInMemoryExporter(Spans));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics));
        _telemetry = services.BuildServiceProvider();
        _telemetry.GetRequiredService<TracerProvider>();
        _telemetry.GetRequiredService<MeterProvider>();

        var builder = new InProcessTestClusterBuilder(2);
        var store = _store;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<IEventStore>(store);
            silo.AddWorldPlay().AddWorldPlayTracing();
        });
        builder.ConfigureClient(client => client.AddWorldPlay().AddWorldPlayTracing());
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <summary>The spans of one trace recorded so far.</summary>
    public List<Activity> SpansOf(ActivityTraceId trace) => [.. Spans.Snapshot().Where(s => s.TraceId == trace)];

    /// <summary>Every metric point recorded so far, collected now.</summary>
    public List<MetricSnapshot> CollectMetrics()
    {
        _telemetry.GetRequiredService<MeterProvider>().ForceFlush();
        return Metrics.Snapshot();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await _telemetry.DisposeAsync();
        _runtimeWatch.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class TelemetryCollection : ICollectionFixture<TelemetryFixture>
{
    public const string Name = "telemetry";
}

/// <summary>A collection exporters may add to from any thread while a test reads it.</summary>
public sealed class Recorded<T> : ICollection<T>
{
    private readonly List<T> _items = [];

    public int Count
    {
        get { lock (_items) { return _items.Count; } }
    }

    public bool IsReadOnly => false;

    public void Add(T item)
    {
        lock (_items) { _items.Add(item); }
    }

    public void Clear()
    {
        lock (_items) { _items.Clear(); }
    }

    public bool Contains(T item)
    {
        lock (_items) { return _items.Contains(item); }
    }

    public void CopyTo(T[] array, int arrayIndex)
    {
        lock (_items) { _items.CopyTo(array, arrayIndex); }
    }

    public bool Remove(T item)
    {
        lock (_items) { return _items.Remove(item); }
    }

    public List<T> Snapshot()
    {
        lock (_items) { return [.. _items]; }
    }

    public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
