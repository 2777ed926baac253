namespace WorldPlay.Core;

/// <summary>Seeds that are the same on every machine and every run (unlike <see cref="string.GetHashCode()"/>).</summary>
public static class StableSeed
{
    /// <summary>A 31-bit seed mixed from the parts with FNV-1a.</summary>
    public static int Of(params object[] parts)
    {
        var hash = 2166136261u;
        foreach (var part in parts)
        {
            foreach (var c in part.ToString() ?? "")
            {
                hash = (hash ^ c) * 16777619u;
            }
            hash = (hash ^ '|') * 16777619u;
        }
        return (int)(hash & 0x7fffffff);
    }
}
