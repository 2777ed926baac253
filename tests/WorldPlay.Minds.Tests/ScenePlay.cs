using System.Collections.Immutable;
using WorldPlay.Core;
using WorldPlay.Core.Characters;
using WorldPlay.Core.Laws;
using WorldPlay.Core.Minds;
using WorldPlay.Core.Scenes;

namespace WorldPlay.Minds.Tests;

/// <summary>A scene played through the core as the scene grain plays it (SceneProgress picks who acts, Commitment judges,
/// every participant perceives what it witnessed), with the procedural mind for the cast and a procedural user, and no Orleans.</summary>
internal sealed record ScenePlay(WorldDefinition Definition, SceneSpec Scene, ImmutableArray<ScenePlay.Turn> Turns, WorldState Final)
{
    /// <summary>One played turn: who acted, with what role, what was said and narrated, what the world accepted and what it
    /// refused.</summary>
    public sealed record Turn(int Number, EntityId Speaker, string SpeakerName, TurnRole Role, string Speech, string Narration,
        ImmutableArray<WorldEvent> Accepted, WorldState Before, ImmutableArray<Rejection> Rejected);

    public IEnumerable<Turn> NpcTurns => Turns.Where(t => t.Role == TurnRole.Npc);

    /// <param name="before">Changes committed before the first turn, such as a cast member who has just walked out.</param>
    /// <param name="keepAway">A cast member whose offstage turns do nothing (a mind that does not find the way back).</param>
    /// <param name="alternation">How the floor passes: the ensemble's pacing, or strictly in turn as imported scenarios play.</param>
    public static ScenePlay Play(
        WorldDefinition definition, int turns, int seed, UserStyle style = UserStyle.SlowBurn, string? sceneId = null,
        Proposal[]? before = null, string? keepAway = null, Alternation alternation = Alternation.Ensemble)
    {
        var spec = sceneId is null ? definition.Scenes.First(s => s.User is not null) : definition.Scenes.First(s => s.Id == sceneId);
        var state = WorldState.Initial(definition);
        if (before is not null)
        {
            state = Commitment.Commit(state, LawBook.For(definition.Setting), 0, null, before).State;
        }
        var laws = LawBook.For(definition.Setting);
        var names = definition.Entities.ToDictionary(e => e.Id, e => e.Name);
        var memories = definition.Personas.ToDictionary(p => p.Id, p => CharacterMemory.Empty(p.Id, names));
        var talkativeness = spec.Cast.Distinct().ToDictionary(c => c, c => definition.PersonaOf(c)?.Talkativeness ?? 0.5);
        var progress = SceneProgress.Open(
            spec, spec.TurnTaking, seed, talkativeness, state.CharactersAt(spec.Place).Select(c => c.Id), alternation);
        var characters = definition.Entities.Where(e => e.IsCharacter).ToList();
        var placeName = names[spec.Place];
        var user = new ProceduralUserSimulator(style);
        var played = ImmutableArray.CreateBuilder<Turn>();
        for (var i = 0; i < turns; i++)
        {
            var next = progress.Next(userPlays: true);
            if (next.Who is not { } who)
            {
                break;
            }
            var offstage = next.Kind == NextUpKind.Offstage;
            var persona = definition.PersonaOf(who)!;
            var perspective = PerspectiveBuilder.Build(persona, memories[who], WorldSlice.Of(state, who),
                progress.CueFor(who, offstage, placeName),
                PerspectiveBuilder.DefaultBudget, TokenCounter.Default);
            var role = next.Kind == NextUpKind.User ? TurnRole.User : TurnRole.Npc;
            var action = role == TurnRole.User ? user.Decide(perspective)
                : offstage && who.Value == keepAway ? new CharacterAction("", "", [], [], MindUsage.Free("away"))
                : ProceduralMind.Decide(perspective);
            var answering = progress.LastLine is { } line && line.Speaker != who ? [line.Seq] : ImmutableArray<long>.Empty;
            var number = progress.Turn + 1;
            var outcome = Commitment.Commit(state, laws, number, offstage ? null : (EntityId?)spec.Place,
                action.AllProposals(who, answering));
            played.Add(new Turn(number, who, persona.Name, role, action.Speech, action.Narration, outcome.Accepted, state,
                outcome.Rejected));
            state = outcome.State;
            foreach (var id in memories.Keys.ToList())
            {
                memories[id] = memories[id].Witness(outcome.Accepted);
            }
            var record = new TurnRecord(number, who, persona.Name, role, action.Speech, action.Narration, outcome.Accepted,
                outcome.Rejected,
                action.Usage, perspective.TokenCount, 0);
            progress = progress.After(record, [.. state.CharactersAt(spec.Place).Select(c => c.Id)], characters);
        }
        return new ScenePlay(definition, spec, played.ToImmutable(), state);
    }
}
