namespace WorldPlay.Evaluation.Reports;

/// <summary>The three groups of the taxonomy and which category belongs to which.</summary>
public static class BenchGroups
{
    public const string Worlds = "Worlds";
    public const string Stories = "Stories";
    public const string UserPreferences = "User preferences";

    public static readonly IReadOnlyList<string> All = [Worlds, Stories, UserPreferences];

    public static string Of(string category) => category.Split('.')[0] switch
    {
        "logic" or "knowledge" => Worlds,
        "prefs" => UserPreferences,
        _ => Stories,
    };
}
