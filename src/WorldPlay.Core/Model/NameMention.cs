namespace WorldPlay.Core;

/// <summary>Whether a text names an entity: as a whole word in scripts that space their words, anywhere in those that do not
/// (Chinese names sit inside their sentence with no space around them).</summary>
public static class NameMention
{
    /// <summary>True when <paramref name="text"/> names <paramref name="entity"/> by its name, the first word of a name of several
    /// words ("Anders" for Anders Coldwell), or one of its aliases.</summary>
    public static bool Mentions(string text, Entity entity) =>
        IndexOfFullOrFirst(text, entity.Name) >= 0 || entity.Aliases.Any(a => IndexOf(text, a) >= 0);

    /// <summary>Where <paramref name="name"/> occurs in <paramref name="text"/>, or else its first word when the name has several
    /// words and the first has three letters or more (people are called by their first name), or -1.</summary>
    public static int IndexOfFullOrFirst(string text, string name)
    {
        var full = IndexOf(text, name);
        if (full >= 0)
        {
            return full;
        }
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        return space >= 3 ? IndexOf(text, name[..space]) : -1;
    }

    /// <summary>Where <paramref name="name"/> first occurs in <paramref name="text"/> as a name (any case), or -1.</summary>
    public static int IndexOf(string text, string name)
    {
        if (name.Length == 0)
        {
            return -1;
        }
        if (name.Any(IsCjk))
        {
            return text.IndexOf(name, StringComparison.Ordinal);
        }
        for (var i = text.IndexOf(name, StringComparison.OrdinalIgnoreCase); i >= 0;
             i = text.IndexOf(name, i + 1, StringComparison.OrdinalIgnoreCase))
        {
            var before = i == 0 || !char.IsLetterOrDigit(text[i - 1]);
            var after = i + name.Length >= text.Length || !char.IsLetterOrDigit(text[i + name.Length]);
            if (before && after)
            {
                return i;
            }
        }
        return -1;
    }

    private static bool IsCjk(char c) => c is >= '\u3400' and <= '\u9fff' or >= '\uf900' and <= '\ufaff';
}
