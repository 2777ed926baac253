using System.Text;

namespace WorldPlay.Core.Tests;

public sealed class SiblingNamesTests
{
    [Fact]
    public void A_short_parent_is_kept_whole()
    {
        Assert.Equal("harbor-t12-r2", SiblingNames.Regenerated("harbor", 12, 2));
    }

    [Fact]
    public void A_chain_of_kept_regenerations_stays_bounded_and_distinct()
    {
        var world = "rpbench-scenes-7-s18-5948ca1e7d9a4a2b9c1d0e3f4a5b6c7d";
        var seen = new HashSet<string>(StringComparer.Ordinal) { world };
        for (var turn = 2; turn <= 400; turn += 3)
        {
            world = SiblingNames.Regenerated(world, turn, 1 + (turn % 3));
            Assert.True(seen.Add(world), world);
            // The scene's transcript stream is "scene/WORLD/SCENE"; a stream name may hold 170 UTF-8 bytes.
            Assert.InRange(Encoding.UTF8.GetByteCount(world), 1, 100);
        }
        Assert.StartsWith("rpbench-scenes-7-s18-", world, StringComparison.Ordinal);
        Assert.EndsWith("-t398-r3", world, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_chinese_parent_is_cut_between_characters()
    {
        var parent = string.Concat(Enumerable.Repeat("茶馆的故事", 8));

        var sibling = SiblingNames.Regenerated(parent, 3, 1);

        Assert.StartsWith("茶馆的故事茶馆的故事茶馆的~", sibling, StringComparison.Ordinal);
        Assert.InRange(Encoding.UTF8.GetByteCount(sibling), 1, 100);
        Assert.NotEqual(sibling, SiblingNames.Regenerated(parent + "2", 3, 1));
    }
}
