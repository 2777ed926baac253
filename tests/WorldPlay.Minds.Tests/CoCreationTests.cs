using System.Collections.Immutable;
using WorldPlay.Core;
using WorldPlay.Core.Characters;
using WorldPlay.Core.Laws;
using WorldPlay.Core.Minds;
using WorldPlay.Core.Worlds;
using WorldPlay.Minds.Procedural;

namespace WorldPlay.Minds.Tests;

/// <summary>The co-creating user plants relatives, places and items the laws accept and asks about them later; the procedural
/// characters answer about what they know of them by their ties, and admit what they do not know.</summary>
public sealed class CoCreationTests
{
    private static readonly EntityId Lena = "lena-varro";

    public static TheoryData<bool> Languages() => [false, true];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Plant_EveryPlanting_TheLawsAcceptIt(bool chinese)
    {
        var (definition, state, user) = World(chinese);
        var laws = LawBook.For(definition.Setting);
        var plan = CoCreationPlan.For(PerspectiveOf(definition, state, user, null), chinese);

        foreach (var planting in plan.Plantings)
        {
            var p = PerspectiveOf(definition, state, user, null);
            var (_, proposals) = planting.Plant(p) ?? throw new InvalidOperationException($"{planting.What} planted nothing.");
            var outcome = Commitment.Commit(state, laws, planting.Turn, state.WhereIs(user), proposals);

            Assert.True(outcome.Rejected.IsEmpty,
                $"{planting.What} {planting.Person}: {string.Join("; ", outcome.Rejected.Select(r => r.Reason))}");
            state = outcome.State;
        }
        var created = state.Entities.Values.Where(e => e.Origin?.Source == OriginSource.User).ToList();
        Assert.True(created.Count >= 14, $"created by the user: {string.Join(", ", created.Select(e => e.Name))}");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Plant_ChineseOrEnglishWorld_NamesFitTheLanguage(bool chinese)
    {
        var (definition, state, user) = World(chinese);
        var plan = CoCreationPlan.For(PerspectiveOf(definition, state, user, null), chinese);

        var names = plan.Plantings.SelectMany(x => new[] { x.Person, x.NewPlace, x.Item }).ToList();

        Assert.All(names, n => Assert.Equal(chinese, Kinship.IsChinese(n)));
        Assert.Equal(plan.Plantings.Length, plan.Plantings.Select(x => x.Person).Distinct().Count());
    }

    [Fact]
    public void CoCreator_HarborScene_PlantsEarlyAndNothingIsRefused()
    {
        var play = ScenePlay.Play(WorldFiles.Load("harbor"), 300, seed: 7, UserStyle.CoCreator);

        var userTurns = play.Turns.Where(t => t.Role == Core.Scenes.TurnRole.User).ToList();
        var created = userTurns.SelectMany(t => t.Accepted).Select(e => e.Change).OfType<EntityCreated>().ToList();
        var ties = play.Final.Relationships.Values.Count(r => r.Origin?.Source == OriginSource.User);
        Assert.Empty(userTurns.SelectMany(t => t.Rejected).Select(r => r.Reason));
        Assert.True(created.Count >= 10, $"created: {string.Join(", ", created.Select(c => c.Name))}");
        Assert.True(ties >= 5, $"user ties: {ties}");
    }

    [Fact]
    public void CoCreator_LaterTurns_AskAboutWhatItPlantedLongBefore()
    {
        var play = ScenePlay.Play(WorldFiles.Load("harbor"), 300, seed: 7, UserStyle.CoCreator);
        var planted = play.Turns
            .SelectMany(t => t.Accepted.Where(e => e.Change is EntityCreated).Select(e => (e.Turn, (EntityCreated)e.Change)))
            .Where(x => x.Item2.EntityKind != EntityKind.Place)
            .ToList();

        var probes = play.Turns.Where(t => t.Role == Core.Scenes.TurnRole.User && !t.Accepted.Any(e => e.Change is EntityCreated))
            .Select(t => (t.Number, t.Speech, Named: planted.FirstOrDefault(x => Mentions(t.Speech, x.Item2.Name)).Item2))
            .Where(x => x.Named is not null)
            .ToList();

        Assert.True(probes.Count >= 3, $"probes: {string.Join(" | ", probes.Select(x => x.Speech))}");
        Assert.All(probes, x => Assert.True(planted.First(y => y.Item2 == x.Named).Turn + CoCreatorTurn.ProbeDelay <= x.Number,
            $"turn {x.Number} asks about {x.Named!.Name} too soon: {x.Speech}"));
    }

    [Theory]
    [InlineData(false, "Have you heard from my sister Lena?", "Your sister Lena Varro", "Saltmere")]
    [InlineData(true, "你最近有我姐姐沈晓雨的消息吗？", "你姐姐沈晓雨", "白沙渡")]
    public void Decide_UserAsksAboutAKnownCreation_AnswersWithItsKinAndPlace(bool chinese, string line, string kin, string place)
    {
        var (definition, state, user) = World(chinese);
        var name = chinese ? "沈晓雨" : "Lena Varro";
        var npc = definition.Scenes[0].Cast.First(c => c != user);
        var creation = new CreationView(Lena, EntityKind.Character, name, "", place, OriginSource.User, "Wren", 12, null,
            [new RelationshipView(Lena, name, "sister", user, "Wren", 0.8)]);
        var p = PerspectiveOf(definition, state, npc, Heard(user, line)) with { Creations = [creation] };

        var speech = ProceduralMind.Decide(p).Speech;

        Assert.StartsWith(kin, speech, StringComparison.Ordinal);
        Assert.Contains(place, speech, StringComparison.Ordinal);
        Assert.DoesNotContain(chinese ? "哥哥" : "brother", speech, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "Have you heard from my aunt Lena Varro? She lives in Saltmere.", "Lena Varro? I don't know anyone")]
    [InlineData(true, "你最近有我姑妈沈晓雨的消息吗？", "沈晓雨？我不认识这个人")]
    public void Decide_UserAsksAboutAnUnknownCreation_SaysItDoesNotKnowThem(bool chinese, string line, string answer)
    {
        var (definition, state, user) = World(chinese);
        var npc = definition.Scenes[0].Cast.First(c => c != user);
        var p = PerspectiveOf(definition, state, npc, Heard(user, line));

        var speech = ProceduralMind.Decide(p).Speech;

        Assert.StartsWith(answer, speech, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "My sister Lena Varro lives in Saltmere, two days up the coast. Are you well?", "know anyone")]
    [InlineData(true, "我姐姐沈晓雨住在白沙渡，沿着海岸往北要走两天。你还好吗？", "不认识")]
    public void Decide_UserIntroducesSomeoneNew_DoesNotAskWhoThatIs(bool chinese, string line, string unknown)
    {
        var (definition, state, user) = World(chinese);
        var npc = definition.Scenes[0].Cast.First(c => c != user);
        var p = PerspectiveOf(definition, state, npc, Heard(user, line));

        var speech = ProceduralMind.Decide(p).Speech;

        Assert.DoesNotContain(unknown, speech, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_KnownCreationTiedToSomeoneElse_NeverCallsItTheUsersKin()
    {
        var (definition, state, user) = World(chinese: false);
        var npc = definition.Scenes[0].Cast.First(c => c != user);
        var creation = new CreationView(Lena, EntityKind.Character, "Lena Varro", "", "Saltmere", OriginSource.Character, "Oren", 12,
            "Oren", [new RelationshipView(Lena, "Lena Varro", "mother", npc, "Someone", 0.8)]);
        var p = PerspectiveOf(definition, state, npc, Heard(user, "Have you heard from Lena Varro?")) with { Creations = [creation] };

        var speech = ProceduralMind.Decide(p).Speech;

        Assert.StartsWith("My mother Lena Varro? Last I heard, she was still at Saltmere. Oren told me of her.", speech,
            StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void OwnRelative_NpcNamesKin_TheLawsAcceptItWithItsTie(bool chinese)
    {
        var (definition, state, user) = World(chinese);
        var npc = definition.Scenes[0].Cast.First(c => c != user);
        var p = PerspectiveOf(definition, state, npc, Heard(user, chinese ? "我姐姐沈晓雨住在白沙渡。" : "My sister Lena lives in Vask."));
        var rejected = new List<string>();
        var created = new List<Entity>();

        for (var seed = 0; seed < 8; seed++)
        {
            var (_, proposals) = CreationTalk.OwnRelative(p, new Random(seed), chinese)
                ?? throw new InvalidOperationException("No relative named.");
            var outcome = Commitment.Commit(state, LawBook.For(definition.Setting), 1, state.WhereIs(npc), proposals);
            rejected.AddRange(outcome.Rejected.Select(r => r.Reason));
            created.AddRange(outcome.State.Entities.Values.Where(e => e.Origin?.Source == OriginSource.Character));
        }

        Assert.Empty(rejected);
        Assert.Contains(created, e => e.Status == EntityStatus.Dead);
        Assert.All(created, e => Assert.Equal(chinese, Kinship.IsChinese(e.Name)));
    }

    private static bool Mentions(string text, string name) =>
        NameMention.IndexOf(text, name) >= 0 || (!Kinship.IsChinese(name) && NameMention.IndexOf(text, name.Split(' ')[0]) >= 0);

    private static HeardLine Heard(EntityId user, string text) => new(1, 1, user, "Wren", text, []);

    private static (WorldDefinition Definition, WorldState State, EntityId User) World(bool chinese)
    {
        var definition = chinese ? GeneratedWorlds.Make(3, chinese: true) : WorldFiles.Load("harbor");
        var user = definition.Scenes.First(s => s.User is not null).User!.Value;
        return (definition, WorldState.Initial(definition), user);
    }

    private static Perspective PerspectiveOf(WorldDefinition definition, WorldState state, EntityId who, HeardLine? heard)
    {
        var names = definition.Entities.ToDictionary(e => e.Id, e => e.Name);
        var scene = definition.Scenes.First(s => s.User is not null);
        var cue = new SceneCue(scene.Id, scene.Place, names[scene.Place], false, Pacing.Steady, [], heard, [], 11);
        return PerspectiveBuilder.Build(definition.PersonaOf(who)!, CharacterMemory.Empty(who, names), WorldSlice.Of(state, who), cue,
            PerspectiveBuilder.DefaultBudget, TokenCounter.Default);
    }
}
