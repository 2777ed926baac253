using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WorldPlay.Testing;

/// <summary>Everything a served silo writes to its logs (every level, ASP.NET Core's authentication logs included, with
/// scopes and exceptions) and every tag and event of every trace activity, as text, for tests that look for what must never
/// be there. Pass <see cref="Add"/> as <c>ServedSilo.StartAsync</c>'s services (with <c>logLevel: LogLevel.Trace</c>).</summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ActivityListener _listener;
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public CapturedLogs()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => _lines.Enqueue(
                $"trace {a.Source.Name} {a.DisplayName} {a.OperationName} {a.StatusDescription} " +
                string.Join(" ", a.TagObjects.Select(t => $"{t.Key}={t.Value}")) + " " +
                string.Join(" ", a.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={t.Value}"))) + " " +
                string.Join(" ", a.Baggage.Select(b => $"{b.Key}={b.Value}"))),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Every line so far.</summary>
    public string Text => string.Join("\n", _lines);

    /// <summary>How many lines so far.</summary>
    public int Count => _lines.Count;

    /// <summary>Registers this provider and lets every category through at every level but Orleans' own chatter.</summary>
    public void Add(IServiceCollection services)
    {
        services.AddSingleton<ILoggerProvider>(this);
        services.Configure<LoggerFilterOptions>(o =>
        {
            o.Rules.Clear();
            o.MinLevel = LogLevel.Trace;
            o.Rules.Add(new LoggerFilterRule(null, "Orleans", LogLevel.Warning, null));
        });
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() => _listener.Dispose();

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => logs._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            logs._scopes.ForEachScope((scope, list) => list.Add(Describe(scope)), scopes);
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : "";
            logs._lines.Enqueue($"{logLevel} {category} {formatter(state, exception)} {values} [{string.Join(" | ", scopes)}] {exception}");
        }

        private static string Describe(object? scope) =>
            scope is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) + " " + scope
                : scope?.ToString() ?? "";
    }
}
