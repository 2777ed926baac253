using System.Collections.Concurrent;
using WorldPlay.Core.Minds;
using WorldPlay.Minds;

namespace WorldPlay.Synthesis.Tests.Sessions;

/// <summary>A test mind that plays like the procedural mind, except that the first time it is asked for a turn whose perspective
/// turn lies in [<paramref name="from"/>, <paramref name="to"/>] it steps out of character (a line the out-of-character detector
/// flags); asked again for that turn (a regeneration, a rewrite) it plays well.</summary>
internal sealed class PlantedMind(string name, int from, int to) : IMind
{
    public const string BadLine = "As an AI language model, I cannot continue this role-play.";

    private readonly ConcurrentDictionary<int, int> _asked = new();

    public string Name => name;

    public Task<CharacterAction> DecideAsync(Perspective perspective, CancellationToken cancellationToken)
    {
        var action = ProceduralMind.Decide(perspective);
        var planted = perspective.Turn >= from && perspective.Turn <= to && _asked.AddOrUpdate(perspective.Turn, 1, (_, n) => n + 1) == 1;
        return Task.FromResult((planted ? action with { Speech = BadLine } : action) with { Usage = MindUsage.Free(name) });
    }
}
