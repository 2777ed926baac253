using WorldPlay.Storage;

namespace WorldPlay.Storage.Tests;

public sealed class AzureEventStoreTests(Azurite azurite) : EventStoreContract, IClassFixture<Azurite>
{
    protected override IEventStore Store => azurite.Store;
}
