using System.Collections.Immutable;

namespace WorldPlay.Core.Scenes;

/// <summary>The scene's own narration of comings and goings, in the world's language.</summary>
public static class SceneNarration
{
    /// <summary>Whether a world's language tag is Chinese, whose narration has its own phrasing and no spaces between sentences.</summary>
    public static bool IsChinese(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    /// <summary>"Mira walks in from the Long Quay." (or without where from, when it is not known).</summary>
    public static string Entered(string who, string? from, string language) => (IsChinese(language), from) switch
    {
        (true, { } place) => $"{who}从{place}走了进来。",
        (true, null) => $"{who}走了进来。",
        (false, { } place) => $"{who} walks in from {InSentence(place)}.",
        (false, null) => $"{who} walks in.",
    };

    /// <summary>"Tomas leaves for the fish market." (or without where to, when it is not known).</summary>
    public static string Left(string who, string? to, string language) => (IsChinese(language), to) switch
    {
        (true, { } place) => $"{who}离开了，往{place}去。",
        (true, null) => $"{who}离开了。",
        (false, { } place) => $"{who} leaves for {InSentence(place)}.",
        (false, null) => $"{who} leaves.",
    };

    /// <summary>A place's name inside an English sentence: "The Long Quay" reads "the Long Quay".</summary>
    public static string InSentence(string place) => place.StartsWith("The ", StringComparison.Ordinal) ? "the" + place[3..] : place;

    /// <summary>Narration sentences joined as the language writes them.</summary>
    public static string Join(string language, IEnumerable<string> parts) =>
        string.Join(IsChinese(language) ? "" : " ", parts.Where(p => p.Length > 0));

    /// <summary>The narration of who walked in and out: "Mira walks in from the Long Quay.", from the journeys of the turn. A
    /// character created this turn was not walking in, and one whose journey a bridge replaced (in <paramref name="bridged"/>)
    /// has the bridge's own narration.</summary>
    public static IEnumerable<string> Comings(
        string language, Func<EntityId, string> name, Presence presence, ImmutableArray<WorldEvent> accepted,
        ImmutableArray<EntityId> bridged)
    {
        WorldEvent? JourneyOf(EntityId who) => accepted.LastOrDefault(e => e.Actor == who && e.Change is Moved or Travelled);
        foreach (var who in presence.Arrived.Where(a => !accepted.Any(e => e.Change is EntityCreated c && c.Id == a)))
        {
            var from = JourneyOf(who)?.Place is { } place ? name(place) : null;
            yield return Entered(name(who), from, language);
        }
        foreach (var who in presence.Departed.Where(d => !bridged.Contains(d)))
        {
            var to = JourneyOf(who)?.Change switch
            {
                Moved m => m.To,
                Travelled t => t.To,
                _ => (EntityId?)null,
            };
            yield return Left(name(who), to is { } place ? name(place) : null, language);
        }
    }
}
