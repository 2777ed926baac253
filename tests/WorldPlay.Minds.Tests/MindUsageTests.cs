using MessagePack;
using WorldPlay.Core.Minds;
using WorldPlay.Core.Serialization;

namespace WorldPlay.Minds.Tests;

/// <summary>Usage records stored before retries and repairs were counted still read.</summary>
public sealed class MindUsageTests
{
    [Fact]
    public void Deserialize_UsageStoredWithThreeKeys_ReadsWithZeroCounts()
    {
        var old = MessagePackSerializer.Serialize(new object[] { "openai:old", 120, 30 }, CoreSerialization.Canonical);

        var usage = MessagePackSerializer.Deserialize<MindUsage>(old, CoreSerialization.Canonical);

        Assert.Equal(new MindUsage("openai:old", 120, 30, 0, 0, 0, 0), usage);
    }

    [Fact]
    public void Serialize_Usage_RoundTrips()
    {
        var usage = new MindUsage("openai:m", 1, 2, 3.5, 4, 1, 2);

        Assert.Equal(usage,
            MessagePackSerializer.Deserialize<MindUsage>(MessagePackSerializer.Serialize(usage, CoreSerialization.MessagePack),
            CoreSerialization.MessagePack));
    }
}
