using System.Collections.Immutable;
using WorldPlay.Synthesis.Rows;

namespace WorldPlay.Synthesis.Sessions;

/// <summary>The alternatives ranked for one NPC turn.</summary>
/// <param name="Turn">The turn's number in its scene (1-based, as <see cref="WorldPlay.Core.Scenes.TurnRecord"/> numbers it).</param>
/// <param name="Speaker">The character who spoke.</param>
/// <param name="System">The character's persona and perspective at that turn, rendered as the LLM mind renders its system
/// prompt.</param>
/// <param name="Prompt">The recent lines before the turn: other speakers as <c>user</c> with their name, the character's own
/// earlier lines as <c>assistant</c>.</param>
/// <param name="Kept">The best-scoring alternative, the one the session continued on.</param>
/// <param name="Rejected">The other alternatives, best first.</param>
public sealed record TurnCandidates(
    int Turn,
    string Speaker,
    string System,
    ImmutableArray<ChatTurn> Prompt,
    ReplyCandidate Kept,
    ImmutableArray<ReplyCandidate> Rejected);
