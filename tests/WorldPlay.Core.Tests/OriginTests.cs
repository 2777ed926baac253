using static WorldPlay.Core.Tests.Creating;
using static WorldPlay.Testing.TestWorlds;

namespace WorldPlay.Core.Tests;

/// <summary>Every entity, tie and fact says who brought it into the world: the designer's file, the user or a character, with the
/// event and turn that did it.</summary>
public sealed class OriginTests
{
    [Fact]
    public void Provenance_OfTheDesignersEntitiesTiesAndFacts_IsTheDesignersFile()
    {
        Assert.Equal((Origin.Designer, Origin.Designer, Origin.Designer),
            (Initial.Get(Mira).Provenance, Initial.RelationshipBetween(Mira, Tomas, "sibling")!.Provenance,
                Initial.Facts["oren-debt"].Provenance));
    }

    [Fact]
    public void EntityCreated_ByTheUsersCharacter_HasTheUserAsOrigin()
    {
        Assert.Equal(new Origin(OriginSource.User, Mira, 1, 1), IlseMade.Get(Ilse).Origin);
    }

    [Fact]
    public void EntityCreated_ByACharacter_HasThatCharacterAsOrigin()
    {
        var state = After(WithUserMira, Proposal.Of(Oren, Character("bram", "Bram", "Oren's late brother", Market)));

        Assert.Equal(new Origin(OriginSource.Character, Oren, 1, 1), state.Get("bram").Origin);
    }

    [Fact]
    public void RelationshipChanged_DeclaredByTheUser_HasTheUserAsOrigin()
    {
        Assert.Equal(new Origin(OriginSource.User, Mira, 2, 1), IlseMade.RelationshipBetween(Ilse, Mira, "sister-of")!.Origin);
    }

    [Fact]
    public void RelationshipChanged_StrengthChangedByAnother_KeepsItsFirstOrigin()
    {
        var state = Then(IlseMade, Proposal.Of(Tomas, new RelationshipChanged(Ilse, Mira, "sister-of", 0.2)));

        var tie = state.RelationshipBetween(Ilse, Mira, "sister-of")!;

        Assert.Equal((new Origin(OriginSource.User, Mira, 2, 1), 0.2), (tie.Origin, tie.Strength));
    }

    [Fact]
    public void RelationshipChanged_DesignersTieChangedInPlay_StaysTheDesigners()
    {
        var state = After(WithUserMira, Proposal.Of(Mira, new RelationshipChanged(Mira, Tomas, "sibling", 0.9)));

        Assert.Equal(Origin.Designer, state.RelationshipBetween(Mira, Tomas, "sibling")!.Provenance);
    }

    [Fact]
    public void FactAsserted_ByACharacter_HasThatCharacterAsOrigin()
    {
        var state = After(WithUserMira, Proposal.Of(Tomas, new FactAsserted("tomas-plan", Tomas, "plans", "to leave")));

        Assert.Equal(new Origin(OriginSource.Character, Tomas, 1, 1), state.Facts["tomas-plan"].Origin);
    }

    [Fact]
    public void Describe_UserOrigin_NamesTheUserAndTheTurn()
    {
        var text = IlseMade.Get(Ilse).Provenance.Describe(id => IlseMade.Get(id).Name);

        Assert.Equal("the user (Mira) at turn 1, event 1", text);
    }

    [Fact]
    public void DescriptionChanged_OfACreatedEntity_KeepsItsOrigin()
    {
        var state = After(IlseMade, Proposal.Of(Tomas, new DescriptionChanged(Ilse, "a ferry pilot")));

        Assert.Equal(OriginSource.User, state.Get(Ilse).Provenance.Source);
    }
}
