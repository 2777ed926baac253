using System.Collections.Immutable;

namespace WorldPlay.FakeLlm;

/// <summary>A misbehaviour the fake model can show instead of a good reply, as real endpoints do.</summary>
public enum Fault
{
    /// <summary>HTTP 429 with a <c>Retry-After</c> header and an OpenAI-style error body.</summary>
    RateLimited,

    /// <summary>HTTP 500 with an OpenAI-style error body, after the usual latency.</summary>
    ServerError,

    /// <summary>The request is held open without a byte of answer (<see cref="FakeLlmOptions.TimeoutHold"/>),
    /// until the client gives up or the server stops.</summary>
    Timeout,

    /// <summary>HTTP 200, but the content is not valid JSON: a missing brace, prose around it, unquoted keys, a trailing comma.</summary>
    Malformed,

    /// <summary>The reply stops half-way: a stream ends without a finish reason or <c>[DONE]</c> (sometimes by resetting
    /// the connection); a non-streamed reply is cut off with <c>finish_reason: "length"</c>.</summary>
    Truncated,

    /// <summary>HTTP 200 with valid JSON of the wrong shape: <c>"speech": 42</c>, <c>"proposals": "none"</c>, a missing field.</summary>
    SchemaViolation,
}

/// <summary>The names faults go by on the command line and in <c>/stats</c>.</summary>
public static class FaultNames
{
    private static readonly ImmutableArray<(Fault Fault, string Name, string[] Aliases)> Table =
    [
        (Fault.RateLimited, "429", ["rate-limit", "rate-limited"]),
        (Fault.ServerError, "500", ["server-error"]),
        (Fault.Timeout, "timeout", ["hang"]),
        (Fault.Malformed, "malformed", ["malformed-json"]),
        (Fault.Truncated, "truncated", ["truncated-stream"]),
        (Fault.SchemaViolation, "schema", ["schema-violation"]),
    ];

    /// <summary>Every fault, in the order they are listed.</summary>
    public static ImmutableArray<Fault> All { get; } = [.. Table.Select(t => t.Fault)];

    /// <summary>The short name of a fault (<c>429</c>, <c>500</c>, <c>timeout</c>, <c>malformed</c>, <c>truncated</c>,
    /// <c>schema</c>).</summary>
    public static string NameOf(Fault fault) => Table.First(t => t.Fault == fault).Name;

    /// <summary>Reads a comma-separated list of fault names; <c>all</c> means every fault.</summary>
    /// <exception cref="ArgumentException">A name is not a fault; the message lists the known ones.</exception>
    public static ImmutableArray<Fault> Parse(string list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var faults = new List<Fault>();
        foreach (var part in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part.Equals("all", StringComparison.OrdinalIgnoreCase))
            {
                faults.AddRange(All);
                continue;
            }
            var match = Table.FirstOrDefault(t =>
                t.Name.Equals(part, StringComparison.OrdinalIgnoreCase) || t.Aliases.Contains(part, StringComparer.OrdinalIgnoreCase));
            if (match.Name is null)
            {
                throw new ArgumentException(
                    $"Unknown fault '{part}'; known faults: {string.Join(", ", Table.Select(t => t.Name))} (or 'all').", nameof(list));
            }
            faults.Add(match.Fault);
        }
        if (faults.Count == 0)
        {
            throw new ArgumentException($"No fault named; name one or more of {string.Join(", ", Table.Select(t => t.Name))}, or 'all'.",
                nameof(list));
        }
        return [.. faults.Distinct().Order()];
    }
}

/// <summary>How the fake model behaves: where it listens, how fast it answers, how often and how it misbehaves.</summary>
public sealed record FakeLlmOptions
{
    /// <summary>The TCP port on 127.0.0.1; 0 lets the system pick a free one (see <see cref="FakeLlmServer.Port"/>).</summary>
    public int Port { get; init; }

    /// <summary>Time to first token.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    /// <summary>Streaming pace after the first token; a non-streamed reply waits <see cref="Latency"/> plus its tokens at this rate.
    /// 0 sends every token at once.</summary>
    public double TokensPerSecond { get; init; }

    /// <summary>The share of requests, in [0, 1], that get a fault instead of a good reply.</summary>
    public double FaultRate { get; init; }

    /// <summary>The faults to choose from (evenly) when a request gets one.</summary>
    public ImmutableArray<Fault> Faults { get; init; } = FaultNames.All;

    /// <summary>Mixed into every choice: the same seed and request give the same reply, and the same seed gives the same
    /// sequence of faults.</summary>
    public int Seed { get; init; }

    /// <summary>How long the timeout fault holds a request open (longer than any sane client timeout).</summary>
    public TimeSpan TimeoutHold { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>The <c>Retry-After</c> a 429 carries.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first value out of range.</summary>
    public void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentException($"The port must be between 0 (any free port) and 65535, not {Port}.", nameof(Port));
        }
        if (Latency < TimeSpan.Zero)
        {
            throw new ArgumentException($"The latency cannot be negative ({Latency.TotalMilliseconds} ms).", nameof(Latency));
        }
        if (!double.IsFinite(TokensPerSecond) || TokensPerSecond < 0)
        {
            throw new ArgumentException($"Tokens per second must be 0 (no pacing) or more, not {TokensPerSecond}.",
                nameof(TokensPerSecond));
        }
        if (!double.IsFinite(FaultRate) || FaultRate is < 0 or > 1)
        {
            throw new ArgumentException($"The fault rate must be between 0 and 1, not {FaultRate}.", nameof(FaultRate));
        }
        if (FaultRate > 0 && Faults.IsDefaultOrEmpty)
        {
            throw new ArgumentException("A fault rate above 0 needs at least one fault to choose from.", nameof(Faults));
        }
        if (TimeoutHold < TimeSpan.Zero || RetryAfter < TimeSpan.Zero)
        {
            throw new ArgumentException("The timeout hold and Retry-After cannot be negative.", nameof(TimeoutHold));
        }
    }
}
