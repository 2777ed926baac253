using WorldPlay.Storage;

namespace WorldPlay.Storage.Tests;

public sealed class MemoryEventStoreTests : EventStoreContract
{
    protected override IEventStore Store { get; } = new MemoryEventStore();
}
