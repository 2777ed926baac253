namespace WorldPlay.Core.Worlds;

// The file-system half of WorldFiles: the core's I/O stays in this folder, at its edge; parsing and checking a world
// are in Worlds/WorldFiles.cs and Worlds/WorldFileReader.cs and never touch a disk.
public static partial class WorldFiles
{
    /// <summary>The text of the world file named by <paramref name="nameOrPath"/>, which is not a sample's name.</summary>
    /// <exception cref="WorldFileException">No file there, or it cannot be read.</exception>
    private static string ReadFile(string nameOrPath)
    {
        var path = Path.GetFullPath(nameOrPath.Length == 0 ? "." : nameOrPath);
        if (!File.Exists(path))
        {
            var hint = Closest(nameOrPath.Trim(), Samples) is { } near ? $" Did you mean '{near}'?" : "";
            throw new WorldFileException(
                null, [$"Unknown world '{nameOrPath}': not a sample ({string.Join(", ", Samples)}) and no file at '{path}'.{hint}"]);
        }
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WorldFileException(nameOrPath, [$"cannot be read: {e.Message}"]);
        }
    }
}
