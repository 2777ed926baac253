using System.Collections.Immutable;

namespace WorldPlay.Synthesis.Sessions;

/// <summary>One alternative reply for a turn, where it was played and how the bench scored it.</summary>
/// <param name="World">The world (or world branch) the alternative was played in.</param>
/// <param name="Scene">The scene (or sibling branch scene) holding the alternative.</param>
/// <param name="Text">The reply.</param>
/// <param name="Score">Lower is better: the sum of the detectors' severities (plus the judge's penalty, when a judge is given).</param>
/// <param name="Findings">The bench category ids the detectors (and judge) found in the reply.</param>
/// <param name="Sample">0 for the reply first played on the session's path, k for its k-th regeneration.</param>
public sealed record ReplyCandidate(string World, string Scene, string Text, double Score, ImmutableArray<string> Findings, int Sample = 0);
