using System.Collections.Immutable;
using System.Text.Json;
using WorldPlay.Core.Serialization;
using WorldPlay.Core.Scenes;
using static WorldPlay.Testing.TestWorlds;

namespace WorldPlay.Core.Tests;

/// <summary>A scene at the Old Harbor whose designer cast is Mira and Tomas; Oren and Lena have personas and may walk in.</summary>
public sealed class SceneCastTests
{
    private static readonly SceneSpec Spec =
        new("dawn", "Dawn at the harbor", Harbor, [Mira, Tomas], null, [], TurnTakingPolicy.Pooled, "");

    private static readonly Dictionary<EntityId, double> Joinable = new() { [Mira] = 0.8, [Tomas] = 0.6, [Oren] = 0.4, [Lena] = 0.3 };

    private static SceneProgress Opened(EntityId? user = null) =>
        SceneProgress.Open(Spec with { User = user }, TurnTakingPolicy.Pooled, 7, Joinable, [Mira, Tomas]);

    private static SceneProgress Walk(SceneProgress progress, params EntityId[] presentAfter) =>
        progress.Following(Presence.Between(progress.Present, presentAfter), Joinable) with { Present = [.. presentAfter] };

    [Fact]
    public void Following_ACharacterWithAPersonaWalksIn_JoinsTheCast()
    {
        var progress = Walk(Opened(), Mira, Tomas, Oren);

        Assert.Equal([Mira, Tomas, Oren], progress.Cast.AsEnumerable());
    }

    [Fact]
    public void Following_OneWhoJoinedWalksOut_LeavesTheCastAndIsNotPicked()
    {
        var progress = Walk(Walk(Opened(), Mira, Tomas, Oren), Mira, Tomas);

        Assert.Equal(("mira,tomas", false), (string.Join(",", progress.Cast), Enumerable.Range(0, 50)
            .Any(t => (progress with { Turn = t }).Next(userPlays: false).Who == Oren)));
    }

    [Fact]
    public void Following_TheDesignersCastWalksOut_StaysInTheCastAndStepsBack()
    {
        var progress = Walk(Opened(), Mira);

        Assert.Equal(("mira,tomas", new NextUp(NextUpKind.Offstage, Tomas)),
            (string.Join(",", progress.Cast), progress.Next(userPlays: false)));
    }

    [Fact]
    public void Following_TheUserWalksIn_DoesNotJoinTheCast()
    {
        var progress = Walk(Opened(user: Lena), Mira, Tomas, Lena);

        Assert.Equal([Mira, Tomas], progress.Cast.AsEnumerable());
    }

    [Fact]
    public void Following_ACharacterWithoutAPersonaWalksIn_DoesNotJoin()
    {
        var stranger = new EntityId("stranger");

        var progress = Walk(Opened(), Mira, Tomas, stranger);

        Assert.Equal([Mira, Tomas], progress.Cast.AsEnumerable());
    }

    [Fact]
    public void Following_StoredAndReadBackAsOnTheWire_StillKnowsWhoJoined()
    {
        var progress = Walk(Opened(), Mira, Tomas, Oren);

        var copy = JsonSerializer.Deserialize<SceneProgress>(JsonSerializer.Serialize(progress, CoreSerialization.Json),
            CoreSerialization.Json)!;

        Assert.Equal("mira,tomas", string.Join(",", Walk(copy, Mira, Tomas).Cast));
    }

    [Fact]
    public void Presence_Between_NamesWhoCameAndWhoWent()
    {
        var presence = Presence.Between([Mira, Tomas], [Tomas, Oren]);

        Assert.Equal(("oren", "mira"), (string.Join(",", presence.Arrived), string.Join(",", presence.Departed)));
    }

    [Fact]
    public void Directed_ACastMemberHere_IsTheNextSpeaker()
    {
        Assert.Equal(new NextUp(NextUpKind.Character, Tomas), Opened().Directed(Tomas, id => Names[id]));
    }

    [Fact]
    public void Directed_SomeoneAway_IsRefusedNamingWhoCanSpeak()
    {
        var e = Assert.Throws<ArgumentException>(() => Walk(Opened(), Mira).Directed(Tomas, id => Names[id]));

        Assert.Contains("who can speak: mira (Mira)", e.Message);
    }

    [Fact]
    public void Directed_TheUser_IsRefusedAsTheUser()
    {
        var e = Assert.Throws<ArgumentException>(() => Walk(Opened(user: Lena), Mira, Tomas, Lena).Directed(Lena, id => Names[id]));

        Assert.Contains("lena is the user", e.Message);
    }

    [Fact]
    public void Directed_SomeoneUnknown_IsRefusedAsNotOfTheScene()
    {
        var e = Assert.Throws<ArgumentException>(() => Opened().Directed(new EntityId("nobody"), id => Names[id]));

        Assert.Contains("is not a character of this scene; who can speak: mira (Mira), tomas (Tomas)", e.Message);
    }

    [Fact]
    public void SceneNarration_EnglishAndChinese_NarrateComingsAndGoingsInTheWorldsLanguage()
    {
        ImmutableArray<string> lines =
        [
            SceneNarration.Entered("Mira", "The Long Quay", "en"), SceneNarration.Left("Tomas", "Fish Market", "en"),
            SceneNarration.Entered("米拉", "码头", "zh"), SceneNarration.Left("托马斯", "鱼市", "zh-CN"),
        ];

        Assert.Equal(
            ["Mira walks in from the Long Quay.", "Tomas leaves for Fish Market.", "米拉从码头走了进来。",
                "托马斯离开了，往鱼市去。"],
            lines.AsEnumerable());
    }
}
