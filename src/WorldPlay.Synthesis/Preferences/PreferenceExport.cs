using System.Collections.Immutable;
using WorldPlay.Synthesis.Rows;

namespace WorldPlay.Synthesis.Preferences;

/// <summary>Signals as training rows: a DPO pair per kept and discarded reply (origin <c>choice</c>, weighed by the denoiser) and KTO
/// rows (the kept reply desirable, each discarded one not). The prompt is the signal's context, the speaker's own lines as
/// <c>assistant</c> and everyone else's as <c>user</c> with their name; a reply's score is 1 / (1 + the detectors' findings on it in
/// that context).</summary>
public static class PreferenceExport
{
    /// <summary>One pair per discarded reply of each signal; its weight is the denoiser's (1 for a signal not denoised).</summary>
    public static IEnumerable<PreferencePair> Pairs(IEnumerable<ChoiceSignal> signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        foreach (var signal in signals)
        {
            var (system, prompt, source) = (SystemPrompt(signal), Prompt(signal), Source(signal));
            var chosen = Score(signal, signal.Chosen.Text);
            for (var i = 0; i < signal.Rejected.Length; i++)
            {
                yield return new PreferencePair(source, system, prompt, signal.Chosen.Text, signal.Rejected[i].Text,
                    PreferenceOrigin.Choice,
                    chosen, Score(signal, signal.Rejected[i].Text), Weight(signal, i));
            }
        }
    }

    /// <summary>The kept reply of each signal labelled desirable (weighed by its best pair) and each discarded one undesirable
    /// (weighed by its pair).</summary>
    public static IEnumerable<KtoRow> Kto(IEnumerable<ChoiceSignal> signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        foreach (var signal in signals)
        {
            var (system, prompt, source) = (SystemPrompt(signal), Prompt(signal), Source(signal));
            var best = Enumerable.Range(0, signal.Rejected.Length).Max(i => Weight(signal, i));
            yield return new KtoRow(source, system, prompt, signal.Chosen.Text, true, PreferenceOrigin.Choice,
                Score(signal, signal.Chosen.Text), best);
            for (var i = 0; i < signal.Rejected.Length; i++)
            {
                yield return new KtoRow(source, system, prompt, signal.Rejected[i].Text, false, PreferenceOrigin.Choice,
                    Score(signal, signal.Rejected[i].Text), Weight(signal, i));
            }
        }
    }

    /// <summary>The system prompt of a signal's rows: who the model plays, in the setting's language.</summary>
    public static string SystemPrompt(ChoiceSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var user = signal.User is { } name ? name : null;
        return signal.Language == "zh"
            ? $"角色扮演：你是{signal.Speaker}。请以{signal.Speaker}的身份继续这场戏" + (user is null ? "。" : $"，与{user}对话。")
            : $"Role-play: you are {signal.Speaker}. Continue the scene in character" + (user is null ? "." : $", talking with {user}.");
    }

    /// <summary>The context of a signal as chat messages.</summary>
    public static ImmutableArray<ChatTurn> Prompt(ChoiceSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var context = signal.Context.IsDefault ? [] : signal.Context;
        return [.. context.Select(l => l.Speaker == signal.Speaker && l.Role == "npc"
            ? new ChatTurn(ChatTurn.Assistant, l.Text)
            : new ChatTurn(ChatTurn.User, l.Text, l.Speaker))];
    }

    private static RowSource Source(ChoiceSignal s) =>
        new(s.Scenario, s.Root, s.Branch, s.Scene, s.Turn, s.Speaker, s.Language, 0, s.Group);

    private static double Weight(ChoiceSignal signal, int rejected) => signal.Denoise is { } d ? d.Weights[rejected] : 1.0;

    private static double Score(ChoiceSignal signal, string reply) =>
        Math.Round(1.0 / (1 + SignalDenoiser.Findings(signal, reply).Count), 4);
}
