using System.CommandLine;

namespace WorldPlay.Cli.Preferences;

/// <summary><c>worldplay prefs</c>: preference signals from worlds (regenerations and the reply kept) collected, denoised and
/// exported as training rows. See docs/preferences.md.</summary>
internal static class PrefsCommand
{
    public static Command Create(TextWriter output, TextWriter error) =>
        new("prefs", "Preference signals: which regenerated reply a user kept, collected from world families (or from self-play " +
            "whose simulated users regenerate and choose), denoised (quality floor, per-group bias removal, duration-weighted " +
            "confidence) and exported as DPO pairs or KTO rows; diversity compares two transcript sets (an early-stopping signal). " +
            "See docs/preferences.md.")
        {
            PrefsCollectCommand.Create(output, error),
            PrefsDenoiseCommand.Create(output),
            PrefsExportCommand.Create(output),
            PrefsDiversityCommand.Create(output, error),
        };
}
