using System.Buffers.Binary;
using System.Collections.Immutable;
using MessagePack;
using WorldPlay.Core.Scenes;
using WorldPlay.Core.Serialization;

namespace WorldPlay.Core;

/// <summary>A whole timeline as saved to a file: the world's definition, every event, and the scene transcript.</summary>
[MessagePackObject]
public sealed record TimelineArchive(
    [property: Key(0)] WorldDefinition Definition,
    [property: Key(1)] ImmutableArray<WorldEvent> Events,
    [property: Key(2)] ImmutableArray<TurnRecord> Transcript,
    [property: Key(3)] string SceneId,
    [property: Key(4)] int Seed)
{
    /// <summary>The timeline rebuilt from the archive's events.</summary>
    public Timeline ToTimeline(int snapshotEvery = 64) => Timeline.Start(WorldState.Initial(Definition), snapshotEvery).Append(Events);
}

/// <summary>Reading or writing a timeline file failed; the message says why and what to do.</summary>
public sealed class TimelineFileException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Timeline files: the 4-byte magic <c>WPTL</c>, a 2-byte format version, then the archive as MessagePack with LZ4.
/// Reading never takes type names from the file and refuses unknown versions and oversized input.</summary>
public static class TimelineFile
{
    /// <summary>The format version this build writes and reads.</summary>
    public const ushort FormatVersion = 1;

    /// <summary>Files larger than this are refused.</summary>
    public const long MaxBytes = 512L * 1024 * 1024;

    private static ReadOnlySpan<byte> Magic => "WPTL"u8;

    public static byte[] Encode(TimelineArchive archive)
    {
        var body = MessagePackSerializer.Serialize(archive, CoreSerialization.MessagePack);
        var bytes = new byte[Magic.Length + 2 + body.Length];
        Magic.CopyTo(bytes);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(Magic.Length), FormatVersion);
        body.CopyTo(bytes.AsSpan(Magic.Length + 2));
        return bytes;
    }

    public static TimelineArchive Decode(ReadOnlyMemory<byte> bytes, string source)
    {
        if (bytes.Length < Magic.Length + 2 || !bytes.Span[..Magic.Length].SequenceEqual(Magic))
        {
            throw new TimelineFileException($"'{source}' is not a WorldPlay timeline file (it does not start with WPTL). Write one with 'worldplay simulate --out FILE'.");
        }
        var version = BinaryPrimitives.ReadUInt16BigEndian(bytes.Span[Magic.Length..]);
        if (version != FormatVersion)
        {
            throw new TimelineFileException($"'{source}' is timeline format version {version}; this build of WorldPlay reads version {FormatVersion}. Use a matching WorldPlay version.");
        }
        try
        {
            return MessagePackSerializer.Deserialize<TimelineArchive>(bytes[(Magic.Length + 2)..], CoreSerialization.MessagePack);
        }
        catch (MessagePackSerializationException e)
        {
            throw new TimelineFileException($"'{source}' is damaged and cannot be read: {e.InnerException?.Message ?? e.Message}", e);
        }
    }

    /// <summary>Writes the file whole or not at all: a temporary file is renamed into place.</summary>
    public static async Task WriteAsync(string path, TimelineArchive archive, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path);
        var temp = full + ".partial";
        await File.WriteAllBytesAsync(temp, Encode(archive), cancellationToken);
        File.Move(temp, full, overwrite: true);
    }

    public static async Task<TimelineArchive> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new TimelineFileException($"No timeline file at '{info.FullName}'.");
        }
        if (info.Length > MaxBytes)
        {
            throw new TimelineFileException($"'{path}' is {info.Length} bytes; timeline files over {MaxBytes} bytes are refused.");
        }
        return Decode(await File.ReadAllBytesAsync(path, cancellationToken), path);
    }
}
