using System.Collections.Immutable;
using MessagePack;
using WorldPlay.Contracts;
using WorldPlay.Core.Scenes;
using WorldPlay.Core.Serialization;
using WorldPlay.Storage;

namespace WorldPlay.Grains;

/// <summary>A scene's transcript in the event store: one <see cref="TurnRecord"/> per turn in the scene's own stream, whose record 1
/// is the turn after the scene's fork turn; a scene on a branch reads the turns before it from its ancestors' streams.</summary>
public sealed class TranscriptLog(IEventStore store, string stream)
{
    public string Stream => stream;

    /// <summary>Records <paramref name="turns"/> (consecutive, at most <see cref="EventStoreLimits.MaxRecordsPerBatch"/>) after record
    /// <paramref name="expectedVersion"/> in one append, and returns the stream's version. The batch id names the turns, so a
    /// retry after a lost reply finds them stored.</summary>
    public async Task<long> AppendAsync(long expectedVersion, IReadOnlyList<TurnRecord> turns)
    {
        var records = turns.Select(t => MessagePackSerializer.Serialize(t, CoreSerialization.Canonical)).ToList();
        return (await store.AppendAsync(stream, expectedVersion, records, $"turns/{turns[0].Turn}-{turns[^1].Turn}")).LastVersion;
    }

    /// <summary>Stores a recorded transcript in an empty stream, in appends the store accepts, and returns the stream's version.</summary>
    public async Task<long> ImportAsync(IEnumerable<TurnRecord> turns)
    {
        long version = 0;
        foreach (var chunk in turns.Chunk(EventStoreLimits.MaxRecordsPerBatch))
        {
            var records = chunk.Select(t => MessagePackSerializer.Serialize(t, CoreSerialization.Canonical)).ToList();
            version = (await store.AppendAsync(stream, version, records, $"import/{version + 1}")).LastVersion;
        }
        return version;
    }

    /// <summary>Up to <paramref name="max"/> turns from <paramref name="fromTurn"/> on, read from the segments' streams, oldest
    /// first.</summary>
    public async Task<ImmutableArray<TurnRecord>> ReadAsync(ImmutableArray<TranscriptSegment> segments, int fromTurn, int max)
    {
        var turns = ImmutableArray.CreateBuilder<TurnRecord>();
        var next = Math.Max(1, fromTurn);
        foreach (var segment in segments)
        {
            if (turns.Count >= max || next > segment.LastTurn)
            {
                continue;
            }
            await foreach (var stored in store.ReadAsync(segment.Stream, Math.Max(0, next - segment.Offset - 1)))
            {
                var turn = MessagePackSerializer.Deserialize<TurnRecord>(stored.Data, CoreSerialization.Canonical);
                if (turns.Count >= max || turn.Turn > segment.LastTurn)
                {
                    break;
                }
                turns.Add(turn);
                next = turn.Turn + 1;
            }
        }
        return turns.ToImmutable();
    }
}
