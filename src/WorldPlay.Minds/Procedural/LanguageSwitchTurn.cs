using WorldPlay.Core.Minds;

namespace WorldPlay.Minds.Procedural;

/// <summary>One turn of the language-switching user: slow-burn, except on the turns <see cref="Switches"/> picks, when it
/// asks a plain question in another language than the setting's (<see cref="UserPhrases.Foreign"/>). Whether the characters
/// follow it or stay in the setting's language is what the bench looks at.</summary>
internal static class LanguageSwitchTurn
{
    /// <summary>How often an eligible turn switches; with the two-line gap a switch comes about every four user turns.</summary>
    private const double SwitchChance = 0.45;

    /// <summary>The user's own lines after a switch that stay in the setting's language before it may switch again.</summary>
    private const int Gap = 2;

    public static CharacterAction Decide(Perspective p, string mindName)
    {
        if (p.Cue.Offstage)
        {
            return UserReading.Silent(mindName);
        }
        var random = UserReading.RandomFor(p, mindName);
        if (!Switches(p, mindName) || UserReading.Addressee(p, random) is not { } focus)
        {
            return new UserTurn(p, UserStyle.SlowBurn, mindName).Decide();
        }
        var languages = UserPhrases.Foreign.Keys.Where(l => l != SettingLanguage(p.Language)).Order(StringComparer.Ordinal).ToList();
        var lines = UserPhrases.Foreign[languages[random.Next(languages.Count)]];
        return new CharacterAction(UserReading.Fill(lines[random.Next(lines.Length)], focus.Name), "", [focus.Id], [],
            MindUsage.Free(mindName));
    }

    /// <summary>The seeded schedule: a turn switches when the turn's seed says so and none of the user's last
    /// <see cref="Gap"/> lines was a switch, so two switches never come back to back.</summary>
    public static bool Switches(Perspective p, string mindName) =>
        !UserReading.OwnLines(p).TakeLast(Gap).Any(IsForeign)
        && UserReading.RandomFor(p, mindName, "switch").NextDouble() < SwitchChance;

    /// <summary>Whether <paramref name="line"/> is one of the switched lines.</summary>
    public static bool IsForeign(string line) => UserPhrases.Foreign.Values.Any(pool => pool.Any(t => UserReading.Matches(t, line)));

    /// <summary>The setting's language as a two-letter code: "en-GB" and "English" are both "en".</summary>
    private static string SettingLanguage(string language)
    {
        var code = language.Trim().Split('-', '_')[0].ToLowerInvariant();
        return code switch
        {
            "english" => "en",
            "french" or "français" => "fr",
            "german" or "deutsch" => "de",
            "spanish" or "español" => "es",
            "russian" or "русский" => "ru",
            _ => code,
        };
    }
}
