using System.Net.Sockets;
using Azure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using WorldPlay.Storage;

namespace WorldPlay.Hosting;

/// <summary>Before a silo joins its cluster or activates a grain, proves that the storage it was configured with answers,
/// so a wrong connection string or a stopped Azurite ends the start with one readable line instead of retry noise.</summary>
internal sealed class StorageReachability(WorldPlayOptions options, IServiceProvider services) : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>How many times the check's Azure clients retry before giving up.</summary>
    private const int Retries = 1;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(StorageReachability), ServiceLifecycleStage.First,
            cancellationToken => CheckAsync(options, services.GetRequiredService<IEventStore>(), cancellationToken));

    /// <summary>Throws <see cref="StorageUnreachableException"/> unless every Azure service <paramref name="options"/> use answers:
    /// the Table endpoint (membership, timelines), the Blob endpoint (grain state, snapshots) and <paramref name="eventStore"/>.</summary>
    public static async Task CheckAsync(WorldPlayOptions options, IEventStore eventStore, CancellationToken cancellationToken)
    {
        if (options.AzureStorage is not { } connectionString)
        {
            return;
        }
        var account = AzureStorageAccount.Connect(connectionString, Retries);
        var uses = new List<string>();
        if (options.Clustering == ClusteringKind.AzureTable)
        {
            uses.Add("cluster membership");
        }
        if (options.Storage == StorageKind.Azure)
        {
            uses.Add("timelines");
        }
        if (uses.Count > 0)
        {
            await Probe($"the Table endpoint {account.TableEndpoint} (for {string.Join(" and ", uses)})",
                async () => await account.Tables
                    .QueryAsync(maxPerPage: 1, cancellationToken: cancellationToken)
                    .AsPages()
                    .FirstAsync(cancellationToken));
        }
        if (options.Storage == StorageKind.Azure)
        {
            await Probe($"the Blob endpoint {account.BlobEndpoint} (for grain state and snapshots)",
                async () => await account.Blobs
                    .GetBlobContainersAsync(cancellationToken: cancellationToken)
                    .AsPages(pageSizeHint: 1)
                    .FirstAsync(cancellationToken));
            await Probe($"the event store at {account.TableEndpoint} and {account.BlobEndpoint}",
                () => eventStore.CheckAsync(cancellationToken));
        }
    }

    private static async Task Probe(string what, Func<Task> probe)
    {
        try
        {
            await probe();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new StorageUnreachableException(
                $"Cannot use Azure Storage: tried {what} and got: {Reason(e)}. " +
                $"Check that Azure Storage or Azurite is running there and that {WorldPlayOptions.Section}:AzureStorage " +
                $"({WorldPlayOptions.EnvironmentVariable("AzureStorage")}) is its connection string.",
                e);
        }
    }

    /// <summary>The part of an Azure SDK failure a person can act on: the HTTP status and error code, or the innermost
    /// network error, on one line.</summary>
    private static string Reason(Exception e)
    {
        switch (e)
        {
            case RequestFailedException { Status: > 0 } failed:
                return $"HTTP {failed.Status} {failed.ErrorCode}".TrimEnd() + (failed.Status == 403 ? " (is the account key right?)" : "");
            case AggregateException { InnerExceptions: [.., var last] }:
                return Reason(last);
            case { InnerException: { } inner } when e is RequestFailedException or HttpRequestException or AggregateException:
                return Reason(inner);
            case SocketException socket:
                return socket.Message;
            default:
                return e.Message.Split('\n', 2)[0].Trim();
        }
    }
}

/// <summary>The configured storage did not answer or refused the silo; <see cref="Exception.Message"/> is one line that
/// says what was tried (without secrets) and what to check.</summary>
public sealed class StorageUnreachableException(string message, Exception inner) : Exception(message, inner);
