using System.Collections.Immutable;
using WorldPlay.Client;
using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Minds;
using WorldPlay.Core.Scenes;
using WorldPlay.Evaluation.Judging;
using WorldPlay.Evaluation.SelfPlay;
using WorldPlay.Minds.Llm;
using WorldPlay.Synthesis.Rows;

namespace WorldPlay.Synthesis.Sessions;

/// <summary>One job being synthesized: the rounds, each played segment by segment (planned, every NPC turn ranked among its
/// regenerated alternatives, the segment reviewed and maybe rewritten on a branch), the next round forked from the last rewrite.
/// </summary>
internal sealed class SessionSynthesis
{
    /// <summary>Segment length when no review sets one: the planner still plans in segments.</summary>
    public const int DefaultSegment = 10;

    /// <summary>Lines before a turn that make up its prompt, as many as a regenerated turn's preference signal carries.</summary>
    public const int PromptLines = 6;

    private readonly IGrainFactory _grains;
    private readonly WorldPlayClient _client;
    private readonly SynthesisJob _job;
    private readonly SynthesisOptions _options;
    private readonly ReplyRanking _ranking;
    private readonly SegmentPlanner? _planner;
    private readonly string _root;
    private readonly SceneSpec _spec;

    public SessionSynthesis(IGrainFactory grains, SynthesisJob job, SynthesisOptions options, LlmJudge? judge)
    {
        _grains = grains;
        _client = new WorldPlayClient(grains);
        _job = job;
        _options = options;
        _ranking = new ReplyRanking(job, judge);
        _planner = options.IsRaw ? null : new SegmentPlanner(job.Scenario, job.Seed);
        _root = $"{job.Name}-{Guid.NewGuid():N}";
        _spec = job.Scenario.Scene;
    }

    private int SegmentLength => _options.ReviewEvery > 0 ? _options.ReviewEvery : DefaultSegment;

    private string UserMind => _job.User.StartsWith("user-sim:", StringComparison.Ordinal) ? _job.User : $"user-sim:{_job.User}";

    public async Task<SynthesizedSession> RunAsync(CancellationToken cancellationToken)
    {
        var scenario = _job.Scenario;
        await _client.CreateWorldAsync(_root, scenario.World);
        // Opened as the bench opens it: the scenario's opening message is the NPC's turn 1, its alternation paces the scene.
        var opening = scenario.OpeningMessage is { } text && !string.IsNullOrWhiteSpace(text) ? new ScriptedLine(scenario.Npc, text) : null;
        var sceneKey = $"{_root}/{scenario.SceneId}";
        var status = await Scene(sceneKey).Open(new SceneOptions(_root, scenario.SceneId, _job.Seed, _job.Style, UserMind,
            TurnTakingPolicy.RoundRobin, PerspectiveBuilder.DefaultBudget, scenario.Alternation, opening));
        var path = new ScenePath(_root, sceneKey, [], status);
        var rounds = ImmutableArray.CreateBuilder<SynthesisRound>();
        var start = 0;
        for (var number = 1; number <= _options.Rounds; number++)
        {
            var candidates = new List<TurnCandidates>();
            if (number > 1)
            {
                path = await ForkRoundAsync(path, start, number, candidates, cancellationToken);
            }
            var (played, reviews, plans, lastRewrite) = await PlayRoundAsync(path, number, start, candidates, cancellationToken);
            path = played;
            var transcript = ImmutableArray.CreateBuilder<TurnRecord>();
            await foreach (var turn in _client.Scene(path.Scene).TranscriptAsync(cancellationToken: cancellationToken))
            {
                transcript.Add(turn);
            }
            rounds.Add(new SynthesisRound(number, path.World, path.Scene, start, transcript.ToImmutable(), [.. candidates], reviews)
            {
                Plans = plans,
            });
            start = lastRewrite ?? path.Turn;
        }
        return new SynthesizedSession(_job, rounds.ToImmutable());
    }

    /// <summary>Round <paramref name="number"/> starts on a branch of the world forked after turn <paramref name="forkTurn"/> of the
    /// previous round's scene, its first turn replayed with reseeded minds so it does not retell the previous round.</summary>
    private async Task<ScenePath> ForkRoundAsync(
        ScenePath previous, int forkTurn, int number, List<TurnCandidates> candidates, CancellationToken cancellationToken)
    {
        var world = $"{_root}-round{number}";
        return await BranchAsync(previous, world, forkTurn, StableSeed.Of(_job.Seed, "round", number), candidates, cancellationToken);
    }

    /// <summary>Forks <paramref name="path"/>'s world after <paramref name="forkTurn"/> as <paramref name="world"/> and opens the scene
    /// there, replaying the next turn with the speaker's mind reseeded by <paramref name="variant"/>.</summary>
    private async Task<ScenePath> BranchAsync(
        ScenePath path, string world, int forkTurn, int variant, List<TurnCandidates> candidates, CancellationToken cancellationToken)
    {
        await _client.World(path.World).ForkAsync(world, forkTurn);
        var scene = $"{world}/{_job.Scenario.SceneId}";
        var batch = await Scene(scene).Branch(new SceneBranch(path.Scene, world, variant));
        var branch = new ScenePath(world, scene, [.. path.Kept.Where(t => t.Turn <= forkTurn), .. batch.Turns], batch.Status, forkTurn + 1);
        foreach (var turn in batch.Turns)
        {
            await RankAsync(branch, turn, candidates, cancellationToken);
        }
        return branch;
    }

    private async Task<(ScenePath Path, ImmutableArray<SegmentReview> Reviews, ImmutableArray<SegmentPlan> Plans, int? LastRewrite)>
        PlayRoundAsync(ScenePath path, int number, int start, List<TurnCandidates> candidates, CancellationToken cancellationToken)
    {
        var end = start + _options.Turns;
        var reviews = ImmutableArray.CreateBuilder<SegmentReview>();
        var plans = ImmutableArray.CreateBuilder<SegmentPlan>();
        int? lastRewrite = null;
        while (path.Turn < end)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var from = path.Turn + 1;
            var to = Math.Min(from + SegmentLength - 1, end);
            var plan = _planner?.Plan(number, from, to);
            if (plan is not null)
            {
                plans.Add(plan);
            }
            if (!await PlaySegmentAsync(path, plan, to, candidates, cancellationToken))
            {
                break;
            }
            if (_options.ReviewEvery > 0)
            {
                var (review, kept) = await ReviewAsync(path, number, from, path.Turn, plan, candidates, cancellationToken);
                reviews.Add(review);
                if (review.Rewritten)
                {
                    path = kept;
                    lastRewrite = path.Turn;
                }
            }
        }
        return (path, reviews.ToImmutable(), plans.ToImmutable(), lastRewrite);
    }

    /// <summary>Plays until the scene reaches turn <paramref name="to"/>, steered by <paramref name="plan"/>: its user line said at
    /// the user's first turn from its turn on that leaves room for a reply within the segment, its run of consecutive turns given
    /// by naming the next speaker; every other turn is the scene's own (self-play). Every NPC turn is ranked. False when nobody
    /// could act any more.</summary>
    private async Task<bool> PlaySegmentAsync(
        ScenePath path, SegmentPlan? plan, int to, List<TurnCandidates> candidates, CancellationToken cancellationToken)
    {
        var lineSaid = false;
        var run = plan?.Run ?? 0;
        while (path.Turn < to)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var next = path.Turn + 1;
            TurnBatch batch;
            if (plan is not null && !lineSaid && next >= plan.UserLineTurn && next < to && UsersTurn(path))
            {
                lineSaid = true;
                batch = await Scene(path.Scene).Say(new UserLine(plan.UserLine, []));
            }
            else if (plan is { RunSpeaker: { } speaker } && run > 0 && next >= plan.RunFrom && path.Turn > 0
                && path.Status.Present.Contains(speaker))
            {
                run--;
                batch = await Scene(path.Scene).PlayNext(speaker);
            }
            else
            {
                batch = await _client.Scene(path.Scene).PlayUntilAsync(next, 1, cancellationToken);
            }
            if (batch.Turns.IsEmpty)
            {
                return false;
            }
            path.Status = batch.Status;
            path.Kept.AddRange(batch.Turns);
            foreach (var turn in batch.Turns)
            {
                await RankAsync(path, turn, candidates, cancellationToken);
            }
        }
        return true;
    }

    /// <summary>Whether the user-side agent may speak now: after the opening, when the scene has a user, and in a strictly
    /// alternating scene only where the user's turn falls (after a character's).</summary>
    private bool UsersTurn(ScenePath path) =>
        path.Turn > 0 && path.Status.User is not null
        && (_job.Scenario.Alternation == Alternation.Ensemble || path.Kept[^1].Role != TurnRole.User);

    /// <summary>Best-of-K for an NPC turn <paramref name="turn"/> just kept on <paramref name="path"/>: when it is the scene's last
    /// turn and may be regenerated, it is played again K-1 times on sibling branches; every alternative is scored after the same
    /// context, the best (lowest score, then the earliest) is chosen and the session goes on in its scene; the others are
    /// recorded as rejected. A user's or a scripted turn is not ranked.</summary>
    private async Task RankAsync(ScenePath path, TurnRecord turn, List<TurnCandidates> candidates, CancellationToken cancellationToken)
    {
        if (turn.Role != TurnRole.Npc || turn.Usage.Mind == SessionTranscript.ScriptedMind)
        {
            return;
        }
        var index = path.Kept.FindIndex(t => t.Turn == turn.Turn);
        var context = path.Kept.Take(index).ToList();
        ImmutableArray<AlternativeTurn> alternatives = [new AlternativeTurn(path.Scene, path.World, turn)];
        if (_options.BestOf > 1 && index == path.Kept.Count - 1 && turn.Turn != path.Unregenerable)
        {
            var origin = Scene(path.Scene);
            for (var k = 1; k < _options.BestOf; k++)
            {
                alternatives = (await origin.Regenerate()).Candidates;
            }
        }
        var scored = new List<(AlternativeTurn Alternative, ReplyCandidate Candidate)>();
        foreach (var (alternative, sample) in alternatives.Select((a, i) => (a, i)))
        {
            var (text, score, findings) = await _ranking.ScoreReplyAsync(context, alternative.Turn, cancellationToken);
            scored.Add((alternative, new ReplyCandidate(alternative.World, alternative.Scene, text, score, findings, sample)));
        }
        // Stable order: among equal scores the earlier alternative (the scene's own reply first) wins.
        var ranked = scored.Select((s, i) => (s.Alternative, s.Candidate, Index: i))
            .OrderBy(s => s.Candidate.Score).ThenBy(s => s.Index).ToList();
        var best = ranked[0];
        if (alternatives.Length > 1)
        {
            await Scene(path.Scene).Choose(best.Alternative.Scene);
            path.Scene = best.Alternative.Scene;
            path.World = best.Alternative.World;
            path.Kept[index] = best.Alternative.Turn;
            path.Status = await Scene(path.Scene).Status();
        }
        var kept = best.Alternative.Turn;
        candidates.Add(new TurnCandidates(
            kept.Turn,
            kept.Speaker.Value,
            await SystemAsync(path.World, kept),
            Prompt(context, kept.Speaker),
            best.Candidate,
            [.. ranked.Skip(1).Select(r => r.Candidate)]));
    }

    /// <summary>The speaker's persona and what it perceives of the world, read from its character grain on the world the turn
    /// was kept in and rendered as the LLM mind renders its system message. It is read right after the turn, so the world
    /// section holds what the turn itself changed; the lines heard are left out (they are the prompt).</summary>
    private async Task<string> SystemAsync(string world, TurnRecord turn)
    {
        var placeName = _job.Scenario.World.Entities.FirstOrDefault(e => e.Id == _spec.Place)?.Name ?? _spec.Place.Value;
        var cue = new SceneCue(_spec.Id, _spec.Place, placeName, false, Pacing.Steady, _spec.Objectives, null, [], _job.Seed,
            _job.Scenario.Alternation);
        var view = await _grains.GetGrain<ICharacterGrain>(CharacterKey.Of(world, turn.Speaker)).Perspective(new TurnCue(cue, turn.Turn));
        return CharacterSystemPrompt.Render(view.Perspective);
    }

    /// <summary>The last <see cref="PromptLines"/> lines of <paramref name="context"/> as chat turns seen by
    /// <paramref name="speaker"/>: its own lines as the assistant's, everyone else's as the user's with their name.</summary>
    private ImmutableArray<ChatTurn> Prompt(IReadOnlyList<TurnRecord> context, EntityId speaker)
    {
        var lines = _ranking.Transcript(context).Lines;
        return [.. context.Zip(lines).Skip(Math.Max(0, context.Count - PromptLines)).Select(x => x.First.Speaker == speaker
            ? new ChatTurn(ChatTurn.Assistant, x.Second.Text)
            : new ChatTurn(ChatTurn.User, x.Second.Text, x.First.SpeakerName))];
    }

    /// <summary>Reviews turns <paramref name="from"/> to <paramref name="to"/> of <paramref name="path"/>: with findings, the world is
    /// forked before the segment (after the opening, which is given) and the segment replayed there with reseeded minds, the same
    /// plan and best-of-K; the rewrite is kept, and the session goes on on its branch, when it scores lower.</summary>
    private async Task<(SegmentReview Review, ScenePath Path)> ReviewAsync(
        ScenePath path, int number, int from, int to, SegmentPlan? plan, List<TurnCandidates> candidates,
        CancellationToken cancellationToken)
    {
        var (score, findings) = _ranking.ScoreSegment(path.Kept, from, to);
        ImmutableArray<TurnRecord> original = [.. path.Kept.Where(t => t.Turn >= from && t.Turn <= to)];
        if (findings.IsEmpty)
        {
            return (new SegmentReview(from, to, [], false, null, null) { Score = score, Original = original }, path);
        }
        var forkTurn = from - 1;
        if (forkTurn == 0 && path.Kept[0].Usage.Mind == SessionTranscript.ScriptedMind)
        {
            forkTurn = 1;
        }
        var world = $"{_root}-r{number}-t{from}";
        var rewrite = await BranchAsync(path, world, forkTurn, StableSeed.Of(_job.Seed, "rewrite", number, from), candidates,
            cancellationToken);
        await PlaySegmentAsync(rewrite, plan, to, candidates, cancellationToken);
        var (rewriteScore, _) = _ranking.ScoreSegment(rewrite.Kept, from, rewrite.Turn);
        var kept = rewriteScore < score;
        var review = new SegmentReview(from, to, findings, kept, rewrite.World, rewrite.Scene)
        {
            Score = score,
            RewriteScore = rewriteScore,
            Original = original,
            Rewrite = [.. rewrite.Kept.Where(t => t.Turn >= from)],
        };
        return (review, kept ? rewrite : path);
    }

    private ISceneGrain Scene(string key) => _grains.GetGrain<ISceneGrain>(key);
}
