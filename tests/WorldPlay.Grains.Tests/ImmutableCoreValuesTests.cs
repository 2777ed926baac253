using System.Collections.Immutable;
using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Characters;
using WorldPlay.Core.Minds;
using WorldPlay.Core.Scenes;

namespace WorldPlay.Grains.Tests;

/// <summary>Core values pass between grains of one silo by reference only when reflection shows they cannot change.</summary>
public sealed class ImmutableCoreValuesTests
{
    public static TheoryData<Type> ValuesGrainsExchange => new()
    {
        typeof(EntityId), typeof(WorldEvent), typeof(WorldChange), typeof(Spoke), typeof(Proposal), typeof(WorldState),
        typeof(WorldDefinition), typeof(CharacterMemory), typeof(WorldSlice), typeof(Perspective), typeof(CharacterAction),
        typeof(SceneProgress), typeof(TurnRecord), typeof(SceneCue),
    };

    [Theory]
    [MemberData(nameof(ValuesGrainsExchange))]
    public void IsImmutable_CoreValueGrainsExchange_IsPassedByReference(Type type) =>
        Assert.True(ImmutableCoreValues.IsImmutable(type), type.Name);

    [Theory]
    [InlineData(typeof(Core.Fakes.WithSetter))]
    [InlineData(typeof(Core.Fakes.WithList))]
    [InlineData(typeof(Core.Fakes.WithArray))]
    [InlineData(typeof(Core.Fakes.Base))]
    [InlineData(typeof(Core.Fakes.HoldsMutable))]
    public void IsImmutable_TypeThatCanChange_IsStillCopied(Type type) => Assert.False(ImmutableCoreValues.IsImmutable(type), type.Name);

    [Fact]
    public void IsSupportedType_TypeOutsideTheCore_IsLeftToOrleans() =>
        Assert.False(new ImmutableCoreValues().IsSupportedType(typeof(ImmutableArray<int>)));
}
