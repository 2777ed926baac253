using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Text.Json;
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

/// <summary>How a world with its branches is written to a file.</summary>
public enum TimelineFormat
{
    /// <summary>The <c>WPTL</c> header, then MessagePack with LZ4: compact, for keeping and moving worlds.</summary>
    MessagePack,

    /// <summary>Indented camelCase JSON, for people and other tools.</summary>
    Json,
}

/// <summary>Timeline files: the 4-byte magic <c>WPTL</c>, a 2-byte format version, then a <see cref="WorldBundle"/> as MessagePack with LZ4
/// (version 1 files hold a single timeline and read as a bundle with one branch), or the same bundle as JSON.
/// Reading never takes type names from the file, refuses unknown versions, oversized input and implausible counts,
/// and checks that every branch replays before handing the bundle out.</summary>
public static partial class TimelineFile
{
    /// <summary>The format version this build writes. It reads this one and every earlier one.</summary>
    public const ushort FormatVersion = 2;

    /// <summary>Files larger than this are refused.</summary>
    public const long MaxBytes = 512L * 1024 * 1024;

    /// <summary>More branches than this in one world is taken as a damaged or hostile file.</summary>
    public const int MaxBranches = 10_000;

    /// <summary>More events than this in one branch is taken as a damaged or hostile file.</summary>
    public const int MaxEventsPerBranch = 10_000_000;

    /// <summary>The value of the <c>format</c> field that marks a JSON world file.</summary>
    public const string JsonFormatName = "worldplay-world";

    private static ReadOnlySpan<byte> Magic => "WPTL"u8;

    private const ushort SingleTimelineVersion = 1;

    public static byte[] Encode(WorldBundle bundle)
    {
        var body = MessagePackSerializer.Serialize(bundle, CoreSerialization.MessagePack);
        var bytes = new byte[Magic.Length + 2 + body.Length];
        Magic.CopyTo(bytes);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(Magic.Length), FormatVersion);
        body.CopyTo(bytes.AsSpan(Magic.Length + 2));
        return bytes;
    }

    public static byte[] Encode(TimelineArchive archive) => Encode(WorldBundle.FromArchive(archive));

    /// <summary>The bundle as indented camelCase JSON with a <c>format</c> and <c>version</c> header.</summary>
    public static byte[] EncodeJson(WorldBundle bundle) =>
        JsonSerializer.SerializeToUtf8Bytes(new JsonWorldFile(JsonFormatName, FormatVersion, bundle), CoreSerialization.IndentedJson);

    public static byte[] Encode(WorldBundle bundle, TimelineFormat format)
        => format == TimelineFormat.Json ? EncodeJson(bundle) : Encode(bundle);

    /// <summary>The world in <paramref name="bytes"/>, in either format; <paramref name="source"/> names it in messages.</summary>
    public static WorldBundle Decode(ReadOnlyMemory<byte> bytes, string source)
    {
        if (bytes.Length > MaxBytes)
        {
            throw new TimelineFileException($"'{source}' is {bytes.Length} bytes; timeline files over {MaxBytes} bytes are refused.");
        }
        var bundle = FormatOf(bytes.Span) == TimelineFormat.Json ? DecodeJson(bytes, source) : DecodeMessagePack(bytes, source);
        try
        {
            return Validate(bundle, source);
        }
        catch (Exception e) when (e is NullReferenceException or InvalidOperationException or ArgumentException or KeyNotFoundException
            or NotSupportedException)
        {
            // Both serializers fill a missing field with null or a default array, and a hostile file can put one anywhere
            // in the definition; the replay in Validate is what finds them, so anything it trips on is a damaged file.
            throw new TimelineFileException(
                $"'{source}' is not a valid WorldPlay world: a required part is missing or malformed ({e.Message}).", e);
        }
    }

    /// <summary>JSON when the content starts with <c>{</c> (after white space or a byte order mark), else MessagePack.</summary>
    public static TimelineFormat FormatOf(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }
        var start = bytes.IndexOfAnyExcept(" \t\r\n"u8);
        return start >= 0 && bytes[start] == (byte)'{' ? TimelineFormat.Json : TimelineFormat.MessagePack;
    }

    private static WorldBundle DecodeMessagePack(ReadOnlyMemory<byte> bytes, string source)
    {
        if (bytes.Length < Magic.Length + 2 || !bytes.Span[..Magic.Length].SequenceEqual(Magic))
        {
            throw new TimelineFileException(
                $"'{source}' is not a WorldPlay timeline file (it starts neither with WPTL nor with JSON). Write one with 'worldplay " +
                "simulate --out FILE' or 'worldplay export'.");
        }
        var version = BinaryPrimitives.ReadUInt16BigEndian(bytes.Span[Magic.Length..]);
        if (version is 0 or > FormatVersion)
        {
            throw new TimelineFileException(Newer(source, version));
        }
        var body = bytes[(Magic.Length + 2)..];
        try
        {
            return version == SingleTimelineVersion
                ? WorldBundle.FromArchive(MessagePackSerializer.Deserialize<TimelineArchive>(body, CoreSerialization.MessagePack))
                : MessagePackSerializer.Deserialize<WorldBundle>(body, CoreSerialization.MessagePack);
        }
        catch (Exception e) when (e is MessagePackSerializationException or EndOfStreamException or ArgumentException
            or InvalidOperationException or OverflowException)
        {
            throw new TimelineFileException(
                $"'{source}' is damaged or truncated and cannot be read: {e.InnerException?.Message ?? e.Message}", e);
        }
    }

    private static WorldBundle DecodeJson(ReadOnlyMemory<byte> bytes, string source)
    {
        JsonWorldFile? file;
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String
                || format.GetString() != JsonFormatName)
            {
                throw new TimelineFileException(
                    $"'{source}' is JSON but not a WorldPlay world (it needs \"format\": \"{JsonFormatName}\"). Write one with " +
                    "'worldplay export --format json'.");
            }
            if (!root.TryGetProperty("version", out var v) || !v.TryGetUInt16(out var version) || version == 0)
            {
                throw new TimelineFileException($"'{source}' has no valid \"version\"; it is not a WorldPlay world file.");
            }
            if (version > FormatVersion)
            {
                throw new TimelineFileException(Newer(source, version));
            }
            file = root.Deserialize<JsonWorldFile>(CoreSerialization.Json);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException
            or FormatException)
        {
            throw new TimelineFileException($"'{source}' is damaged or truncated JSON and cannot be read: {e.Message}", e);
        }
        return file?.World ?? throw new TimelineFileException($"'{source}' has no \"world\".");
    }

    private static string Newer(string source, int version) =>
        $"'{source}' was made by a newer WorldPlay (timeline format version {version}); this build reads versions 1 to {FormatVersion}. " +
            "Update WorldPlay to open it.";

    /// <summary>Checks what the serializer cannot: sane counts, unique branch names, parents before children, fork points inside
    /// the parent, events numbered without gaps, and that every branch replays.</summary>
    private static WorldBundle Validate(WorldBundle bundle, string source)
    {
        TimelineFileException Bad(string why) => new($"'{source}' is not a valid WorldPlay world: {why}");
        if (bundle?.Definition is null || bundle.Branches.IsDefaultOrEmpty)
        {
            throw Bad("it has no world definition or no branches.");
        }
        if (bundle.Branches.Length > MaxBranches)
        {
            throw Bad($"it has {bundle.Branches.Length} branches (at most {MaxBranches} are accepted).");
        }
        if (!bundle.Root.IsRoot || bundle.Root.ForkSeq != 0)
        {
            throw Bad($"its first branch '{bundle.Root.Id}' must be the root (no parent, fork point 0).");
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var b in bundle.Branches)
        {
            if (!EntityId.IsSlug(b.Id) || seen.ContainsKey(b.Id))
            {
                throw Bad($"branch name '{b.Id}' is malformed or used twice.");
            }
            if (b.OwnEvents.IsDefault || b.OwnTranscript.IsDefault || b.OwnEvents.Length > MaxEventsPerBranch)
            {
                throw Bad($"branch '{b.Id}' has a missing or oversized event list.");
            }
            if (b.Parent is not null && !seen.ContainsKey(b.Parent))
            {
                throw Bad($"branch '{b.Id}' names parent '{b.Parent}', which does not come before it.");
            }
            seen[b.Id] = 0;
        }
        var lengths = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var b in bundle.Branches)
        {
            if (b.Parent is { } parent && (b.ForkSeq < 0 || b.ForkSeq > lengths[parent]))
            {
                throw Bad($"branch '{b.Id}' forks at event {b.ForkSeq}, but '{parent}' has events 0 to {lengths[parent]}.");
            }
            var expected = b.ForkSeq + 1;
            foreach (var e in b.OwnEvents)
            {
                if (e is null || e.Seq != expected++ || e.Change is null)
                {
                    throw Bad($"branch '{b.Id}' has an event out of order near event {expected - 1}.");
                }
            }
            lengths[b.Id] = b.ForkSeq + b.OwnEvents.Length;
        }
        foreach (var b in bundle.Branches)
        {
            WorldState.Initial(bundle.Definition).ApplyAll(bundle.EventsOf(b.Id));
        }
        return bundle;
    }

    private sealed record JsonWorldFile(string Format, int Version, WorldBundle World);
}
