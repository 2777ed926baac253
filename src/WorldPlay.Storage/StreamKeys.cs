using System.Text;

namespace WorldPlay.Storage;

/// <summary>Turns a stream name into a Table partition key and blob name. Keys forbid '/', '\', '#', '?' and control
/// characters, and blob names treat '/' and a trailing '.' specially, so every UTF-8 byte outside [A-Za-z0-9_-] is
/// written as '~' and two upper-case hex digits: "world/harbor" is "world~2Fharbor". '~' itself is escaped, so the
/// encoding is reversible and two streams never share a key, and names stay readable in a storage browser.</summary>
internal static class StreamKeys
{
    public static string Escape(string stream)
    {
        var bytes = Encoding.UTF8.GetBytes(stream);
        var key = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            if (b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9' or (byte)'_'
                or (byte)'-')
            {
                key.Append((char)b);
            }
            else
            {
                key.Append('~').Append(Convert.ToHexString([b]));
            }
        }
        return key.ToString();
    }
}
