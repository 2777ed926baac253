namespace WorldPlay.Cli;

/// <summary>The one check every command runs on what it will write (a file or a folder), before any turn is played or any
/// model is called: a run whose result cannot be written is refused while refusing costs nothing.</summary>
internal static class OutputTarget
{
    /// <summary>Checks that <paramref name="target"/> can be written as a file (replaced whole if it exists): it is not a
    /// folder, its folder exists and takes new files, and an existing file is not read-only.</summary>
    /// <exception cref="OutputTargetException">It cannot; the message names <paramref name="option"/> and the reason.</exception>
    public static void File(FileInfo target, string option)
    {
        var path = target.FullName;
        if (Directory.Exists(path))
        {
            throw new OutputTargetException($"Cannot write {option} '{path}': it is a folder; give a file name, " +
                $"such as '{Path.Combine(path, "world.wptl")}'.");
        }
        var folder = Path.GetDirectoryName(path) ?? path;
        if (!Directory.Exists(folder))
        {
            throw new OutputTargetException($"Cannot write {option} '{path}': the folder '{folder}' does not exist.");
        }
        TakesNewFiles(folder, option, path);
        if (System.IO.File.Exists(path))
        {
            try
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                throw new OutputTargetException($"Cannot write {option} '{path}': the file is read-only ({Reason(e, path, path)}).");
            }
        }
    }

    /// <summary>Checks that <paramref name="target"/> can hold the files a command writes: it is not a file, and it (or, when it
    /// does not exist yet, the nearest folder above it, where it will be created) takes new files.</summary>
    /// <exception cref="OutputTargetException">It cannot; the message names <paramref name="option"/> and the reason.</exception>
    public static void Folder(DirectoryInfo target, string option)
    {
        var path = target.FullName;
        if (System.IO.File.Exists(path))
        {
            throw new OutputTargetException($"Cannot write {option} '{path}': it is a file; give a folder.");
        }
        var existing = path;
        while (!Directory.Exists(existing))
        {
            if (System.IO.File.Exists(existing))
            {
                throw new OutputTargetException($"Cannot write {option} '{path}': '{existing}' is a file, so no folder can be made there.");
            }
            existing = Path.GetDirectoryName(existing) ?? throw new OutputTargetException($"Cannot write {option} '{path}': no folder " +
                "above it exists.");
        }
        TakesNewFiles(existing, option, path);
    }

    /// <summary>Creates and removes an empty file in <paramref name="folder"/>: the only test of write access that holds for
    /// every user (root too), read-only mounts and access rules alike.</summary>
    private static void TakesNewFiles(string folder, string option, string path)
    {
        var probe = Path.Combine(folder, $".worldplay-write-check-{Guid.NewGuid():N}");
        try
        {
            using var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new OutputTargetException($"Cannot write {option} '{path}': the folder '{folder}' does not take new files " +
                $"({Reason(e, probe, folder)}); choose another place.");
        }
    }

    private static string Reason(Exception e, string tried, string shown) =>
        e is UnauthorizedAccessException ? "permission denied" : e.Message.Replace(tried, shown, StringComparison.Ordinal).TrimEnd('.');
}

/// <summary>A command's output file or folder cannot be written; nothing was done.</summary>
internal sealed class OutputTargetException(string message) : Exception(message);
