using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Runtime.InteropServices;
using WorldPlay.FakeLlm;

namespace WorldPlay.Cli.Operations;

/// <summary><c>worldplay fake-llm</c>: a local OpenAI-compatible server that plays a model without one, for tests, demos
/// and load tests.</summary>
internal static class FakeLlmCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var port = new Option<int>("--port", "-p")
        {
            Description = "TCP port on 127.0.0.1 (0: any free port, printed at start).",
            DefaultValueFactory = _ => 0,
        };
        Refuse(port, v => v is < 0 or > 65535, v => $"--port must be between 0 (any free port) and 65535 (got {v}).");
        var latency = new Option<int>("--latency-ms")
        {
            Description = "Milliseconds to the first token (and before a 500).",
            DefaultValueFactory = _ => 0,
        };
        Refuse(latency, v => v < 0, v => $"--latency-ms cannot be negative (got {v}).");
        var rate = new Option<double>("--tokens-per-second")
        {
            Description = "Pace after the first token: a stream sends tokens at this rate; a non-streamed reply waits latency + tokens / " +
                "rate. 0 sends everything at once.",
            DefaultValueFactory = _ => 0,
        };
        Refuse(rate, v => !double.IsFinite(v) || v < 0, v => string.Create(CultureInfo.InvariantCulture, $"--tokens-per-second must be 0 " +
            $"(no pacing) or more (got {v})."));
        var faultRate = new Option<double>("--fault-rate")
        {
            Description = "Share of requests, 0 to 1, that get a fault (chosen evenly from --faults) instead of a good reply.",
            DefaultValueFactory = _ => 0,
        };
        Refuse(faultRate, v => !double.IsFinite(v) || v is < 0 or > 1, v => string.Create(CultureInfo.InvariantCulture, $"--fault-rate " +
            $"must be between 0 and 1 (got {v})."));
        var faults = new Option<string>("--faults")
        {
            Description = "Which faults to inject, comma-separated (default all): " +
                "429 = HTTP 429 with Retry-After (see --retry-after-seconds) and an OpenAI error body; " +
                "500 = HTTP 500 after the latency; " +
                "timeout = holds the request without answering (see --hold-seconds) until the client gives up; " +
                "malformed = HTTP 200 whose content is not JSON (missing brace, prose around it, unquoted keys, trailing comma); " +
                "truncated = a stream stops part-way without finish reason or [DONE] (half the time by resetting the connection), a " +
                "non-streamed reply is cut off with finish_reason \"length\"; schema = valid JSON of the wrong shape (\"speech\": 42, " +
                "\"proposals\": \"none\", a missing field).",
            DefaultValueFactory = _ => "all",
        };
        faults.Validators.Add(r =>
        {
            if (r.Tokens is [var token])
            {
                try
                {
                    FaultNames.Parse(token.Value);
                }
                catch (ArgumentException e)
                {
                    r.AddError($"--faults: {e.Message}");
                }
            }
        });
        var seed = new Option<int>("--seed", "-s")
        {
            Description = "Seed for replies and faults: the same seed and request give the same reply, and the same fault sequence.",
            DefaultValueFactory = _ => 1,
        };
        var hold = new Option<int>("--hold-seconds")
        {
            Description = "How long the timeout fault holds a request (longer than any client timeout).",
            DefaultValueFactory = _ => 120,
        };
        Refuse(hold, v => v < 0, v => $"--hold-seconds cannot be negative (got {v}).");
        var retryAfter = new Option<int>("--retry-after-seconds")
        {
            Description = "The Retry-After a 429 carries.",
            DefaultValueFactory = _ => 1,
        };
        Refuse(retryAfter, v => v < 0, v => $"--retry-after-seconds cannot be negative (got {v}).");

        var command = new Command("fake-llm",
            "Run a local OpenAI-compatible model server without a model: POST /v1/chat/completions (streamed or not), GET /v1/models, " +
            "/healthz, /stats. Replies are structured actions built from the prompt (speech to someone present, answering the last line, " +
            "now and then one lawful proposal), paced by --latency-ms and --tokens-per-second and broken on purpose by --fault-rate. For " +
            "tests, demos and load tests that must not pay for tokens. Runs until Ctrl+C or SIGTERM, then prints what it served.")
        {
            port, latency, rate, faultRate, faults, seed, hold, retryAfter,
        };
        command.SetAction((r, cancellationToken) => RunAsync(
            new FakeLlmOptions
            {
                Port = r.GetValue(port),
                Latency = TimeSpan.FromMilliseconds(r.GetValue(latency)),
                TokensPerSecond = r.GetValue(rate),
                FaultRate = r.GetValue(faultRate),
                Faults = FaultNames.Parse(r.GetValue(faults)!),
                Seed = r.GetValue(seed),
                TimeoutHold = TimeSpan.FromSeconds(r.GetValue(hold)),
                RetryAfter = TimeSpan.FromSeconds(r.GetValue(retryAfter)),
            },
            output,
            error,
            cancellationToken));
        return command;
    }

    // A value that is not a number at all is already refused by the parser; these refuse numbers out of range.
    private static void Refuse(Option<int> option, Func<int, bool> wrong, Func<int, string> message) =>
        option.Validators.Add(r =>
        {
            if (r.Tokens is [var token] && int.TryParse(token.Value, CultureInfo.InvariantCulture, out var value) && wrong(value))
            {
                r.AddError(message(value));
            }
        });

    private static void Refuse(Option<double> option, Func<double, bool> wrong, Func<double, string> message) =>
        option.Validators.Add(r =>
        {
            if (r.Tokens is [var token] && double.TryParse(token.Value, CultureInfo.InvariantCulture, out var value) && wrong(value))
            {
                r.AddError(message(value));
            }
        });

    private static async Task<int> RunAsync(
        FakeLlmOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var server = await LocalPort.ListenAsync(options.Port, () => FakeLlmServer.StartAsync(options, cancellationToken));
        await using (server)
        {
            output.WriteLine(server.Endpoint);
            output.WriteLine($"Fake model listening (no language model runs). Use it as: --mind openai --endpoint {server.Endpoint} " +
                $"--model {FakeLlmServer.DefaultModel} (any model name works).");
            output.WriteLine($"Pace: {options.Latency.TotalMilliseconds:0} ms to the first token, " +
                (options.TokensPerSecond > 0 ? $"then {options.TokensPerSecond:0.##} tokens/s." : "then every token at once."));
            output.WriteLine(options.FaultRate > 0
                ? $"Faults: {options.FaultRate:0.###} of requests, evenly from " +
                    $"{string.Join(", ", options.Faults.Select(FaultNames.NameOf))}; seed {options.Seed}."
                : $"Faults: none (--fault-rate 0); seed {options.Seed}.");
            output.WriteLine($"Also: GET {server.Endpoint}/models, http://127.0.0.1:{server.Port}/healthz and /stats. Ctrl+C or SIGTERM " +
                "stops it.");
            output.Flush();
            // The root command leaves signals to the process's default (exit at once); this command stops gracefully instead,
            // so that it can report what it served.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            void Stop(PosixSignalContext signal)
            {
                signal.Cancel = true;
                stop.Cancel();
            }
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM: stop serving and report.
            }
            await server.StopAsync(CancellationToken.None);
            Report(server.Stats, output);
        }
        return 0;
    }

    private static void Report(FakeLlmStats stats, TextWriter output)
    {
        output.WriteLine($"Stopped after {stats.UptimeSeconds:0.0} s: {stats.Requests} requests ({stats.Streamed} streamed), " +
            $"{stats.Completed} good replies, {stats.Rejected} rejected as invalid, {stats.Abandoned} abandoned by the client.");
        output.WriteLine($"Faults: {string.Join(", ", stats.Faults.Select(f => $"{f.Key} {f.Value}"))}.");
        var mean = stats.UptimeSeconds > 0 ? stats.BusySeconds / stats.UptimeSeconds : 0;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Concurrency: at most {stats.ConcurrentMax}, {mean:0.0} on average. Tokens: {stats.PromptTokens} prompt, " +
            $"{stats.CompletionTokens} completion."));
    }
}
