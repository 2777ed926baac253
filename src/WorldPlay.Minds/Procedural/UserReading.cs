using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using WorldPlay.Core.Minds;
using Reading = WorldPlay.Minds.Procedural.PerspectiveReading;

namespace WorldPlay.Minds.Procedural;

/// <summary>What the terse, adversarial and language-switching users read off their perspective: whom to speak to, and
/// their own last lines, told apart by the templates they came from. A mind keeps no state between turns (one instance serves
/// every scene, and a grain may move), so where such a user stands in its plan is read back from what it said.</summary>
internal static class UserReading
{
    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    /// <summary>The character to speak to: whoever just spoke to the user, else the one the user spoke to last, else anyone
    /// present; null when no character is present.</summary>
    public static PresentView? Addressee(Perspective p, Random random)
    {
        var cast = Reading.Present(p).Where(x => !x.IsUser).ToList();
        if (cast.Count == 0)
        {
            return null;
        }
        var heard = Reading.Heard(p);
        return cast.FirstOrDefault(c => c.Id == heard?.Speaker)
            ?? Reading.OwnLinesWithAddressees(p)
                .Select(l => l.Addressees.IsDefault ? null : cast.FirstOrDefault(c => l.Addressees.Contains(c.Id)))
                .LastOrDefault(c => c is not null)
            ?? cast[random.Next(cast.Count)];
    }

    /// <summary>The user's own lines as far as its perspective shows them, most recent last.</summary>
    public static IReadOnlyList<string> OwnLines(Perspective p) => Reading.OwnPastLines(p).ToList();

    /// <summary>Whether <paramref name="text"/> is <paramref name="template"/> with its <c>{name}</c> filled in.</summary>
    public static bool Matches(string template, string text) =>
        Patterns.GetOrAdd(template,
            t => new Regex("^" + Regex.Escape(t).Replace(@"\{name}", ".+?", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant))
            .IsMatch(text);

    public static string Fill(string template, string name) => template.Replace("{name}", name, StringComparison.Ordinal);

    /// <summary>The same deterministic randomness <see cref="UserTurn"/> uses: the turn's seed mixed with the mind's name.</summary>
    public static Random RandomFor(Perspective p, string mindName, string purpose = "") =>
        new(purpose.Length == 0 ? Core.StableSeed.Of(p.Cue.Seed, mindName) : Core.StableSeed.Of(p.Cue.Seed, mindName, purpose));

    public static CharacterAction Silent(string mindName) => new("", "", [], [], MindUsage.Free(mindName));
}
