using System.Collections.Immutable;
using MessagePack;

namespace WorldPlay.Core.Minds;

/// <summary>What decides a participant's turn from its perspective. Implementations: the procedural mind and user
/// simulator (offline, deterministic), and language-model minds.</summary>
public interface IMind
{
    /// <summary>A short name recorded with every turn (<c>procedural</c>, <c>openai:gpt-4o-mini</c>, ...).</summary>
    string Name { get; }

    Task<CharacterAction> DecideAsync(Perspective perspective, CancellationToken cancellationToken);

    /// <summary>Decides like <see cref="DecideAsync(Perspective, CancellationToken)"/> and reports the speech as it is produced.
    /// Reports arrive in order, on the deciding task, before this returns; after it returns, the texts reported since the
    /// last <see cref="SpeechDelta.Restart"/> join to exactly the returned action's speech. A mind that cannot stream
    /// reports the whole speech once.</summary>
    async Task<CharacterAction> DecideAsync(Perspective perspective, IProgress<SpeechDelta> speech, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(speech);
        var action = await DecideAsync(perspective, cancellationToken).ConfigureAwait(false);
        if (action.Speech.Length > 0)
        {
            speech.Report(new SpeechDelta(action.Speech));
        }
        return action;
    }
}

/// <summary>A piece of a participant's speech as it is produced. <see cref="Restart"/> means what was reported before is void
/// (the mind asked again after a failed or unreadable reply) and <see cref="Text"/> starts the speech anew.</summary>
public readonly record struct SpeechDelta(string Text, bool Restart = false);

/// <summary>A turn as a mind produced it: what is said aloud, what is narrated, and the changes it proposes to the world.
/// Proposals are judged by the world's laws; the speech becomes a <see cref="Spoke"/> event.</summary>
[MessagePackObject]
public sealed record CharacterAction(
    [property: Key(0)] string Speech,
    [property: Key(1)] string Narration,
    [property: Key(2)] ImmutableArray<EntityId> Addressees,
    [property: Key(3)] ImmutableArray<Proposal> Proposals,
    [property: Key(4)] MindUsage Usage)
{
    /// <summary>All proposals of the turn, the speech first, so the speech can be the cause of the rest.</summary>
    public IEnumerable<Proposal> AllProposals(EntityId actor, ImmutableArray<long> speechCauses)
    {
        if (!string.IsNullOrWhiteSpace(Speech))
        {
            yield return new Proposal(actor, new Spoke(Speech, Addressees.IsDefault ? [] : Addressees),
                speechCauses.IsDefault ? [] : speechCauses);
        }
        foreach (var p in Proposals.IsDefault ? [] : Proposals)
        {
            yield return p;
        }
    }
}

/// <summary>What a turn cost: which mind, and where a model was used its tokens (every call of the turn, repairs included),
/// the time the mind took, the calls it retried, the repair it asked for and the replies it could not read
/// (<see cref="ParseFailures"/> above <see cref="RepairAttempts"/> means the turn kept only the speech).</summary>
[MessagePackObject]
public sealed record MindUsage(
    [property: Key(0)] string Mind,
    [property: Key(1)] int PromptTokens,
    [property: Key(2)] int CompletionTokens,
    [property: Key(3)] double LatencyMs = 0,
    [property: Key(4)] int Retries = 0,
    [property: Key(5)] int RepairAttempts = 0,
    [property: Key(6)] int ParseFailures = 0)
{
    public static MindUsage Free(string mind) => new(mind, 0, 0);
}
