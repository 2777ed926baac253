namespace WorldPlay.Core;

// The file-system half of TimelineFile: the core's I/O stays in this folder, at its edge; encoding and checking are in
// Timeline/TimelineFile.cs and never touch a disk.
public static partial class TimelineFile
{
    /// <summary>Writes the file whole or not at all: a temporary file is renamed into place, and removed if that fails.</summary>
    public static async Task WriteAsync(string path, WorldBundle bundle, TimelineFormat format = TimelineFormat.MessagePack,
        CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path);
        var temp = full + ".partial";
        try
        {
            await File.WriteAllBytesAsync(temp, Encode(bundle, format), cancellationToken);
            File.Move(temp, full, overwrite: true);
        }
        catch when (File.Exists(temp))
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>Writes a single timeline as a world with one branch, <see cref="WorldBundle.MainBranch"/>.</summary>
    public static Task WriteAsync(string path, TimelineArchive archive, CancellationToken cancellationToken = default) =>
        WriteAsync(path, WorldBundle.FromArchive(archive), TimelineFormat.MessagePack, cancellationToken);

    /// <summary>The world in the file at <paramref name="path"/>, in either format, checked.</summary>
    public static async Task<WorldBundle> ReadAsync(string path, CancellationToken cancellationToken = default)
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
