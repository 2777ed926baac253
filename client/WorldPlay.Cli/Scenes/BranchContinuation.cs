using System.Collections.Immutable;
using WorldPlay.Core;
using WorldPlay.Core.Scenes;

namespace WorldPlay.Cli.Scenes;

/// <summary>A branch of a world file that <c>simulate --from FILE --branch B</c> goes on with: its whole timeline and transcript
/// (shared prefix included) to import into the silo, and the bundle to write back with the new turns added to that branch.</summary>
internal sealed record BranchContinuation(
    string Path, TimelineFormat Format, WorldBundle Bundle, string Branch, ImmutableArray<WorldEvent> Events,
    ImmutableArray<TurnRecord> Transcript)
{
    public static async Task<BranchContinuation> OpenAsync(FileInfo file, string? branch, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            throw new FileNotFoundException($"--from '{file.FullName}' does not exist; give a world file written by 'worldplay simulate " +
                "--out FILE'.");
        }
        var bundle = await TimelineFile.ReadAsync(file.FullName, cancellationToken);
        var id = bundle.Branch(branch ?? bundle.Root.Id).Id;
        var head = new byte[64];
        await using (var stream = file.OpenRead())
        {
            head = head[..await stream.ReadAsync(head, cancellationToken)];
        }
        return new BranchContinuation(file.FullName, TimelineFile.FormatOf(head), bundle, id, bundle.EventsOf(id), bundle.TranscriptOf(id));
    }

    /// <summary>The last event and turn the file's branch holds; what the silo plays after them is the continuation.</summary>
    public long LastEvent => Events.IsEmpty ? 0 : Events[^1].Seq;

    public int LastTurn => Transcript.IsEmpty ? 0 : Transcript[^1].Turn;

    /// <summary>Writes the bundle with <paramref name="events"/> and <paramref name="turns"/> (the whole branch as the silo holds it now)
    /// appended to the branch, to <paramref name="path"/> (default: the file it came from), in the format it came in.</summary>
    public Task WriteAsync(
        string? path, IEnumerable<WorldEvent> events, IEnumerable<TurnRecord> turns, CancellationToken cancellationToken) =>
        TimelineFile.WriteAsync(
            path ?? Path,
            Bundle.Continue(Branch, events.Where(e => e.Seq > LastEvent), turns.Where(t => t.Turn > LastTurn)),
            Format,
            cancellationToken);
}
