using System.CommandLine;
using System.Globalization;
using WorldPlay.Evaluation.Judging;
using WorldPlay.Evaluation.Reports;
using WorldPlay.Minds.Llm;

namespace WorldPlay.Cli.Bench;

/// <summary>What the judge flags ask for: the model's settings and the share of unflagged replies to audit.</summary>
internal sealed record JudgeRequest(LlmMindOptions Model, double Sample)
{
    /// <summary>Settings as run.json records them (never the key).</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"openai:{Model.Model} at {Model.Endpoint} (audit " +
        $"{Sample:0.###})");
}

/// <summary>The <c>--judge</c> options that <c>bench score</c>, <c>bench run</c> and <c>bench calibrate</c> share. No judge unless
/// asked for: a model under test is never made its own judge by default.</summary>
internal sealed class JudgeFlags
{
    private readonly Option<string> _judge;

    private readonly Option<string?> _endpoint = new("--judge-endpoint") { Description = "The judge's OpenAI-compatible base address " +
        "with its /v1, e.g. http://127.0.0.1:8080/v1." };

    private readonly Option<string?> _model = new("--judge-model") { Description = "The model name the judge endpoint serves." };

    private readonly Option<double?> _sample = new("--judge-sample")
    {
        Description = $"The share of unflagged NPC replies the judge audits, 0 to 1 (default {JudgingPlan.DefaultSample}; at least " +
            $"{JudgingPlan.MinimumAudit} replies when above 0; the sample is drawn with --seed).",
    };

    /// <summary>Whether the judge audits a sample (<c>--judge-sample</c>): it does for <c>bench score</c> and <c>bench run</c>;
    /// <c>bench calibrate</c> asks about every reply.</summary>
    private readonly bool _sampled;

    /// <summary>The flags; <paramref name="purpose"/> says what the judge does, after "An LLM judge that".</summary>
    public JudgeFlags(string purpose = "confirms every flagged reply and audits a sample of unflagged ones", bool sampled = true)
    {
        _judge = new("--judge")
        {
            Description = $"An LLM judge that {purpose}: none, or openai (needs --judge-endpoint and --judge-model; the key comes " +
                "from OPENAI_API_KEY).",
            DefaultValueFactory = _ => "none",
        };
        _sampled = sampled;
        Spellings.OneOf(_judge, ["none", "openai"]);
    }

    public IEnumerable<Option> Options => _sampled ? [_judge, _endpoint, _model, _sample] : [_judge, _endpoint, _model];

    /// <summary>The judge asked for, or null; throws <see cref="ArgumentException"/> for flags that cannot work together.</summary>
    public JudgeRequest? Read(ParseResult result)
    {
        var endpoint = result.GetValue(_endpoint);
        var model = result.GetValue(_model);
        var sample = _sampled ? result.GetValue(_sample) : null;
        if (result.GetValue(_judge) != "openai")
        {
            return endpoint is null && model is null && sample is null
                ? null
                : throw new ArgumentException(_sampled
                    ? "--judge-endpoint, --judge-model and --judge-sample go with --judge openai."
                    : "--judge-endpoint and --judge-model go with --judge openai.");
        }
        if (sample is { } s && (!double.IsFinite(s) || s < 0 || s > 1))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--judge-sample must be between 0 and 1 (got {s})."));
        }
        var options = new LlmMindOptions
        {
            Endpoint = endpoint is null
                ? throw new ArgumentException("--judge openai needs --judge-endpoint, e.g. --judge-endpoint http://127.0.0.1:8080/v1 " +
                    "(run 'worldplay fake-llm' for a local one).")
                : Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? uri : throw new ArgumentException("--judge-endpoint " +
                    $"'{endpoint}' is not an absolute address such as http://127.0.0.1:8080/v1."),
            Model = model ?? throw new ArgumentException("--judge openai needs --judge-model, the name of a model the endpoint serves."),
            // A judge should give the same verdict twice; the whole answer is needed before it can be read, so no streaming.
            Temperature = 0,
            Streaming = false,
        };
        options.Validate();
        return new JudgeRequest(options, sample ?? JudgingPlan.DefaultSample);
    }

    /// <summary>Runs the judge over the scored sessions and returns the report with its judge section; progress to
    /// <paramref name="error"/>.</summary>
    public static async Task<BenchReport> JudgeAsync(
        JudgeRequest request, BenchReport report, IReadOnlyList<WorldPlay.Evaluation.Detectors.ScoredTranscript> sessions,
        TextWriter error, CancellationToken cancellationToken)
    {
        var judge = new LlmJudge(new LlmEndpoint(request.Model));
        error.WriteLine($"judge: asking {judge.Model} about {JudgingPlan.Confirmations(sessions).Length} flagged and " +
            $"{JudgingPlan.AuditSize(JudgingPlan.Unflagged(sessions).Count, request.Sample)} sampled replies");
        return report with { Judge = await judge.AssessAsync(sessions, request.Sample, report.Seed, cancellationToken: cancellationToken) };
    }

    /// <summary>The judge's summary for stdout.</summary>
    public static void Summarize(TextWriter output, JudgeReport judge)
    {
        static string Share(double? s) => s is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"judge {judge.Model}: {judge.Flagged} flagged, {judge.Confirmed} confirmed, {judge.Rejected} rejected (precision " +
            $"{Share(judge.Precision)}); {judge.Audited} of {judge.UnflaggedReplies} unflagged audited, {judge.AuditRepliesWithFindings} " +
            $"with findings (miss rate {Share(judge.MissRate)}); kappa {Share(judge.Kappa)}; {judge.Unreadable} unreadable, " +
            $"{judge.Failed} failed"));
    }
}
