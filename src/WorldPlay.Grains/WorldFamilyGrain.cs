using System.Collections.Immutable;
using WorldPlay.Contracts;
using WorldPlay.Core.Serialization;
using WorldPlay.Storage;

namespace WorldPlay.Grains;

/// <summary>A root world's family: the branch tree and the preference signals, each an append-only stream of the event store.</summary>
public sealed class WorldFamilyGrain(IEventStore store) : Grain, IWorldFamilyGrain
{
    private AppendOnlyList<BranchEntry>? _branches;
    private AppendOnlyList<PreferenceSignal>? _preferences;

    private AppendOnlyList<BranchEntry> BranchList => _branches ??= new(store, WorldPlayStorage.FamilyStream(this.GetPrimaryKeyString()));

    private AppendOnlyList<PreferenceSignal> PreferenceList
        => _preferences ??= new(store, WorldPlayStorage.PreferenceStream(this.GetPrimaryKeyString()));

    Task IWorldFamilyGrain.RecordBranch(BranchEntry branch) => BranchList.AppendAsync(branch, $"branch:{branch.Key}");

    Task<ImmutableArray<BranchEntry>> IWorldFamilyGrain.Branches() => BranchList.ItemsAsync();

    /// <summary>A choice is identified by its turn and its candidates, so a retried call stores it once.</summary>
    Task IWorldFamilyGrain.RecordPreference(PreferenceSignal signal) =>
        PreferenceList.AppendAsync(signal,
            $"choice:{signal.Turn}:" +
            $"{CoreSerialization.Hash(new[] { signal.Chosen.Scene }.Concat(signal.Rejected.Select(r => r.Scene)).ToArray())}");

    Task<ImmutableArray<PreferenceSignal>> IWorldFamilyGrain.Preferences() => PreferenceList.ItemsAsync();
}
