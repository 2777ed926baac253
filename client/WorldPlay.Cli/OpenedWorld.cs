using System.CommandLine;
using WorldPlay.Core;
using WorldPlay.Core.History;

namespace WorldPlay.Cli;

/// <summary>A world file opened on one branch: what every file-mode timeline command starts from.</summary>
internal sealed record OpenedWorld(string Path, WorldBundle Bundle, string Branch, Timeline Timeline)
{
    public static Argument<FileInfo> FileArgument() =>
        new("file") { Description = "A world file written by 'worldplay simulate --out FILE', 'fork', 'export' or 'import' (MessagePack or JSON)." };

    public static Option<string?> BranchOption(string description = "The branch to read (default: the root branch, 'main').") =>
        new("--branch", "-b") { Description = description };

    public static async Task<OpenedWorld> OpenAsync(FileInfo file, string? branch, CancellationToken cancellationToken)
    {
        var bundle = await TimelineFile.ReadAsync(file.FullName, cancellationToken);
        var id = branch ?? bundle.Root.Id;
        return new OpenedWorld(file.FullName, bundle, id, bundle.Of(bundle.Branch(id).Id));
    }

    public int LastTurn => Timeline.Current.Turn;

    /// <summary>Checks that <paramref name="turn"/> is a turn of this branch, naming the option in the message.</summary>
    public int Turn(int turn, string option) =>
        turn < 0 || turn > LastTurn
            ? throw new ArgumentException($"{option} {turn} is outside branch '{Branch}', which has turns 0 to {LastTurn}.")
            : turn;

    public string Name(EntityId id) => Timeline.Current.Find(id)?.Name ?? id.Value;
}
