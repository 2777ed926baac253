using WorldPlay.Core;
using WorldPlay.Core.Minds;
using WorldPlay.Minds;

namespace WorldPlay.Grains.Tests;

/// <summary>A mind that always calls out to one character by name, wherever that character is, so a test can make a character
/// want to speak to someone elsewhere.</summary>
internal sealed class CallingOutMind(EntityId callee, string calleeName) : IMind
{
    /// <summary>The name of the mind that calls out to Hald Greaves of the harbor world.</summary>
    public const string CallsGreaves = "test:calls-greaves";

    /// <summary>The minds every silo of the test cluster offers: the usual ones and this one.</summary>
    public static MindCatalog Catalog() =>
        new([
            new ProceduralMind(), .. UserProfile.All.Select(p => new ProceduralUserSimulator(p)), new CallingOutMind("greaves", "Greaves"),
        ]);

    public string Name => CallsGreaves;

    public Task<CharacterAction> DecideAsync(Perspective perspective, CancellationToken cancellationToken) =>
        Task.FromResult(new CharacterAction($"{calleeName}, a word with you!", "", [callee], [], MindUsage.Free(Name)));
}
