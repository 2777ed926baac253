namespace WorldPlay.Evaluation;

/// <summary>The fixed misalignment category ids reports use, and the group each belongs to.</summary>
public static class BenchCategory
{
    public const string MixedLanguage = "basics.mixed_language";
    public const string Repetition = "basics.repetition";
    public const string Formatting = "basics.formatting";
    public const string ReferenceConfusion = "logic.reference_confusion";
    public const string LawViolation = "knowledge.law_violation";
    public const string SinglePattern = "diversity.single_pattern";
    public const string Stagnation = "diversity.stagnation";
    public const string Filler = "diversity.filler";
    public const string OutOfCharacter = "content.ooc";
    public const string SpeaksForUser = "prefs.speaks_for_user";
    public const string IgnoresUser = "prefs.ignores_user";
    public const string NoHook = "prefs.no_hook";
    public const string Boundary = "prefs.boundary";

    /// <summary>Every category id, in report order.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        MixedLanguage, Repetition, Formatting, ReferenceConfusion, LawViolation, SinglePattern, Stagnation,
        Filler, OutOfCharacter, SpeaksForUser, IgnoresUser, NoHook, Boundary,
    ];
}
