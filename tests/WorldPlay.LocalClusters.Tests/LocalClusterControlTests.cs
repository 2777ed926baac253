namespace WorldPlay.LocalClusters.Tests;

/// <summary>What status, kill-silo and down say about a folder without a cluster, or with one whose processes are gone; no
/// process is started.</summary>
public sealed class LocalClusterControlTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("worldplay-localcluster-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task StatusAsync_NoCluster_SaysHowToStartOne()
    {
        var e = await Assert.ThrowsAsync<LocalClusterException>(() => LocalClusterControl.StatusAsync(_folder, CancellationToken.None));

        Assert.Equal($"No cluster in {_folder}: there is no cluster.json. Start one with 'worldplay cluster up'.", e.Message);
    }

    [Fact]
    public async Task DownAsync_NoCluster_SaysNothingToStop()
    {
        var e = await Assert.ThrowsAsync<LocalClusterException>(() => LocalClusterControl.DownAsync(_folder));

        Assert.Equal($"Nothing to stop: there is no cluster.json in {_folder}.", e.Message);
    }

    [Fact]
    public void KillSilo_NoCluster_SaysThereIsNone()
    {
        var e = Assert.Throws<LocalClusterException>(() => LocalClusterControl.KillSilo(_folder, 1));

        Assert.Equal($"No cluster in {_folder}: there is no cluster.json.", e.Message);
    }

    [Fact]
    public void KillSilo_UnknownNumber_SaysTheRange()
    {
        LocalClusterFileTests.Stale(_folder).Write();

        var e = Assert.Throws<LocalClusterException>(() => LocalClusterControl.KillSilo(_folder, 4));

        Assert.Equal("There is no silo 4; this cluster has silos 1 to 1.", e.Message);
    }

    [Fact]
    public void KillSilo_StalePid_SaysItIsNotRunning()
    {
        LocalClusterFileTests.Stale(_folder).Write();

        var e = Assert.Throws<LocalClusterException>(() => LocalClusterControl.KillSilo(_folder, 1));

        Assert.Equal("Silo 1 (pid 2147483645) is not running any more; nothing to kill.", e.Message);
    }

    [Fact]
    public async Task StatusAsync_StalePids_EveryProcessDeadAndNoMembership()
    {
        LocalClusterFileTests.Stale(_folder).Write();

        var status = await LocalClusterControl.StatusAsync(_folder, CancellationToken.None);

        Assert.Equal(
            "azurite False, silo 1 False; Azurite is not running, so the membership table cannot be read.",
            $"{string.Join(", ", status.Processes.Select(p => $"{p.Process.Name} {p.Alive}"))}; {status.MembershipProblem}");
    }

    [Fact]
    public async Task DownAsync_StalePids_AllAlreadyGone()
    {
        LocalClusterFileTests.Stale(_folder).Write();

        var (_, stopped) = await LocalClusterControl.DownAsync(_folder);

        Assert.Equal("azurite AlreadyGone, silo 1 AlreadyGone", string.Join(", ", stopped.Select(s => $"{s.Process.Name} {s.Outcome}")));
    }

    [Fact]
    public async Task DownAsync_StalePids_RemovesTheClusterFile()
    {
        LocalClusterFileTests.Stale(_folder).Write();

        await LocalClusterControl.DownAsync(_folder);

        Assert.False(File.Exists(LocalCluster.FileIn(_folder)), $"{LocalCluster.FileIn(_folder)} is still there");
    }
}
