using System.Collections.Immutable;

namespace WorldPlay.Load;

/// <summary>One load session: its world and scene, the turns the cluster acknowledged to it, and how its play ended.
/// A session makes one call at a time, so only one thread writes it at once.</summary>
internal sealed class SessionLedger(int number, string worldKey, string sceneKey)
{
    private readonly List<int> _acknowledged = [];

    public int Number { get; } = number;

    public string WorldKey { get; } = worldKey;

    public string SceneKey { get; } = sceneKey;

    /// <summary>How many turns this session had asked for (counted from its first) by its last call before the run's deadline.</summary>
    public int HighestAsked { get; set; }

    public SessionEnd End { get; set; } = SessionEnd.NotStarted;

    /// <summary>Its world was created and its scene opened: from then on storage has something to read back.</summary>
    public bool Opened { get; set; }

    public IReadOnlyList<int> Acknowledged => _acknowledged;

    /// <summary>When its first turn was committed, in seconds since the run started.</summary>
    public double? FirstTurnAt { get; set; }

    /// <summary>When it stopped playing (completed, ran out of time, ended early or failed), in seconds since the run started.
    /// </summary>
    public double? FinishedAt { get; set; }

    public void Acknowledge(int turn) => _acknowledged.Add(turn);
}

/// <summary>How a load session's play ended.</summary>
internal enum SessionEnd
{
    NotStarted,
    Completed,
    /// <summary>The run's --duration ran out before the session reached its turns.</summary>
    OutOfTime,
    /// <summary>Nobody was left at the scene's place to act.</summary>
    EndedEarly,
    /// <summary>A failure outlasted the client's retries.</summary>
    Failed,
}

/// <summary>What storage holds for one session compared with what was acknowledged to it.</summary>
/// <param name="Committed">Turns in the stored transcript.</param>
/// <param name="Lost">Acknowledged turns missing from the stored transcript.</param>
/// <param name="Problems">Gaps or disorder in the stored transcript's turn numbers or the world's event numbers.</param>
internal sealed record SessionVerdict(int Committed, int Lost, ImmutableArray<string> Problems)
{
    /// <summary>Compares the acknowledged turns with the stored transcript's turn numbers, and checks that the transcript counts
    /// 1, 2, 3, ... and the world's events count 1, 2, 3, ... with nothing missing or repeated.</summary>
    public static SessionVerdict Of(
        string session, IEnumerable<int> acknowledged, IReadOnlyList<int> storedTurns, IReadOnlyList<long> eventSeqs)
    {
        var stored = storedTurns.ToHashSet();
        var lost = acknowledged.Distinct().Count(turn => !stored.Contains(turn));
        var problems = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < storedTurns.Count; i++)
        {
            if (storedTurns[i] != i + 1)
            {
                problems.Add($"{session}: the stored transcript's turn {i + 1} is numbered {storedTurns[i]}.");
                break;
            }
        }
        for (var i = 0; i < eventSeqs.Count; i++)
        {
            if (eventSeqs[i] != i + 1)
            {
                problems.Add($"{session}: the world's event {i + 1} is numbered {eventSeqs[i]}.");
                break;
            }
        }
        return new SessionVerdict(storedTurns.Count, lost, problems.ToImmutable());
    }
}
