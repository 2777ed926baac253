using System.Collections.Immutable;
using WorldPlay.Client;
using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Minds;
using WorldPlay.Core.Scenes;
using WorldPlay.Evaluation.Detectors;
using WorldPlay.Evaluation.SelfPlay;
using WorldPlay.Minds;

namespace WorldPlay.Synthesis.Preferences;

/// <summary>How one self-play session for signals went: its world family's root, turns played on the kept path, regenerations
/// asked for, choices made, and whether the simulated user left early.</summary>
public sealed record SignalSessionResult(string Name, string Root, string Group, int Turns, int Regenerations, int Choices,
    bool Abandoned);

/// <summary>Plays self-play sessions in which the simulated user also regenerates replies and chooses between them, by its
/// <see cref="ChoicePolicy"/>: a fresh world per session, one turn at a time; after every character reply the policy may regenerate
/// it (through <see cref="ISceneGrain.Regenerate"/>), keeps one alternative (<see cref="ISceneGrain.Choose"/>, which records the
/// preference signal in the world family) and may leave. The problems a user weighs are the bench's detector findings on the
/// reply in its context. Nothing is recorded beside the silo: signals are read back with <see cref="SignalCollector"/>.</summary>
public sealed class SignalSelfPlay(WorldPlayClient client, SessionMinds minds)
{
    /// <summary>Turns a session may run past its length to end on the user's line (a session that ends on a reply looks
    /// abandoned).</summary>
    public const int Overrun = 4;

    /// <summary>Plays <paramref name="session"/> for about <paramref name="turns"/> turns with <paramref name="policy"/>.</summary>
    public async Task<SignalSessionResult> PlayAsync(
        SelfPlaySession session, ChoicePolicy policy, int turns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(policy);
        var scenario = session.Scenario;
        var root = $"{session.Name}-{Guid.NewGuid():N}"[..(session.Name.Length + 9)];
        await client.CreateWorldAsync(root, scenario.World);
        var opening = scenario.OpeningMessage is { } text && !string.IsNullOrWhiteSpace(text) ? new ScriptedLine(scenario.Npc, text) : null;
        var scene = await client.OpenSceneAsync(
            $"{root}/{scenario.SceneId}",
            new SceneOptions(root, scenario.SceneId, session.Seed, minds.Npc, minds.User(session), TurnTakingPolicy.RoundRobin,
                PerspectiveBuilder.DefaultBudget, scenario.Alternation, opening));
        var path = new List<TurnRecord>();
        var (regenerations, choices, abandoned) = (0, 0, false);
        while (path.Count < turns + Overrun && (path.Count < turns || path[^1].Role != TurnRole.User))
        {
            var batch = await scene.PlayUntilAsync(path.Count + 1, 1, cancellationToken);
            if (batch.Turns.IsEmpty)
            {
                break;
            }
            path.AddRange(batch.Turns);
            var reply = path[^1];
            if (reply.Role != TurnRole.Npc || reply.Usage.Mind == SessionTranscript.ScriptedMind)
            {
                continue;
            }
            var pivot = ChoicePolicy.IsPivot(Answered(path));
            TurnAlternatives? alternatives = null;
            var asked = 0;
            while (policy.Regenerates(session.Seed, reply.Turn, asked, pivot))
            {
                alternatives = await scene.RegenerateAsync();
                asked++;
            }
            regenerations += asked;
            ReplyCandidate kept;
            if (alternatives is { Candidates.Length: > 1 } offered)
            {
                var before = path[..^1];
                var candidates = offered.Candidates.Select(c => Candidate(session, [.. before, c.Turn])).ToList();
                var index = policy.Choose(session.Seed, reply.Turn, candidates);
                (scene, _) = await scene.ChooseAsync(offered.Candidates[index]);
                path[^1] = offered.Candidates[index].Turn;
                kept = candidates[index];
                choices++;
            }
            else
            {
                kept = Candidate(session, path);
            }
            if (policy.Abandons(session.Seed, reply.Turn, kept))
            {
                abandoned = true;
                break;
            }
        }
        return new SignalSessionResult(session.Name, root, policy.Group, path.Count, regenerations, choices, abandoned);
    }

    /// <summary>The changes of the reply just played and of the user's line it answers.</summary>
    private static IEnumerable<WorldEvent> Answered(List<TurnRecord> path)
    {
        var events = path[^1].Accepted.IsDefault ? [] : path[^1].Accepted;
        return path.Count > 1 && path[^2].Role == TurnRole.User && !path[^2].Accepted.IsDefault
            ? events.AddRange(path[^2].Accepted)
            : events;
    }

    /// <summary>The last turn of <paramref name="path"/> as a reply to choose: its length and the detectors' findings on it, read in
    /// the context a signal keeps (<see cref="SignalCollector.ContextLines"/>).</summary>
    private static ReplyCandidate Candidate(SelfPlaySession session, List<TurnRecord> path)
    {
        var window = path.Skip(Math.Max(0, path.Count - SignalCollector.ContextLines - 1)).ToList();
        var transcript = SessionTranscript.From(session, window);
        var last = transcript.Lines.Length - 1;
        var problems = TranscriptScorer.Score(transcript).Hits.Count(h => h.Line == last);
        return new ReplyCandidate(path[^1].Speech.Length, problems);
    }
}
