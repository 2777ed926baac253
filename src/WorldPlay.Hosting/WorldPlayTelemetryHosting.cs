using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Diagnostics;
using WorldPlay.Grains;

namespace WorldPlay.Hosting;

/// <summary>OpenTelemetry for WorldPlay processes (silos, clients, the CLI): WorldPlay's and Orleans' traces and metrics,
/// exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.</summary>
public static class WorldPlayTelemetryHosting
{
    /// <summary>The setting (configuration key or environment variable) that switches OTLP export on.</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The activity sources traced: WorldPlay's turns; Orleans' grain calls (application and runtime), grain
    /// activations and grain-storage operations.</summary>
    public static readonly IReadOnlyList<string> TracedSources =
    [
        WorldPlayTelemetry.Name,
        ActivitySources.ApplicationGrainActivitySourceName,
        ActivitySources.RuntimeActivitySourceName,
        ActivitySources.LifecycleActivitySourceName,
        ActivitySources.StorageActivitySourceName,
    ];

    /// <summary>The meters collected: WorldPlay's and Orleans' runtime meter (Orleans names it in <c>OrleansInstruments</c>
    /// without a public constant).</summary>
    public static readonly IReadOnlyList<string> CollectedMeters = [WorldPlayTelemetry.Name, "Microsoft.Orleans"];

    /// <summary>Adds OpenTelemetry tracing and metrics for WorldPlay and Orleans, with <paramref name="serviceName"/> as the
    /// resource's service name unless <c>OTEL_SERVICE_NAME</c> or <c>OTEL_RESOURCE_ATTRIBUTES</c> name it otherwise. OTLP
    /// export is added only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set in <paramref name="configuration"/> (or, without
    /// one, in the environment); the exporter reads its endpoint, protocol and headers from the standard
    /// <c>OTEL_EXPORTER_OTLP_*</c> settings. Grain-call spans also need <see cref="AddWorldPlayTracing(ISiloBuilder)"/> on the
    /// silo and <see cref="AddWorldPlayTracing(IClientBuilder)"/> on the client.</summary>
    public static IServiceCollection AddWorldPlayTelemetry(
        this IServiceCollection services, string serviceName, IConfiguration? configuration = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        var endpoint = configuration is null ? Environment.GetEnvironmentVariable(OtlpEndpointSetting) : configuration[OtlpEndpointSetting];
        var export = !string.IsNullOrWhiteSpace(endpoint);
        services.AddOpenTelemetry()
            // The standard OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES still win over the name given here, so a deployment
            // can name its processes (compose gives each silo its own service.instance.id).
            .ConfigureResource(resource => resource
                .AddService(serviceName, serviceVersion: WorldPlayTelemetry.Version)
                .AddEnvironmentVariableDetector())
            .WithTracing(tracing =>
            {
                tracing.AddSource([.. TracedSources]).AddProcessor(new OrleansBackgroundWorkFilter());
                if (export)
                {
                    tracing.AddOtlpExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter([.. CollectedMeters]);
                if (export)
                {
                    metrics.AddOtlpExporter();
                }
            });
        return services;
    }

    /// <summary>Telemetry for short-lived processes (the CLI's embedded silo and cluster client): only when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, since nothing else would read it.</summary>
    public static IServiceCollection AddWorldPlayTelemetryWhenExported(this IServiceCollection services, string serviceName) =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(OtlpEndpointSetting))
            ? services
            : services.AddWorldPlayTelemetry(serviceName);

    /// <summary>Propagates trace context through the grain calls this silo makes and receives, so that grain-call spans and
    /// WorldPlay's spans of one turn form one trace across silos. Call once per silo.</summary>
    public static ISiloBuilder AddWorldPlayTracing(this ISiloBuilder silo) => silo.AddActivityPropagation();

    /// <summary>Propagates trace context from this client's grain calls into the silos. Call once per client.</summary>
    public static IClientBuilder AddWorldPlayTracing(this IClientBuilder client) => client.AddActivityPropagation();

    /// <summary>Keeps traces for work someone asked for. Orleans' runtime keeps calling itself (membership probes, directory
    /// updates, timers, statistics), and each such call would otherwise start a trace of its own several times a second per
    /// silo, burying the turns. A runtime span that starts a trace is therefore not recorded, and neither are the spans under
    /// it; runtime spans inside a trace that application code started (a turn writing grain state) are kept.</summary>
    private sealed class OrleansBackgroundWorkFilter : BaseProcessor<Activity>
    {
        public override void OnStart(Activity data)
        {
            if (data.ParentSpanId == default
                && data.Source.Name.StartsWith("Microsoft.Orleans.", StringComparison.Ordinal)
                && data.Source.Name != ActivitySources.ApplicationGrainActivitySourceName)
            {
                data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
                data.IsAllDataRequested = false;
            }
        }
    }
}
