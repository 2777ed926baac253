using System.Collections.Immutable;
using System.Text.Json;
using CsCheck;
using WorldPlay.Core.Minds;
using WorldPlay.Core.Scenes;
using WorldPlay.Core.Serialization;
using static WorldPlay.Testing.TestWorlds;

namespace WorldPlay.Core.Tests;

/// <summary>A scene at the Old Harbor where Mira (and, in ensembles, Tomas) play opposite the user Lena, with the floor passed
/// strictly or by the ensemble's pacing.</summary>
public sealed class AlternationTests
{
    private static readonly SceneSpec Spec =
        new("dawn", "Dawn at the harbor", Harbor, [Mira, Lena], Lena, [], TurnTakingPolicy.RoundRobin, "");

    private static readonly Dictionary<EntityId, double> Talkative = new() { [Mira] = 0.8, [Tomas] = 0.6 };

    private static SceneProgress Opened(Alternation alternation, params EntityId[] cast) =>
        SceneProgress.Open(Spec with { Cast = [.. cast, Lena] }, TurnTakingPolicy.RoundRobin, 7, Talkative, [.. cast, Lena], alternation);

    /// <summary>The turn <paramref name="next"/> as the scene would record it: a line (or silence) and who is present after it.</summary>
    private static (SceneProgress, TurnRole) Play(SceneProgress progress, NextUp next, bool speaks, ImmutableArray<EntityId> present)
    {
        var who = next.Who!.Value;
        var role = who == Lena ? TurnRole.User : TurnRole.Npc;
        var turn = progress.Turn + 1;
        ImmutableArray<WorldEvent> accepted = speaks
            ? [new WorldEvent(turn, turn, turn, who, Harbor, new Spoke($"Line {turn}, Mira and Tomas.", []), [], [.. present])]
            : [];
        var record = new TurnRecord(
            turn, who, who.Value, role, speaks ? $"Line {turn}" : "", "", accepted, [], MindUsage.Free("test"), 0, 0);
        return (progress.After(record, present, [.. Harbortown.Entities.Where(e => e.IsCharacter)]), role);
    }

    private static readonly ImmutableArray<EntityId>[] Presences =
        [[Mira, Tomas, Lena], [Mira, Lena], [Tomas, Lena], [Lena], [Mira, Tomas]];

    [Fact]
    public void Next_StrictAtTheStart_GivesACharacterTheFloor()
    {
        var next = Opened(Alternation.Strict, Mira).Next(userPlays: true);

        Assert.Equal(new NextUp(NextUpKind.Character, Mira), next);
    }

    [Fact]
    public void Next_EnsembleAtTheStart_GivesTheUserTheFloor()
    {
        var next = Opened(Alternation.Ensemble, Mira).Next(userPlays: true);

        Assert.Equal(new NextUp(NextUpKind.User, Lena), next);
    }

    [Fact]
    public void Next_StrictWithAnyLinesSilencesAndComingsAndGoings_AlternatesCharacterAndUser()
    {
        // Any cast of one or two, any mix of spoken and silent turns, anyone walking out and back: roles go npc, user, npc, user.
        var draws = Gen.Select(Gen.Bool, Gen.Bool.Array[40], Gen.Int[0, Presences.Length - 1].Array[40], Gen.Int[0, 1000]);
        draws.Sample((ensemble, speaks, moves, seed) =>
        {
            EntityId[] cast = ensemble ? [Mira, Tomas] : [Mira];
            var progress = Opened(Alternation.Strict, cast) with { Seed = seed };
            var roles = new List<TurnRole>();
            for (var i = 0; i < 40; i++)
            {
                var next = progress.Next(userPlays: true);
                Assert.NotNull(next.Who);
                (progress, var role) = Play(progress, next, speaks[i], Presences[moves[i]]);
                roles.Add(role);
            }
            Assert.Equal(
                string.Join(",", Enumerable.Range(0, 40).Select(i => i % 2 == 0 ? TurnRole.Npc : TurnRole.User)),
                string.Join(",", roles));
        });
    }

    [Fact]
    public void Next_StrictWithTheUserAway_IsTheUsersStepBack()
    {
        var (progress, _) = Play(Opened(Alternation.Strict, Mira), new NextUp(NextUpKind.Character, Mira), true, [Mira]);

        Assert.Equal(new NextUp(NextUpKind.Offstage, Lena), progress.Next(userPlays: true));
    }

    [Fact]
    public void Next_EnsembleAfterAUserLine_LetsTheCharactersSpeakTwiceInARowForSomeSeed()
    {
        // The ensemble's pacing is unchanged: some seed gives the characters two replies before the user's next turn.
        var twice = Enumerable.Range(0, 50).Any(seed =>
        {
            var progress = Opened(Alternation.Ensemble, Mira) with { Seed = seed };
            (progress, _) = Play(progress, progress.Next(userPlays: true), true, [Mira, Lena]);
            (progress, _) = Play(progress, progress.Next(userPlays: true), true, [Mira, Lena]);
            return progress.Next(userPlays: true).Kind == NextUpKind.Character;
        });

        Assert.True(twice, "no seed of 50 gave the characters a second reply in a row under the ensemble's pacing");
    }

    [Fact]
    public void Alternation_StoredAndReadBackAsOnTheWire_StaysStrict()
    {
        var progress = Opened(Alternation.Strict, Mira);

        var copy = JsonSerializer.Deserialize<SceneProgress>(JsonSerializer.Serialize(progress, CoreSerialization.Json),
            CoreSerialization.Json)!;

        Assert.Equal(Alternation.Strict, copy.Alternation);
    }

    [Fact]
    public void Alternation_AProgressStoredBeforeItExisted_ReadsAsEnsemble()
    {
        var json = JsonSerializer.Serialize(Opened(Alternation.Strict, Mira), CoreSerialization.Json);
        var old = JsonSerializer.Serialize(JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!
            .Where(p => !p.Key.Equals("alternation", StringComparison.OrdinalIgnoreCase))
            .ToDictionary());

        var copy = JsonSerializer.Deserialize<SceneProgress>(old, CoreSerialization.Json)!;

        Assert.Equal(Alternation.Ensemble, copy.Alternation);
    }
}
