using System.Collections.Immutable;

namespace WorldPlay.Core.Tests;

public sealed class LineageTests
{
    // harbor (at 90) -> a forked at 40 (at 70) -> b forked at 55 of a (at 60); harbor -> c forked at 30 (at 50).
    private static readonly FamilyMember Harbor = new("harbor", "harbor", 90, []);
    private static readonly FamilyMember A = new("a", "harbor", 70, [("harbor", 40)]);
    private static readonly FamilyMember B = new("b", "harbor", 60, [("a", 55), ("harbor", 40)]);
    private static readonly FamilyMember C = new("c", "harbor", 50, [("harbor", 30)]);

    [Fact]
    public void PartingSeq_ParentAndChild_TheForkPoint() => Assert.Equal(40, Lineage.PartingSeq(Harbor, A));

    [Fact]
    public void PartingSeq_GrandchildAndParent_TheNearerForkPoint() => Assert.Equal(55, Lineage.PartingSeq(B, A));

    [Fact]
    public void PartingSeq_Cousins_TheEarlierForkFromTheCommonAncestor() => Assert.Equal(30, Lineage.PartingSeq(B, C));

    [Fact]
    public void PartingSeq_WorldAndItself_ItsVersion() => Assert.Equal(70, Lineage.PartingSeq(A, A));

    [Fact]
    public void PartingSeq_AncestorBehindTheForkPoint_TheAncestorsVersion() =>
        Assert.Equal(35, Lineage.PartingSeq(Harbor with { Version = 35 }, A));

    [Fact]
    public void PartingSeq_OtherFamily_Null() => Assert.Null(Lineage.PartingSeq(A, new FamilyMember("court", "court", 12, [])));

    [Fact]
    public void BranchPrefix_RootWorld_ItsOwnStreamUpToTheFork() =>
        Assert.Equal<StreamStretch>([new StreamStretch("world/harbor", 25)], Lineage.BranchPrefix([], "world/harbor", 0, 25));

    [Fact]
    public void BranchPrefix_BranchForkedAfterItsOwnStart_InheritedThenOwn()
    {
        ImmutableArray<StreamStretch> inherited = [new("world/harbor", 40)];

        var prefix = Lineage.BranchPrefix(inherited, "world/a", 40, 55);

        Assert.Equal<StreamStretch>([new StreamStretch("world/harbor", 40), new StreamStretch("world/a", 55)], prefix);
    }

    [Fact]
    public void BranchPrefix_ForkedInsideTheInheritedPrefix_OnlyTheStreamsThatReachIt()
    {
        ImmutableArray<StreamStretch> inherited = [new("world/harbor", 40), new("world/a", 55)];

        var prefix = Lineage.BranchPrefix(inherited, "world/b", 55, 30);

        Assert.Equal<StreamStretch>([new StreamStretch("world/harbor", 30)], prefix);
    }

    [Fact]
    public void BranchPrefix_ForkedAtTurnZero_Empty() =>
        Assert.Empty(Lineage.BranchPrefix([], "world/harbor", 0, 0));
}
