using System.Security.Cryptography;
using System.Text;

namespace WorldPlay.Core;

/// <summary>Names the sibling world a regenerated turn is played in: <c>PARENT-tTURN-rN</c>. A session that keeps choosing
/// regenerated replies continues on the sibling and regenerates from there, so those suffixes would nest without end and the
/// world's store streams would outgrow what a stream name may hold (best-of-K synthesis chooses a regeneration every few
/// turns). A parent key longer than <see cref="LongestParentBytes"/> UTF-8 bytes is therefore shortened to its beginning and a
/// hash of the whole key: still readable, still unique, and bounded however deep the chain.</summary>
public static class SiblingNames
{
    /// <summary>The longest parent key kept whole, in UTF-8 bytes.</summary>
    public const int LongestParentBytes = 72;

    private const int KeptPrefixBytes = 40;

    /// <summary>The sibling world of <paramref name="parent"/> for the <paramref name="n"/>-th regeneration of turn
    /// <paramref name="turn"/>.</summary>
    public static string Regenerated(string parent, int turn, int n)
    {
        ArgumentException.ThrowIfNullOrEmpty(parent);
        return $"{Bounded(parent)}-t{turn}-r{n}";
    }

    private static string Bounded(string parent)
    {
        if (Encoding.UTF8.GetByteCount(parent) <= LongestParentBytes)
        {
            return parent;
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(parent)))[..12];
        var prefix = new StringBuilder();
        var bytes = 0;
        foreach (var rune in parent.EnumerateRunes())
        {
            bytes += rune.Utf8SequenceLength;
            if (bytes > KeptPrefixBytes)
            {
                break;
            }
            prefix.Append(rune.ToString());
        }
        return $"{prefix}~{hash}";
    }
}
