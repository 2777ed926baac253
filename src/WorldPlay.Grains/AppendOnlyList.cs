using System.Collections.Immutable;
using System.Text.Json;
using WorldPlay.Core.Serialization;
using WorldPlay.Storage;

namespace WorldPlay.Grains;

/// <summary>A list kept as one event-store stream of JSON records: loaded whole, appended one record per item, each item
/// stored once (its id is the batch id), so a retried append is harmless.</summary>
internal sealed class AppendOnlyList<T>(IEventStore store, string stream)
{
    private ImmutableArray<T> _items = [];
    private long _version;
    private bool _loaded;

    public async Task<ImmutableArray<T>> ItemsAsync()
    {
        if (!_loaded)
        {
            await CatchUpAsync();
            _loaded = true;
        }
        return _items;
    }

    public async Task AppendAsync(T item, string id)
    {
        await ItemsAsync();
        try
        {
            var appended = await store.AppendAsync(stream, _version, [JsonSerializer.SerializeToUtf8Bytes(item, CoreSerialization.Json)],
                id);
            if (!appended.AlreadyStored)
            {
                (_items, _version) = (_items.Add(item), appended.LastVersion);
            }
        }
        catch (StreamVersionConflictException)
        {
            // Another activation appended first: take in what it wrote, then append after it.
            await CatchUpAsync();
            await store.AppendAsync(stream, _version, [JsonSerializer.SerializeToUtf8Bytes(item, CoreSerialization.Json)], id);
            await CatchUpAsync();
        }
    }

    private async Task CatchUpAsync()
    {
        await foreach (var stored in store.ReadAsync(stream, _version))
        {
            (_items, _version) = (_items.Add(JsonSerializer.Deserialize<T>(stored.Data, CoreSerialization.Json)!), stored.Version);
        }
    }
}
