using System.Collections.Immutable;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using WorldPlay.Core;
using WorldPlay.Core.Minds;
using WorldPlay.Core.Scenes;

namespace WorldPlay.Grains;

/// <summary>WorldPlay's OpenTelemetry signals: one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named
/// <see cref="Name"/>. Spans may carry world, scene and character ids; metric tags never do, so a metric's series stay
/// few however many worlds a cluster runs.</summary>
public static class WorldPlayTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "WorldPlay";

    /// <summary>The version of the telemetry's shape; it changes when a span, metric or tag is renamed or removed.</summary>
    public const string Version = "1.0.0";

    /// <summary>Span names.</summary>
    public static class Spans
    {
        public const string Turn = "turn";
        public const string Perspective = "perspective";
        public const string Mind = "mind";
        public const string WorldCommit = "world.commit";
    }

    /// <summary>Metric names.</summary>
    public static class Metrics
    {
        public const string TurnDuration = "worldplay.turn.duration";
        public const string EventsCommitted = "worldplay.events.committed";
        public const string ProposalsRejected = "worldplay.proposals.rejected";
        public const string MindTokens = "worldplay.mind.tokens";
        public const string PerspectiveTokens = "worldplay.perspective.tokens";
        public const string MindDuration = "worldplay.mind.duration";
        public const string MindRetries = "worldplay.mind.retries";
        public const string MindRepairs = "worldplay.mind.repairs";
        public const string MindParseFailures = "worldplay.mind.parse_failures";
    }

    public static readonly ActivitySource Source = new(Name, Version);

    private static readonly Meter Meter = new(Name, Version);

    private static readonly Histogram<double> TurnDuration = Meter.CreateHistogram(
        Metrics.TurnDuration, "ms",
            "Time to play one turn: the speaker's perspective and mind, the world's judgment and commit, the transcript.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000,
            30_000, 60_000] });

    private static readonly Counter<long> EventsCommitted = Meter.CreateCounter<long>(
        Metrics.EventsCommitted, "{event}", "World events committed to a timeline.");

    private static readonly Counter<long> ProposalsRejected = Meter.CreateCounter<long>(
        Metrics.ProposalsRejected, "{proposal}", "Proposed world changes a law refused.");

    private static readonly Counter<long> MindTokens = Meter.CreateCounter<long>(
        Metrics.MindTokens, "{token}", "Tokens a mind's model read (prompt) and wrote (completion).");

    private static readonly Histogram<double> MindDuration = Meter.CreateHistogram(
        Metrics.MindDuration, "ms", "Time a model-backed mind took to decide a turn, its retries and repair included.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000,
            60_000, 120_000] });

    private static readonly Counter<long> MindRetries = Meter.CreateCounter<long>(
        Metrics.MindRetries, "{call}", "Model calls a mind retried after a timeout, a 429, a 5xx or a cut stream.");

    private static readonly Counter<long> MindRepairs = Meter.CreateCounter<long>(
        Metrics.MindRepairs, "{call}", "Repair calls a mind made after a reply it could not read.");

    private static readonly Counter<long> MindParseFailures = Meter.CreateCounter<long>(
        Metrics.MindParseFailures, "{reply}", "Model replies a mind could not read as an action.");

    private static readonly Histogram<int> PerspectiveTokens = Meter.CreateHistogram(
        Metrics.PerspectiveTokens, "{token}", "Size of the perspective a character's mind decides from.",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [100, 200, 400, 600, 800, 1000, 1200, 1600, 2000, 3000, 4000,
            8000] });

    /// <summary>Plays one turn inside a <c>turn</c> span and records its duration.</summary>
    internal static async Task<TurnRecord> TurnAsync(string sceneKey, int turn, EntityId speaker, Func<Task<TurnRecord>> play)
    {
        var clock = Stopwatch.StartNew();
        using var span = Source.StartActivity(Spans.Turn);
        span?.SetTag("worldplay.scene", sceneKey);
        span?.SetTag("worldplay.turn", turn);
        span?.SetTag("worldplay.character", speaker.ToString());
        var played = await Traced(span, play);
        var role = RoleName(played.Role);
        TurnDuration.Record(clock.Elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("role", role));
        if (span is not null)
        {
            span.SetTag("worldplay.turn.role", role);
            span.SetTag("worldplay.turn.accepted", played.Accepted.Length);
            span.SetTag("worldplay.turn.rejected", played.Rejected.Length);
            span.SetTag("worldplay.mind", played.Usage.Mind);
        }
        return played;
    }

    /// <summary>Assembles a perspective inside a <c>perspective</c> span and records its size.</summary>
    internal static async Task<Perspective> PerspectiveAsync(Func<Task<Perspective>> build)
    {
        using var span = Source.StartActivity(Spans.Perspective);
        var perspective = await Traced(span, build);
        PerspectiveTokens.Record(perspective.TokenCount);
        span?.SetTag("worldplay.perspective.tokens", perspective.TokenCount);
        return perspective;
    }

    /// <summary>Asks a mind for its action inside a <c>mind</c> span and records the tokens it used.</summary>
    /// <summary>Asks a mind for its action inside a <c>mind</c> span (reporting the speech to <paramref name="speech"/> as it is
    /// produced, when given) and records the tokens, time, retries and repairs the turn cost.</summary>
    internal static async Task<CharacterAction> DecideAsync(IMind mind, Perspective perspective, IProgress<SpeechDelta>? speech,
        CancellationToken cancellationToken)
    {
        using var span = Source.StartActivity(Spans.Mind);
        span?.SetTag("worldplay.mind", mind.Name);
        var action = await Traced(span,
            () => speech is null ? mind.DecideAsync(perspective, cancellationToken)
            : mind.DecideAsync(perspective, speech, cancellationToken));
        var usage = action.Usage;
        var tag = new KeyValuePair<string, object?>("mind", usage.Mind);
        MindTokens.Add(usage.PromptTokens, tag, new("direction", "prompt"));
        MindTokens.Add(usage.CompletionTokens, tag, new("direction", "completion"));
        if (usage.LatencyMs > 0)
        {
            MindDuration.Record(usage.LatencyMs, tag);
        }
        MindRetries.Add(usage.Retries, tag);
        MindRepairs.Add(usage.RepairAttempts, tag);
        MindParseFailures.Add(usage.ParseFailures, tag);
        if (span is not null)
        {
            span.SetTag("worldplay.mind.prompt_tokens", usage.PromptTokens);
            span.SetTag("worldplay.mind.completion_tokens", usage.CompletionTokens);
            span.SetTag("worldplay.mind.retries", usage.Retries);
            span.SetTag("worldplay.mind.repairs", usage.RepairAttempts);
        }
        return action;
    }

    /// <summary>Starts the <c>world.commit</c> span of one commit.</summary>
    internal static Activity? StartCommit(string worldKey, int turn)
    {
        var span = Source.StartActivity(Spans.WorldCommit);
        span?.SetTag("worldplay.world", worldKey);
        span?.SetTag("worldplay.turn", turn);
        return span;
    }

    /// <summary>Counts what a commit added and refused. A retried commit that was stored before is not counted again.</summary>
    internal static void Committed(Activity? span, ImmutableArray<WorldEvent> accepted, ImmutableArray<Rejection> rejected, bool retried)
    {
        if (span is not null)
        {
            span.SetTag("worldplay.commit.accepted", accepted.Length);
            span.SetTag("worldplay.commit.rejected", rejected.Length);
            span.SetTag("worldplay.commit.retried", retried);
        }
        if (retried)
        {
            return;
        }
        foreach (var e in accepted)
        {
            EventsCommitted.Add(1, new KeyValuePair<string, object?>("kind", e.Change.Kind));
        }
        foreach (var r in rejected)
        {
            ProposalsRejected.Add(1, new KeyValuePair<string, object?>("law", r.Law));
        }
    }

    private static string RoleName(TurnRole role) => role switch
    {
        TurnRole.Npc => "npc",
        TurnRole.User => "user",
        TurnRole.Narrator => "narrator",
        _ => role.ToString().ToLowerInvariant(),
    };

    /// <summary>Runs <paramref name="work"/>; a failure marks the span as failed before it ends.</summary>
    private static async Task<T> Traced<T>(Activity? span, Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (Exception e) when (span is not null)
        {
            span.SetStatus(ActivityStatusCode.Error, e.Message);
            span.AddException(e);
            throw;
        }
    }
}
