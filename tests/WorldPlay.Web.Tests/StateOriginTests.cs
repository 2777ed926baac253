using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Laws;
using WorldPlay.Core.Worlds;

namespace WorldPlay.Web.Tests;

/// <summary>The state view marks what was created in play with its origin, as the viewer's badges read it.</summary>
public sealed class StateOriginTests
{
    private static StateAtTurn Grown(string name)
    {
        var definition = WorldFiles.Load("harbor");
        EntityId wren = "wren";
        var outcome = Commitment.Commit(WorldState.Initial(definition), LawBook.For(definition.Setting), 1, "gull-and-kettle",
        [
            Proposal.Of(wren, new EntityCreated("lena", EntityKind.Character, name, [], "Wren's sister.", "long-quay", null,
                EntityStatus.Alive)),
            Proposal.Of(wren, new RelationshipChanged(wren, "lena", "sibling-of", 0.8)),
        ]);
        Assert.True(outcome.Rejected.IsEmpty, string.Join("; ", outcome.Rejected.Select(r => r.Reason)));
        return StateAtTurn.Of("harbor-1", 1, 1, new StateView(outcome.State, "hash"));
    }

    [Theory]
    [InlineData("Lena")]
    [InlineData("莲娜")]
    public void State_CreatedCharacter_CarriesTheUsersOriginAndTurn(string name)
    {
        var lena = Grown(name).Entities.Single(e => e.Id == "lena");

        Assert.Equal(("user", "wren", 1, "the user (Wren) at turn 1, event 1", name),
            (lena.Origin?.Source, lena.Origin?.By, lena.Origin?.Turn, lena.Origin?.Text, lena.Name));
    }

    [Fact]
    public void State_UserDeclaredTie_CarriesItsOrigin()
    {
        var tie = Grown("Lena").Relationships.Single(r => r.To == "lena");

        Assert.Equal(("user", 2L), (tie.Origin?.Source, tie.Origin?.Event));
    }

    [Fact]
    public void State_DesignersEntity_HasNoOrigin()
    {
        var mira = Grown("Lena").Entities.Single(e => e.Id == "mira");

        Assert.Null(mira.Origin);
    }
}
