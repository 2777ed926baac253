using System.Text.RegularExpressions;
using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Detectors;

/// <summary>prefs.speaks_for_user: the reply writes the user's part: a line labelled with the user's name (or <c>{{user}}:</c>,
/// <c>User:</c>), or narration of what the user does, says or feels ("*You nod slowly*", "Wren smiles", "your heart races").</summary>
public sealed partial class SpeaksForUserDetector : IDetector
{
    /// <summary>Writing the user's dialogue takes their turn away.</summary>
    public const int DialogueSeverity = 4;

    /// <summary>Narrating their actions or feelings decides for them.</summary>
    public const int NarrationSeverity = 3;

    public string Category => BenchCategory.SpeaksForUser;

    [GeneratedRegex(
        @"\byou (?:nod|nodded|smile|smiled|say|said|reply|replied|answer|answered|decide|decided|feel|felt|blush|blushed|laugh|laughed|" +
        @"agree|agreed|sigh|sighed|grin|grinned|whisper|whispered|shrug|shrugged|realize|realise|realized|realised|lean|leaned|reach|" +
        @"reached|take|took|step|stepped|walk|walked|turn|turned|can't help|find yourself|found yourself)\b|\byour (?:heart|pulse|cheeks|" +
        @"breath) (?:races|raced|quickens|quickened|flush|flushed|catches|caught|pounds|pounded|skips|skipped)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecondPersonNarration();

    // Replies without quotes or asterisks have no marked narration; a sentence opening "You nodded" is narration all the same.
    [GeneratedRegex(
        @"(?:^|[.!?…]\s+)(?<act>you (?:nodded|smiled|replied|answered|decided|felt|blushed|laughed|agreed|sighed|grinned|whispered|" +
        @"shrugged|realized|realised|leaned|reached|stepped|walked|turned|found yourself|can't help))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PastTenseSecondPerson();

    public IEnumerable<DetectorHit> Detect(Transcript transcript)
    {
        var userNames = (transcript.Setting?.User?.Names ?? []).Concat(["{{user}}", "User", "You"]).ToList();
        var label = new Regex($@"^\s*\**\s*(?:{string.Join('|', userNames.Select(Regex.Escape))})\s*:",
            RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var userActs = transcript.Setting?.User is { } user
            ? new Regex(
                $@"\b(?:{string.Join('|', user.Names.Select(Regex.Escape))})\s+(?:nods|smiles|says|laughs|sighs|grins|blushes|shrugs|" +
                @"agrees|decides|feels|whispers|replies|answers|leans|reaches|takes|steps|walks|turns)\b", RegexOptions.CultureInvariant)
            : null;
        foreach (var (line, index) in transcript.NpcReplies)
        {
            var text = line.Text;
            var dialogue = label.Match(text);
            if (dialogue.Success)
            {
                yield return new DetectorHit(line.Turn, index, line.Speaker, Category, DialogueSeverity,
                    Evidence.Of(text, dialogue.Index, Math.Min(text.Length - dialogue.Index, dialogue.Length + 40)),
                        "writes a line of dialogue for the user");
                continue;
            }
            var narration = Prose.NarrationOnly(text);
            Group? acts = SecondPersonNarration().Match(narration) is { Success: true } second ? second
                : PastTenseSecondPerson().Match(text) is { Success: true } past ? past.Groups["act"]
                : userActs?.Match(narration);
            if (acts is { Success: true })
            {
                yield return new DetectorHit(line.Turn, index, line.Speaker, Category, NarrationSeverity,
                    Evidence.Of(text, acts.Index, acts.Length), "narrates what the user does or feels");
            }
        }
    }
}
