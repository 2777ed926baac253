using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using WorldPlay.Storage;

namespace WorldPlay.Storage.Tests;

/// <summary>The storage meter counts the requests metered clients send to Azurite, by kind.</summary>
public sealed class StorageMeterTests(Azurite azurite) : IClassFixture<Azurite>
{
    [Fact]
    public async Task MeteredStore_AppendSnapshotAndRead_CountedByKind()
    {
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(StorageMeter.TablePolicy, HttpPipelinePosition.PerRetry);
        var blobOptions = new BlobClientOptions();
        blobOptions.AddPolicy(StorageMeter.BlobPolicy, HttpPipelinePosition.PerRetry);
        var store = new AzureEventStore(
            new TableServiceClient(AzuriteAccount.ConnectionString, tableOptions),
            new BlobServiceClient(AzuriteAccount.ConnectionString, blobOptions),
            azurite.TableName, azurite.ContainerName);
        await store.CheckAsync();
        var before = StorageMeter.Current;

        await store.AppendAsync("world/metered", 0, [[1, 2, 3], [4, 5]], "metered/1");
        var afterAppend = StorageMeter.Current.Since(before);
        await store.SaveSnapshotAsync("world/metered", 2, [9, 9, 9]);
        await store.LoadSnapshotAsync("world/metered");
        await foreach (var _ in store.ReadAsync("world/metered", 0))
        {
        }
        var counted = StorageMeter.Current.Since(before);

        Assert.Equal(new StorageCounts(1, 0, 0, 0, 0, 0, afterAppend.BytesSent), afterAppend);
        Assert.True(afterAppend.BytesSent > 0);
        Assert.Equal(1, counted.TableTransactions);
        Assert.Equal(1, counted.TableReads);
        Assert.True(counted.BlobWrites >= 1, $"blob writes {counted.BlobWrites}");
        Assert.True(counted.BlobReads >= 1, $"blob reads {counted.BlobReads}");
        Assert.Equal(1 + counted.BlobWrites, counted.Writes);
    }

    [Theory]
    [InlineData(true, "POST", "/devstoreaccount1/$batch", "TableTransactions")]
    [InlineData(true, "GET", "/devstoreaccount1/events()", "TableReads")]
    [InlineData(true, "PUT", "/devstoreaccount1/events(PartitionKey='a',RowKey='b')", "TableWrites")]
    [InlineData(false, "PUT", "/devstoreaccount1/grains/scene.json", "BlobWrites")]
    [InlineData(false, "HEAD", "/devstoreaccount1/grains/scene.json", "BlobReads")]
    [InlineData(false, "DELETE", "/devstoreaccount1/grains/scene.json", "Other")]
    public void Count_RequestKinds_EachInItsCounter(bool table, string method, string path, string kind)
    {
        var before = StorageMeter.Current;

        StorageMeter.Count(table, method, path, 10);

        var counted = StorageMeter.Current.Since(before);
        var byKind = new Dictionary<string, long>
        {
            ["TableTransactions"] = counted.TableTransactions, ["TableWrites"] = counted.TableWrites,
            ["TableReads"] = counted.TableReads, ["BlobWrites"] = counted.BlobWrites, ["BlobReads"] = counted.BlobReads,
            ["Other"] = counted.Other,
        };
        Assert.True(byKind[kind] >= 1, $"{kind} was not counted");
    }
}
