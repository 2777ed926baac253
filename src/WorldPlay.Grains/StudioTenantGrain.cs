using System.Collections.Immutable;
using WorldPlay.Contracts;

namespace WorldPlay.Grains;

/// <summary>The grain-storage record of a studio tenant: its open scenes with their players, and the scenes it closed.</summary>
[GenerateSerializer, Alias("worldplay.StudioTenantRecord")]
public sealed class StudioTenantRecord
{
    /// <summary>Open scenes and the player who opened each ("" for the tenant's own key).</summary>
    [Id(0)] public ImmutableDictionary<string, string> Open { get; set; } = ImmutableDictionary<string, string>.Empty;

    [Id(1)] public ImmutableHashSet<string> Closed { get; set; } = [];
}

/// <summary>A studio tenant's concurrent scenes. Every open and close is one write, so the counts survive a silo's death.</summary>
public sealed class StudioTenantGrain(
    [PersistentState("studio-tenant", WorldPlayStorage.Grains)] IPersistentState<StudioTenantRecord> record) : Grain, IStudioTenantGrain
{
    async Task<string?> IStudioTenantGrain.OpenScene(string sceneKey, string? player, int perTenant, int perPlayer)
    {
        var state = record.State;
        if (state.Open.ContainsKey(sceneKey))
        {
            return null;
        }
        if (state.Open.Count >= perTenant)
        {
            return $"The tenant has {state.Open.Count} scenes open, its limit; close one (DELETE /api/scenes/{{key}}) first.";
        }
        var mine = state.Open.Values.Count(p => p == (player ?? ""));
        if (player is not null && mine >= perPlayer)
        {
            return $"Player '{player}' has {mine} scenes open, the limit per player; close one (DELETE /api/scenes/{{key}}) first.";
        }
        state.Open = state.Open.SetItem(sceneKey, player ?? "");
        state.Closed = state.Closed.Remove(sceneKey);
        await record.WriteStateAsync();
        return null;
    }

    async Task<bool> IStudioTenantGrain.CloseScene(string sceneKey)
    {
        var state = record.State;
        var wasOpen = state.Open.ContainsKey(sceneKey);
        if (wasOpen || !state.Closed.Contains(sceneKey))
        {
            state.Open = state.Open.Remove(sceneKey);
            state.Closed = state.Closed.Add(sceneKey);
            await record.WriteStateAsync();
        }
        return wasOpen;
    }

    Task<bool> IStudioTenantGrain.IsClosed(string sceneKey) => Task.FromResult(record.State.Closed.Contains(sceneKey));
}
