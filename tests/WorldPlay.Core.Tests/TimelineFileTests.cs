using System.Buffers.Binary;
using MessagePack;
using WorldPlay.Core.Serialization;
using static WorldPlay.Testing.TestWorlds;

namespace WorldPlay.Core.Tests;

/// <summary>World files with branches: both formats round trip, older files still read, and bad input is refused with a clear
/// message.</summary>
public sealed class TimelineFileTests
{
    /// <summary>A random story as the main branch, a fork at its middle turn and a grandchild fork, each with an event of its
    /// own.</summary>
    private static WorldBundle Branched(Story story)
    {
        var bundle = new WorldBundle(Harbortown, "dusk", 7, [new WorldBranch(WorldBundle.MainBranch, null, 0, 0, story.Events, [])]);
        var middle = bundle.Of("main").Current.Turn / 2;
        bundle = bundle.Fork("main", middle, "side").Bundle;
        var side = bundle.Of("side").Current;
        bundle = bundle.Continue("side",
            Commitment.Commit(side, HarbortownLaws, middle + 1, null, [Proposal.Of(Mira, new TimeAdvanced(3))]).Accepted, []);
        return bundle.Fork("side", bundle.Of("side").Current.Turn, "far").Bundle;
    }

    private static WorldBundle Small() => Branched(RandomStories.Play(
        [.. Enumerable.Range(1, 16)
            .Select(i => new TurnDice(5, i * 7, i * 13, [[.. Enumerable.Range(0, 8).Select(k => (i * 31 + k * 577) % 10000)]]))]));

    [Theory]
    [InlineData(TimelineFormat.MessagePack)]
    [InlineData(TimelineFormat.Json)]
    public void Decode_EncodedRandomBranchedWorld_SameBundleHash(TimelineFormat format)
    {
        RandomStories.Sample(story =>
        {
            var bundle = Branched(story);

            var back = TimelineFile.Decode(TimelineFile.Encode(bundle, format), "test");

            Assert.Equal(CoreSerialization.Hash(bundle), CoreSerialization.Hash(back));
        }, iterations: 40);
    }

    [Theory]
    [InlineData(TimelineFormat.MessagePack)]
    [InlineData(TimelineFormat.Json)]
    public void Decode_BranchedWorld_BranchesAndLineageSurvive(TimelineFormat format)
    {
        var back = TimelineFile.Decode(TimelineFile.Encode(Small(), format), "test");

        Assert.Equal("side main", string.Join(' ', back.Lineage("far").Ancestors));
    }

    [Fact]
    public void Decode_VersionOneFile_ReadsAsOneMainBranch()
    {
        var story = RandomStories.Play([new TurnDice(5, 1, 1, [[1, 2, 3, 4, 5, 6, 7, 8]]),
            new TurnDice(5, 1, 2, [[8, 7, 6, 5, 4, 3, 2, 1]])]);
        var archive = new TimelineArchive(Harbortown, story.Events, [], "dusk", 3);
        var body = MessagePackSerializer.Serialize(archive, CoreSerialization.MessagePack);
        byte[] bytes = [.. "WPTL"u8, 0, 1, .. body];

        var bundle = TimelineFile.Decode(bytes, "old.wptl");

        Assert.Equal(("main", story.Events.Length), (Assert.Single(bundle.Branches).Id, bundle.EventsOf("main").Length));
    }

    [Fact]
    public void Decode_FutureMessagePackVersion_SaysANewerWorldPlayMadeIt()
    {
        var bytes = TimelineFile.Encode(Small());
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(4), 9);

        var e = Assert.Throws<TimelineFileException>(() => TimelineFile.Decode(bytes, "x"));

        Assert.Contains("made by a newer WorldPlay (timeline format version 9)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_FutureJsonVersion_SaysANewerWorldPlayMadeIt()
    {
        var json = System.Text.Encoding.UTF8.GetString(TimelineFile.EncodeJson(Small()))
            .Replace("\"version\": 2", "\"version\": 7", StringComparison.Ordinal);

        var e = Assert.Throws<TimelineFileException>(() => TimelineFile.Decode(System.Text.Encoding.UTF8.GetBytes(json), "x"));

        Assert.Contains("made by a newer WorldPlay", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TimelineFormat.MessagePack)]
    [InlineData(TimelineFormat.Json)]
    public void Decode_TruncatedFile_RefusedAsDamaged(TimelineFormat format)
    {
        var bytes = TimelineFile.Encode(Small(), format);

        var e = Assert.Throws<TimelineFileException>(() => TimelineFile.Decode(bytes.AsMemory(0, bytes.Length * 2 / 3), "cut"));

        Assert.Contains("'cut' is", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_RandomBytesAfterTheHeader_RefusedWithTimelineFileException()
    {
        var random = new Random(5);
        for (var i = 0; i < 200; i++)
        {
            var junk = new byte[random.Next(0, 300)];
            random.NextBytes(junk);
            byte[] bytes = [.. "WPTL"u8, 0, 2, .. junk];

            Assert.Throws<TimelineFileException>(() => TimelineFile.Decode(bytes, "junk"));
        }
    }

    [Fact]
    public void Decode_FlippedBytesInARealFile_NeverThrowsAnythingElse()
    {
        var good = TimelineFile.Encode(Small());
        var random = new Random(11);
        for (var i = 0; i < 300; i++)
        {
            var bytes = (byte[])good.Clone();
            bytes[random.Next(6, bytes.Length)] ^= (byte)random.Next(1, 256);
            try
            {
                TimelineFile.Decode(bytes, "flipped");
            }
            catch (TimelineFileException)
            {
                // Refused with a message: what a damaged file should get. Decoding fine is also acceptable (a flip in a string).
            }
        }
    }

    [Fact]
    public void Decode_NotAWorldFile_SaysHowToMakeOne()
    {
        var e = Assert.Throws<TimelineFileException>(() => TimelineFile.Decode("hello"u8.ToArray(), "notes.txt"));

        Assert.Contains("worldplay simulate --out FILE", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_JsonOfSomethingElse_SaysItIsNotAWorld()
    {
        var e = Assert.Throws<TimelineFileException>(() => TimelineFile.Decode("{\"name\": 1}"u8.ToArray(), "other.json"));

        Assert.Contains("not a WorldPlay world", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_BranchForkingBeyondItsParent_Refused()
    {
        var bundle = Small();
        var broken = bundle with { Branches = bundle.Branches.SetItem(1, bundle.Branches[1] with { ForkSeq = 100_000 }) };

        var e = Assert.Throws<TimelineFileException>(() => TimelineFile.Decode(TimelineFile.Encode(broken), "b"));

        Assert.Contains("forks at event 100000", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_ChildBeforeItsParent_Refused()
    {
        var bundle = Small();
        var broken = bundle with { Branches = [bundle.Branches[0], bundle.Branches[2], bundle.Branches[1]] };

        var e = Assert.Throws<TimelineFileException>(() => TimelineFile.Decode(TimelineFile.Encode(broken), "b"));

        Assert.Contains("does not come before it", e.Message, StringComparison.Ordinal);
    }
}
