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
}
