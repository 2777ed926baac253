using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using WorldPlay.Storage;

namespace WorldPlay.Hosting;

/// <summary>One Azure Storage account (or Azurite) named by a connection string: its Table and Blob clients, and its
/// endpoints in a form safe to print (no key, no SAS token).</summary>
public sealed class AzureStorageAccount
{
    private AzureStorageAccount(TableServiceClient tables, BlobServiceClient blobs)
    {
        Tables = tables;
        Blobs = blobs;
    }

    public TableServiceClient Tables { get; }

    public BlobServiceClient Blobs { get; }

    /// <summary>The Table endpoint without credentials.</summary>
    public string TableEndpoint => Printable(Tables.Uri);

    /// <summary>The Blob endpoint without credentials.</summary>
    public string BlobEndpoint => Printable(Blobs.Uri);

    /// <summary>The account behind <paramref name="connectionString"/>. <paramref name="retries"/> bounds the Azure SDK's
    /// retries (null: its defaults), so a reachability check can give up quickly. A <paramref name="metered"/> account's
    /// requests are counted by <see cref="StorageMeter"/> (the silo's grain and event storage; not its membership table).</summary>
    /// <exception cref="ArgumentException">The connection string is not usable; the message does not repeat it.</exception>
    public static AzureStorageAccount Connect(string connectionString, int? retries = null, bool metered = false)
    {
        if (Problem(connectionString) is { } problem)
        {
            throw new ArgumentException($"The Azure Storage connection string {problem}");
        }
        var tableOptions = new TableClientOptions();
        var blobOptions = new BlobClientOptions();
        if (retries is { } r)
        {
            Bound(tableOptions.Retry, r);
            Bound(blobOptions.Retry, r);
        }
        if (metered)
        {
            tableOptions.AddPolicy(StorageMeter.TablePolicy, HttpPipelinePosition.PerRetry);
            blobOptions.AddPolicy(StorageMeter.BlobPolicy, HttpPipelinePosition.PerRetry);
        }
        return new AzureStorageAccount(
            new TableServiceClient(connectionString, tableOptions),
            new BlobServiceClient(connectionString, blobOptions));
    }

    /// <summary>Why <paramref name="connectionString"/> cannot be used (a sentence that never quotes it), or null.</summary>
    public static string? Problem(string connectionString)
    {
        try
        {
            _ = new TableServiceClient(connectionString);
            _ = new BlobServiceClient(connectionString);
            return null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or UriFormatException)
        {
            // The SDK's own message may quote the string, key included; say what shape is expected instead.
            return "is not a usable Azure Storage connection string: it needs a Table and a Blob endpoint, e.g. " +
                "'DefaultEndpointsProtocol=https;AccountName=NAME;AccountKey=KEY;EndpointSuffix=core.windows.net', " +
                "'UseDevelopmentStorage=true', or Azurite's 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=...;" +
                "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1'.";
        }
    }

    /// <summary>A connection string for an Azurite instance on 127.0.0.1 (the well-known development account and key).</summary>
    public static string Azurite(int blobPort, int queuePort, int tablePort) =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";

    private static void Bound(RetryOptions retry, int retries)
    {
        retry.MaxRetries = retries;
        retry.Delay = TimeSpan.FromMilliseconds(200);
        retry.MaxDelay = TimeSpan.FromSeconds(1);
        retry.NetworkTimeout = TimeSpan.FromSeconds(5);
    }

    private static string Printable(Uri uri) => uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
}
