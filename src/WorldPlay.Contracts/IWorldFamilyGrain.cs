using System.Collections.Immutable;
using Orleans.Concurrency;
using WorldPlay.Core;

namespace WorldPlay.Contracts;

/// <summary>A root world and every branch grown from it (key: the root world's key): the branch tree, and the preference
/// signals recorded when someone chose between regenerated replies.</summary>
[Alias("worldplay.world-family")]
public interface IWorldFamilyGrain : IGrainWithStringKey
{
    /// <summary>Records a branch of the family; recording the same branch again changes nothing.</summary>
    [Alias("record-branch")]
    Task RecordBranch(BranchEntry branch);

    /// <summary>Every branch of the family, in the order they were made.</summary>
    [Alias("branches"), ReadOnly]
    Task<ImmutableArray<BranchEntry>> Branches();

    /// <summary>Records which regenerated reply was kept and which were discarded.</summary>
    [Alias("record-preference")]
    Task RecordPreference(PreferenceSignal signal);

    /// <summary>Every preference signal of the family, oldest first.</summary>
    [Alias("preferences"), ReadOnly]
    Task<ImmutableArray<PreferenceSignal>> Preferences();
}

/// <summary>Every root world, so callers can list them (key: <see cref="Key"/>). Branches are listed by their family.</summary>
[Alias("worldplay.world-catalog")]
public interface IWorldCatalogGrain : IGrainWithStringKey
{
    /// <summary>The catalog's one key.</summary>
    const string Key = "worlds";

    /// <summary>Records a root world; recording it again changes nothing.</summary>
    [Alias("register")]
    Task Register(string worldKey);

    /// <summary>The keys of every root world, in the order they were created.</summary>
    [Alias("worlds"), ReadOnly]
    Task<ImmutableArray<string>> Worlds();
}

/// <summary>Why a branch was made: an explicit fork, or a regenerated reply (a sibling branch of one turn).</summary>
public enum BranchKind
{
    Fork,
    Regenerated,
}

/// <summary>One branch in a family's tree: its key and where it leaves its parent.</summary>
[GenerateSerializer, Immutable, Alias("worldplay.BranchEntry")]
public sealed record BranchEntry([property: Id(0)] string Key, [property: Id(1)] ForkPoint Origin, [property: Id(2)] BranchKind Kind);

/// <summary>One candidate reply for a turn: the branch (world and scene) it was played on and what was said.</summary>
[GenerateSerializer, Immutable, Alias("worldplay.ReplyOption")]
public sealed record ReplyOption([property: Id(0)] string World, [property: Id(1)] string Scene, [property: Id(2)] string Text);

/// <summary>A choice between regenerated replies to turn <see cref="Turn"/>: the kept one, the discarded ones, and the
/// context they answered (<see cref="Prompt"/>: the speaker and the last lines before the turn).</summary>
[GenerateSerializer, Immutable, Alias("worldplay.PreferenceSignal")]
public sealed record PreferenceSignal(
    [property: Id(0)] string Root,
    [property: Id(1)] int Turn,
    [property: Id(2)] EntityId Speaker,
    [property: Id(3)] string Prompt,
    [property: Id(4)] ReplyOption Chosen,
    [property: Id(5)] ImmutableArray<ReplyOption> Rejected,
    [property: Id(6)] string Mind);
