using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Scenes;

namespace WorldPlay.Grains;

/// <summary>Regenerate, alternatives and choose for one scene: a regeneration forks the world before the scene's last turn into a
/// sibling world and plays that turn again there with a reseeded mind. The scene first regenerated (the origin) keeps the
/// candidates, so a sibling that has not moved on asks its origin; choosing one records a preference signal for the family.</summary>
internal sealed class TurnRegeneration(IGrainFactory grains, IPersistentState<SceneRecord> record, TranscriptLog transcript, string key)
{
    /// <summary>How many lines before a regenerated turn make up the preference signal's prompt.</summary>
    public const int PromptLines = 6;

    private SceneRecord Scene => record.State;

    private SceneOptions Options => Scene.Options!;

    private int Turn => Scene.Progress!.Turn;

    private IWorldGrain World => grains.GetGrain<IWorldGrain>(Options.WorldKey);

    public async Task<TurnAlternatives> RegenerateAsync()
    {
        if (Scene.SiblingOf is { } origin && Scene.ForkTurn + 1 == Turn)
        {
            // A sibling that has not moved on regenerates the same turn: the origin keeps the turn's alternatives.
            return await grains.GetGrain<ISceneGrain>(origin).Regenerate();
        }
        var turn = Turn;
        if (turn < 1)
        {
            throw new InvalidOperationException($"Scene '{key}' has played no turn yet; there is nothing to regenerate.");
        }
        var last = (await transcript.ReadAsync(Scene.TranscriptUpTo(transcript.Stream, turn), turn, 1)).Single();
        if (last.Role == TurnRole.User && Options.UserMind is null)
        {
            throw new InvalidOperationException(
                $"Turn {turn} of scene '{key}' is the person's own line; only a mind's turn can be regenerated.");
        }
        var n = ++Scene.Regenerations;
        await record.WriteStateAsync();
        var siblingWorld = SiblingNames.Regenerated(Options.WorldKey, turn, n);
        var siblingScene = $"{siblingWorld}/{Options.SceneId}";
        await World.Fork(new ForkRequest(siblingWorld, turn - 1, BranchKind.Regenerated));
        var replayed = await grains.GetGrain<ISceneGrain>(siblingScene).Branch(new SceneBranch(key, siblingWorld, n));
        var alternative = replayed.Turns.FirstOrDefault()
            ?? throw new InvalidOperationException(
                $"Turn {turn} of scene '{key}' could not be played again: nobody could act on branch '{siblingWorld}'.");
        var alternatives = Scene.Alternatives is { } known && known.Turn == turn
            ? known
            : new TurnAlternatives(key, turn, [new AlternativeTurn(key, Options.WorldKey, last)]);
        var candidate = new AlternativeTurn(siblingScene, siblingWorld, alternative);
        Scene.Alternatives = alternatives with { Candidates = alternatives.Candidates.Add(candidate) };
        await record.WriteStateAsync();
        return Scene.Alternatives;
    }

    public async Task<TurnAlternatives> AlternativesAsync()
    {
        if (Scene.SiblingOf is { } origin && Scene.ForkTurn + 1 == Turn)
        {
            return await grains.GetGrain<ISceneGrain>(origin).Alternatives();
        }
        return Scene.Alternatives ?? new TurnAlternatives(key, Turn, []);
    }

    public async Task<PreferenceSignal> ChooseAsync(string sceneKey)
    {
        if (Scene.Alternatives is null && Scene.SiblingOf is { } origin)
        {
            return await grains.GetGrain<ISceneGrain>(origin).Choose(sceneKey);
        }
        var alternatives = Scene.Alternatives
            ?? throw new InvalidOperationException($"Scene '{key}' has no regenerated turn to choose from; regenerate first.");
        var chosen = alternatives.Candidates.FirstOrDefault(c => c.Scene == sceneKey)
            ?? throw new ArgumentException(
                $"Scene '{sceneKey}' is not an alternative of turn {alternatives.Turn} of scene '{key}'; "
                + $"known: {string.Join(", ", alternatives.Candidates.Select(c => c.Scene))}.");
        var segments = Scene.TranscriptUpTo(transcript.Stream, alternatives.Turn);
        var before = await transcript.ReadAsync(segments, Math.Max(1, alternatives.Turn - PromptLines), alternatives.Turn - 1);
        var prompt = string.Join('\n', [
            .. before.Where(t => t.Turn < alternatives.Turn).Select(t => $"{t.SpeakerName}: {t.Speech}".TrimEnd()),
            $"{chosen.Turn.SpeakerName}:",
        ]);
        var root = (await World.Lineage()).Root;
        var signal = new PreferenceSignal(
            root,
            alternatives.Turn,
            chosen.Turn.Speaker,
            prompt,
            Option(chosen),
            [.. alternatives.Candidates.Where(c => c.Scene != sceneKey).Select(Option)],
            chosen.Turn.Usage.Mind);
        await grains.GetGrain<IWorldFamilyGrain>(root).RecordPreference(signal);
        return signal;

        static ReplyOption Option(AlternativeTurn a) => new(a.World, a.Scene, a.Turn.Speech);
    }
}
