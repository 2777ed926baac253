using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using WorldPlay.Hosting;
using WorldPlay.Storage;

namespace WorldPlay.Storage.Tests;

/// <summary>How <see cref="AzureEventStore"/> behaves when the storage account is missing, refuses the key,
/// is briefly unreachable, or loses a reply.</summary>
public sealed class AzureFailureTests(Azurite azurite) : IClassFixture<Azurite>
{
    private const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    [Fact]
    public async Task Check_PortWhereNothingListens_FailsWithinSecondsNamingTheEndpoint()
    {
        var port = WorldPlaySilo.FreePort();
        var connection = ConnectionString(DevKey, tablePort: port, blobPort: port);
        var store = new AzureEventStore(new TableServiceClient(connection), new BlobServiceClient(connection));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<EventStoreUnavailableException>(() => store.CheckAsync());

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"the check took {clock.Elapsed}");
        Assert.Contains($"http://127.0.0.1:{port}/devstoreaccount1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(DevKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_EndpointThatNeverAnswers_GivesUpAfterTheCheckTimeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var connection = ConnectionString(DevKey, tablePort: port, blobPort: port);
        var store = new AzureEventStore(new TableServiceClient(connection),
            new BlobServiceClient(connection)) { CheckTimeout = TimeSpan.FromSeconds(2) };

        var error = await Assert.ThrowsAsync<EventStoreUnavailableException>(() => store.CheckAsync());

        Assert.Contains($"did not answer within 2 s: tried to create table 'worldplayevents' at http://127.0.0.1:{port}/devstoreaccount1",
            error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WrongAccountKey_SaysToCheckTheKey()
    {
        var wrongKey = Convert.ToBase64String(new byte[64]);
        var connection = ConnectionString(wrongKey, AzuritePort("Table"), AzuritePort("Blob"));
        var store = new AzureEventStore(new TableServiceClient(connection), new BlobServiceClient(connection), azurite.TableName,
            azurite.ContainerName);

        var error = await Assert.ThrowsAsync<EventStoreUnavailableException>(() => store.CheckAsync());

        Assert.Contains("Check the account name and key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Append_WhileStorageIsUnreachable_FailsAndTheSameBatchLaterIsStoredOnce()
    {
        await using var proxy = new FlakyProxy(new DnsEndPoint("127.0.0.1", AzuritePort("Table")));
        var store = StoreThrough(proxy);
        var stream = $"world/{Guid.NewGuid():N}";
        await store.AppendAsync(stream, 0, [[1]], "turn-1");

        proxy.Mode = ProxyMode.Refuse;
        var error = await Record.ExceptionAsync(() => store.AppendAsync(stream, 1, [[2], [3]], "turn-2"));
        proxy.Mode = ProxyMode.Forward;
        var storedWhileUnreachable = await Versions(store, stream);
        var retry = await store.AppendAsync(stream, 1, [[2], [3]], "turn-2");

        Assert.False(error is null or StreamVersionConflictException, $"the append failed with {error}");
        Assert.Equal([1L], storedWhileUnreachable);
        Assert.Equal(new AppendResult(2, 3, AlreadyStored: false), retry);
        Assert.Equal([1L, 2L, 3L], await Versions(store, stream));
    }

    [Fact]
    public async Task Append_WhoseReplyWasLost_RetriedReturnsAlreadyStoredAndStoresOnce()
    {
        await using var proxy = new FlakyProxy(new DnsEndPoint("127.0.0.1", AzuritePort("Table")));
        var store = StoreThrough(proxy);
        var stream = $"world/{Guid.NewGuid():N}";
        await store.AppendAsync(stream, 0, [[1]], "turn-1");

        proxy.Mode = ProxyMode.SwallowReplies;
        var error = await Record.ExceptionAsync(() => store.AppendAsync(stream, 1, [[2], [3]], "turn-2"));
        proxy.Mode = ProxyMode.Forward;
        var retry = await store.AppendAsync(stream, 1, [[2], [3]], "turn-2");

        Assert.False(error is null or StreamVersionConflictException, $"the append failed with {error}");
        Assert.Equal(new AppendResult(2, 3, AlreadyStored: true), retry);
        Assert.Equal([1L, 2L, 3L], await Versions(store, stream));
    }

    // No retries in the SDK, so a dropped connection reaches the caller as it would after the SDK's retries ran out.
    private AzureEventStore StoreThrough(FlakyProxy proxy)
    {
        var tables = new TableServiceClient(
            ConnectionString(DevKey, proxy.Port, AzuritePort("Blob")),
            new TableClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(5) } });
        return new AzureEventStore(tables, azurite.Blobs, azurite.TableName, azurite.ContainerName);
    }

    private static async Task<List<long>> Versions(IEventStore store, string stream)
    {
        var versions = new List<long>();
        await foreach (var record in store.ReadAsync(stream, 0))
        {
            versions.Add(record.Version);
        }
        return versions;
    }

    private static int AzuritePort(string service)
    {
        var match = Regex.Match(AzuriteAccount.ConnectionString, $@"{service}Endpoint=http://127\.0\.0\.1:(\d+)/");
        Assert.True(match.Success, $"{AzuriteAccount.Variable} has no {service}Endpoint on 127.0.0.1");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string ConnectionString(string key, int tablePort, int blobPort) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={key};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";
}
