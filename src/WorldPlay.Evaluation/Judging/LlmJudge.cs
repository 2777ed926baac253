using System.Collections.Immutable;
using WorldPlay.Evaluation.Detectors;
using WorldPlay.Evaluation.Transcripts;
using WorldPlay.Minds;
using WorldPlay.Minds.Llm;

namespace WorldPlay.Evaluation.Judging;

/// <summary>A language model that checks the detectors: it confirms or rejects each flagged reply's categories and audits a
/// sample of unflagged replies for misses. Calls go through the endpoint's resilience pipeline (timeout, retries, breaker,
/// concurrency limit); a call that still fails, or an answer that cannot be read, is counted and gives no verdict.</summary>
public sealed class LlmJudge
{
    /// <summary>Questions in flight at once unless told otherwise; the endpoint's own limit applies on top.</summary>
    public const int DefaultConcurrency = 8;

    private readonly LlmEndpoint _endpoint;

    public LlmJudge(LlmEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        _endpoint = endpoint;
    }

    /// <summary>The judge's model name, as reports show it.</summary>
    public string Model => _endpoint.Options.Model;

    /// <summary>Asks about one reply of <paramref name="transcript"/>. Never throws for the endpoint's failures (they become
    /// <see cref="JudgeOutcome.Failed"/>); cancellation still throws.</summary>
    public async Task<Judgement> JudgeAsync(Transcript transcript, JudgeCase question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        ArgumentNullException.ThrowIfNull(question);
        string reply;
        try
        {
            reply = await _endpoint.CompleteJsonAsync(JudgePrompt.Instructions, JudgePrompt.Material(transcript, question),
                JudgePrompt.SchemaName,
                JudgePrompt.Schema, cancellationToken).ConfigureAwait(false);
        }
        catch (MindUnavailableException e)
        {
            return new Judgement(question, JudgeOutcome.Failed, [], e.Message);
        }
        return VerdictReader.Read(reply, question.Categories) is { } verdicts
            ? new Judgement(question, JudgeOutcome.Answered, verdicts, null)
            : new Judgement(question, JudgeOutcome.Unreadable, [], $"no list of verdicts in the reply: {Excerpt(reply)}");
    }

    /// <summary>Judges every flagged reply of <paramref name="sessions"/> and an audit sample of <paramref name="sample"/> of the
    /// unflagged ones (drawn with <paramref name="seed"/>), <paramref name="concurrency"/> at a time, and sums up the agreement.</summary>
    public async Task<JudgeReport> AssessAsync(
        IReadOnlyList<ScoredTranscript> sessions, double sample, int seed, int concurrency = DefaultConcurrency,
            CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        ImmutableArray<JudgeCase> cases = [.. JudgingPlan.Confirmations(sessions), .. JudgingPlan.Audits(sessions, sample, seed)];
        var judgements = new Judgement[cases.Length];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, cases.Length),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (i, ct) => judgements[i] = await JudgeAsync(sessions[cases[i].Session].Transcript, cases[i], ct).ConfigureAwait(false))
                .ConfigureAwait(false);
        return JudgeAgreement.Summarize(Model, sample, seed, sessions, [.. judgements]);
    }

    private static string Excerpt(string reply)
    {
        var flat = (reply ?? "").ReplaceLineEndings(" ");
        return flat.Length > 120 ? flat[..120] + "..." : flat;
    }
}
