namespace WorldPlay.Load;

/// <summary>The silo processes of a local cluster, for a run asked to kill one (<see cref="LoadRequest.KillSiloAt"/>).</summary>
public interface IKillableSilos
{
    /// <summary>The silos whose processes run now.</summary>
    IReadOnlyList<KillableSilo> Running();

    /// <summary>Kills the silo's process at once (SIGKILL), as a crash would.</summary>
    void Kill(KillableSilo silo);
}

/// <summary>A running silo process: its number in the cluster, its process id, and the port the silo listens on.</summary>
public sealed record KillableSilo(int Number, int Pid, int SiloPort);
