using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using WorldPlay.Contracts;

namespace WorldPlay.Client;

/// <summary>Preference signals as JSONL preference pairs (<c>{"prompt", "chosen", "rejected", ...}</c>), the shape
/// preference-tuning tools read.</summary>
public static class PreferencePairs
{
    /// <summary>One pair per discarded reply of each signal.</summary>
    public static IEnumerable<JsonObject> Of(IEnumerable<PreferenceSignal> signals) =>
        from signal in signals
        from rejected in signal.Rejected
        select new JsonObject
        {
            ["prompt"] = signal.Prompt,
            ["chosen"] = signal.Chosen.Text,
            ["rejected"] = rejected.Text,
            ["world"] = signal.Root,
            ["turn"] = signal.Turn,
            ["speaker"] = signal.Speaker.Value,
            ["mind"] = signal.Mind,
            ["chosenBranch"] = signal.Chosen.World,
            ["rejectedBranch"] = rejected.World,
        };

    /// <summary>Writes the pairs of <paramref name="signals"/>, one JSON object a line; returns how many.</summary>
    public static async Task<int> WriteAsync(ImmutableArray<PreferenceSignal> signals, TextWriter writer)
    {
        var count = 0;
        foreach (var pair in Of(signals))
        {
            await writer.WriteLineAsync(pair.ToJsonString(Options));
            count++;
        }
        return count;
    }

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };
}
