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

    /// <summary>Records turn <paramref name="turn"/> after record <paramref name="expectedVersion"/>, once: when a record with its
    /// batch id was stored before (the scene was interrupted before it saved its progress), the stored turn is the turn.</summary>
    public async Task<(TurnRecord Turn, long Version)> AppendAsync(long expectedVersion, TurnRecord turn, string batchId)
    {
        var appended = await store.AppendAsync(
            stream, expectedVersion, [MessagePackSerializer.Serialize(turn, CoreSerialization.Canonical)], batchId);
        if (appended.AlreadyStored)
        {
            var stored = await store.ReadRecordAsync(stream, appended.FirstVersion);
            turn = MessagePackSerializer.Deserialize<TurnRecord>(stored, CoreSerialization.Canonical);
        }
        return (turn, appended.LastVersion);
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
