using Azure.Data.Tables;
using Azure.Storage.Blobs;
using WorldPlay.Storage;

namespace WorldPlay.Storage.Tests;

/// <summary>The Azurite that ./test.sh starts, and a fresh table and blob container in it for one test class.</summary>
public sealed class Azurite : IAsyncLifetime
{
    public const string Variable = "WORLDPLAY_TEST_AZURE_STORAGE";

    private AzureEventStore? _store;

    /// <summary>Azurite's connection string; fails the test when ./test.sh did not provide one.</summary>
    public static string ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException(
            $"{Variable} is not set. The Azure storage tests need the Azurite that ./test.sh starts: run them through ./test.sh " +
            "(./test.sh --filter FullyQualifiedName~WorldPlay.Storage runs only the storage tests).");

    public string TableName { get; } = "wpt" + Guid.NewGuid().ToString("N");

    public string ContainerName { get; } = "wpt-" + Guid.NewGuid().ToString("N");

    public TableServiceClient Tables => new(ConnectionString);

    public BlobServiceClient Blobs => new(ConnectionString);

    public AzureEventStore Store => _store ??= new AzureEventStore(Tables, Blobs, TableName, ContainerName);

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 })
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
