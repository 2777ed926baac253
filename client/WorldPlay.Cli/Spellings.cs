using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text;
using WorldPlay.Core;

namespace WorldPlay.Cli;

/// <summary>Option values as world files spell them (lowercase words joined by dashes, <c>round-robin</c>), accepted in any case,
/// so one vocabulary serves the files, the command line and the errors.</summary>
internal static class Spellings
{
    /// <summary>How a world file spells <paramref name="value"/>: <c>RoundRobin</c> is <c>round-robin</c>.</summary>
    public static string Of<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var spelled = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && spelled.Length > 0)
            {
                spelled.Append('-');
            }
            spelled.Append(char.ToLowerInvariant(c));
        }
        return spelled.ToString();
    }

    /// <summary>Every value of <typeparamref name="T"/> as a world file spells it.</summary>
    public static IReadOnlyList<string> All<T>()
        where T : struct, Enum => [.. Enum.GetValues<T>().Select(Of)];

    /// <summary>An option whose value is one of <typeparamref name="T"/>, given as the world file spells it in any case
    /// (the enum's own name, <c>RoundRobin</c>, still works); a wrong value is refused with the allowed spellings.</summary>
    public static Option<T?> EnumOption<T>(string name, string noun, string description)
        where T : struct, Enum
    {
        var allowed = All<T>();
        var option = new Option<T?>(name)
        {
            Description = description,
            HelpName = string.Join('|', allowed),
            CustomParser = r =>
            {
                var given = r.Tokens.Single().Value;
                var plain = given.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
                foreach (var value in Enum.GetValues<T>())
                {
                    if (string.Equals(value.ToString(), plain, StringComparison.OrdinalIgnoreCase))
                    {
                        return value;
                    }
                }
                r.AddError($"{name} '{given}' is not a {noun}; allowed: {string.Join(", ", allowed)}.");
                return null;
            },
        };
        option.CompletionSources.Add(allowed.ToArray());
        return option;
    }

    /// <summary>Restricts a string option to <paramref name="allowed"/>, in any case: the value is read back as the listed
    /// spelling. <paramref name="aliases"/> maps older spellings that still work (not shown in help) to their listed ones.</summary>
    public static void OneOf(Option<string> option, IReadOnlyList<string> allowed, IReadOnlyDictionary<string, string>? aliases = null)
    {
        var fallback = option.DefaultValueFactory;
        option.HelpName ??= string.Join('|', allowed);
        option.CompletionSources.Add(allowed.ToArray());
        option.CustomParser = r =>
        {
            if (r.Tokens.Count == 0)
            {
                return fallback is null ? null : fallback(r);
            }
            var given = r.Tokens[^1].Value;
            var match = allowed.FirstOrDefault(a => string.Equals(a, given, StringComparison.OrdinalIgnoreCase))
                ?? aliases?.FirstOrDefault(a => string.Equals(a.Key, given, StringComparison.OrdinalIgnoreCase)).Value;
            if (match is null)
            {
                r.AddError($"{option.Name} '{given}' is not one of: {string.Join(", ", allowed)}.");
            }
            return match;
        };
    }

    /// <summary>The value of <paramref name="option"/>, or of its hidden older name <paramref name="old"/> when only that
    /// was given.</summary>
    public static T? Either<T>(ParseResult result, Option<T> option, Option<T> old) =>
        result.GetResult(option) is { Implicit: false } || result.GetResult(old) is null or { Implicit: true }
            ? result.GetValue(option)
            : result.GetValue(old);

    /// <summary>A hidden copy of <paramref name="option"/> under an older name, so command lines written before the rename
    /// still run.</summary>
    public static Option<string> HiddenAlias(Option<string> option, string oldName, IReadOnlyList<string> allowed,
        IReadOnlyDictionary<string, string>? aliases = null)
    {
        var old = new Option<string>(oldName) { Hidden = true, Description = $"Old name of {option.Name}." };
        OneOf(old, allowed, aliases);
        return old;
    }
}
