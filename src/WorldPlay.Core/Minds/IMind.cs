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
}

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
            yield return new Proposal(actor, new Spoke(Speech, Addressees.IsDefault ? [] : Addressees), speechCauses.IsDefault ? [] : speechCauses);
        }
        foreach (var p in Proposals.IsDefault ? [] : Proposals)
        {
            yield return p;
        }
    }
}

/// <summary>What a turn cost: which mind, and tokens where a model was used.</summary>
[MessagePackObject]
public sealed record MindUsage(
    [property: Key(0)] string Mind,
    [property: Key(1)] int PromptTokens,
    [property: Key(2)] int CompletionTokens)
{
    public static MindUsage Free(string mind) => new(mind, 0, 0);
}
