using System.Collections.Immutable;
using WorldPlay.Contracts;
using WorldPlay.Storage;

namespace WorldPlay.Grains;

/// <summary>The list of root worlds, an append-only stream of the event store.</summary>
public sealed class WorldCatalogGrain(IEventStore store) : Grain, IWorldCatalogGrain
{
    private readonly AppendOnlyList<string> _worlds = new(store, WorldPlayStorage.CatalogStream);

    Task IWorldCatalogGrain.Register(string worldKey) => _worlds.AppendAsync(worldKey, $"world:{worldKey}");

    Task<ImmutableArray<string>> IWorldCatalogGrain.Worlds() => _worlds.ItemsAsync();
}
