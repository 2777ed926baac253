using Azure.Data.Tables;
using Azure.Storage.Blobs;
using WorldPlay.Storage;

namespace WorldPlay.Storage.Tests;

/// <summary>The Azurite that ./test.sh starts, and a fresh table and blob container in it for one test class.</summary>
public sealed class Azurite : IAsyncLifetime
{
    private AzureEventStore? _store;

    public string TableName { get; } = "wpt" + Guid.NewGuid().ToString("N");

    public string ContainerName { get; } = "wpt-" + Guid.NewGuid().ToString("N");

    public TableServiceClient Tables => new(AzuriteAccount.ConnectionString);

    public BlobServiceClient Blobs => new(AzuriteAccount.ConnectionString);

    public AzureEventStore Store => _store ??= new AzureEventStore(Tables, Blobs, TableName, ContainerName);

    public async Task InitializeAsync()
    {
        if (AzuriteAccount.IsProvided)
        {
            await Store.CheckAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await Tables.DeleteTableAsync(TableName);
            await Blobs.DeleteBlobContainerAsync(ContainerName);
        }
    }
}
