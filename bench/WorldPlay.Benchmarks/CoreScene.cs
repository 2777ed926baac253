using System.Collections.Immutable;
using WorldPlay.Core;
using WorldPlay.Core.Characters;
using WorldPlay.Core.Laws;
using WorldPlay.Core.Minds;
using WorldPlay.Core.Scenes;
using WorldPlay.Core.Worlds;
using WorldPlay.Minds;

namespace WorldPlay.Benchmarks;

/// <summary>An ensemble scene played in the core alone, taking the steps the scene and character grains take for one turn
/// (who acts, perspective, mind, law check and commit, every character taking in what it witnessed, the scene moving on),
/// without Orleans, storage or serialization. Immutable: <see cref="Step"/> gives the scene one turn later, so a benchmark can
/// time the same turn again and again.</summary>
public sealed record CoreScene(
    WorldDefinition Definition,
    LawBook Laws,
    WorldState State,
    SceneProgress Progress,
    ImmutableDictionary<EntityId, CharacterMemory> Memories)
{
    private static readonly ProceduralUserSimulator User = new(UserStyle.SlowBurn);

    /// <summary>The harbor world's first scene (seed 7, the documented simulate command's seed) with the first
    /// <paramref name="castSize"/> members of its cast, the user among them. Characters left out of the cast start at another
    /// place, so they are neither present nor witnesses.</summary>
    public static CoreScene OpenHarbor(int castSize = 7, int seed = 7)
    {
        var definition = WorldFiles.Load("harbor");
        var spec = definition.Scenes[0];
        var user = spec.User!.Value;
        var cast = spec.Cast.Where(c => c != user).Take(castSize - 1).Append(user).ToImmutableArray();
        var elsewhere = definition.Entities.First(e => e.Kind == EntityKind.Place && e.Id != spec.Place).Id;
        definition = definition with
        {
            Entities = [.. definition.Entities.Select(e => e.IsCharacter && !cast.Contains(e.Id) ? e with { Location = elsewhere } : e)],
            Scenes = [spec with { Cast = cast }],
        };
        spec = definition.Scenes[0];
        var state = WorldState.Initial(definition);
        var names = definition.Entities.ToDictionary(e => e.Id, e => e.Name);
        var talkativeness = cast.ToDictionary(c => c, c => definition.PersonaOf(c)?.Talkativeness ?? 0.5);
        return new CoreScene(
            definition,
            LawBook.For(definition.Setting),
            state,
            SceneProgress.Open(spec, spec.TurnTaking, seed, talkativeness, state.CharactersAt(spec.Place).Select(c => c.Id)),
            cast.ToImmutableDictionary(c => c, c => CharacterMemory.Empty(c, names)));
    }

    /// <summary>The scene after <paramref name="turns"/> more turns (fewer when nobody is left to act).</summary>
    public CoreScene Play(int turns)
    {
        var scene = this;
        for (var i = 0; i < turns && scene.Step() is { } next; i++)
        {
            scene = next;
        }
        return scene;
    }

    /// <summary>Who acts next and what the scene tells them; null when nobody can act.</summary>
    public (NextUp Next, SceneCue Cue)? NextUp()
    {
        var next = Progress.Next(userPlays: true);
        if (next.Who is not { } who)
        {
            return null;
        }
        var placeName = Definition.Entities.First(e => e.Id == Progress.Spec.Place).Name;
        return (next, Progress.CueFor(who, next.Kind == NextUpKind.Offstage, placeName));
    }

    /// <summary>What the character grain does before asking the mind.</summary>
    public Perspective PerspectiveOf(EntityId who, SceneCue cue) =>
        PerspectiveBuilder.Build(
            Definition.PersonaOf(who)!, Memories[who], WorldSlice.Of(State, who), cue, PerspectiveBuilder.DefaultBudget,
                TokenCounter.Default);

    /// <summary>The procedural mind (or, for the user, the slow-burn user simulator).</summary>
    public static CharacterAction Decide(NextUp next, Perspective perspective) =>
        next.Kind == NextUpKind.User ? User.Decide(perspective) : ProceduralMind.Decide(perspective);

    /// <summary>What the world grain does with a turn's proposals: judge each by the laws and fold in those allowed.</summary>
    public CommitOutcome Commit(NextUp next, CharacterAction action)
    {
        var who = next.Who!.Value;
        var answering = Progress.LastLine is { } line && line.Speaker != who ? [line.Seq] : ImmutableArray<long>.Empty;
        var scenePlace = next.Kind == NextUpKind.Offstage ? (EntityId?)null : Progress.Spec.Place;
        return Commitment.Commit(State, Laws, Progress.Turn + 1, scenePlace, action.AllProposals(who, answering));
    }

    /// <summary>After the commit: every character takes in what it witnessed, and the scene moves on.</summary>
    public CoreScene Fold(NextUp next, CharacterAction action, CommitOutcome outcome, int perspectiveTokens)
    {
        var who = next.Who!.Value;
        var role = next.Kind == NextUpKind.User ? TurnRole.User : TurnRole.Npc;
        var record = new TurnRecord(
            Progress.Turn + 1, who, Definition.PersonaOf(who)!.Name, role, action.Speech, action.Narration,
            outcome.Accepted, outcome.Rejected, action.Usage, perspectiveTokens, 0);
        var present = outcome.State.CharactersAt(Progress.Spec.Place).Select(c => c.Id).ToImmutableArray();
        return this with
        {
            State = outcome.State,
            Progress = Progress.After(record, present, Definition.Entities.Where(e => e.IsCharacter)),
            Memories = Memories.ToImmutableDictionary(m => m.Key, m => m.Value.Witness(outcome.Accepted)),
        };
    }

    /// <summary>One whole turn; null when nobody can act.</summary>
    public CoreScene? Step()
    {
        if (NextUp() is not var (next, cue))
        {
            return null;
        }
        var perspective = PerspectiveOf(next.Who!.Value, cue);
        var action = Decide(next, perspective);
        return Fold(next, action, Commit(next, action), perspective.TokenCount);
    }
}
