using System.Diagnostics;
using OpenAI.Chat;
using WorldPlay.Core;
using WorldPlay.Core.Minds;

namespace WorldPlay.Minds.Llm;

/// <summary>One participant's turn by a language model, for characters and simulated users alike: prompt from the
/// perspective, one call, a tolerant reading of the reply, one repair when it cannot be read, and the turn's usage.</summary>
internal sealed class ActionDecider(LlmEndpoint endpoint, string model, string mindName, Role role)
{
    private static readonly ReplySchema Schema = new(ActionSchema.Name, ActionSchema.Json);

    public async Task<CharacterAction> DecideAsync(Perspective perspective, IProgress<SpeechDelta>? speech,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(perspective);
        var clock = Stopwatch.StartNew();
        var names = new NamesInView(perspective);
        var relay = new SpeechRelay(speech);
        var tally = new CallTally();
        var tokens = new TokenTally();
        var messages = ActionPrompt.Messages(perspective, role).ToList();

        var first = await CallAsync(messages, relay, tally, tokens, cancellationToken).ConfigureAwait(false);
        var reading = ActionReader.Read(first, names);
        string? second = null;
        var repairs = 0;
        var failures = 0;
        if (reading.Action is null)
        {
            failures++;
            repairs++;
            messages.AddRange(ActionPrompt.Repair(first, reading.Problem));
            try
            {
                second = await CallAsync(messages, relay, tally, tokens, cancellationToken).ConfigureAwait(false);
                reading = ActionReader.Read(second, names);
            }
            catch (MindUnavailableException)
            {
                // The first reply is still a turn's worth of speech; losing the repair call should not lose the turn.
                reading = default;
            }
            if (reading.Action is null)
            {
                failures++;
            }
        }

        var action = reading.Action ?? ActionReader.SpeechOnly(first, second);
        relay.Settle(action.Speech);
        var causes = perspective.Cue.AnswerTo is { Seq: > 0 } heard ? [heard.Seq] : Array.Empty<long>();
        return new CharacterAction(
            action.Speech,
            action.Narration,
            action.Addressees,
            [.. action.Changes.Select(c => Proposal.Of(perspective.Self, c, causes))],
            new MindUsage(mindName, tokens.Prompt, tokens.Completion, clock.Elapsed.TotalMilliseconds, tally.Retries, repairs, failures));
    }

    private async Task<string> CallAsync(List<ChatMessage> messages, SpeechRelay relay, CallTally tally, TokenTally tokens,
        CancellationToken cancellationToken)
    {
        var reply = await endpoint.CompleteAsync(new ModelCall(model, [.. messages], Schema), relay.Listening ? relay : null, tally,
            cancellationToken).ConfigureAwait(false);
        tokens.Add(messages, reply);
        return reply.Text;
    }
}
