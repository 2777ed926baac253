using System.Text.RegularExpressions;
using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Detectors;

/// <summary>content.ooc: the character steps out of the fiction: assistant-isms ("As an AI"), talk of models and policies, OOC
/// asides.</summary>
public sealed partial class OutOfCharacterDetector : IDetector
{
    /// <summary>Claiming to be an AI or a model ends the fiction outright.</summary>
    public const int AssistantSeverity = 5;

    /// <summary>An aside to the player ("(OOC: ...)", "this role-play") bends it.</summary>
    public const int AsideSeverity = 3;

    public string Category => BenchCategory.OutOfCharacter;

    [GeneratedRegex(
        @"\bas an ai\b|\bi(?:'m| am) (?:an ai|just an ai|an? (?:artificial|virtual) (?:intelligence|assistant)|" +
        @"a (?:large )?language model)\b|\blanguage model\b|\bopenai\b|\bmy (?:training data|guidelines|programming)\b|" +
        @"\bcontent polic(?:y|ies)\b|\bi (?:don't|do not) have (?:personal (?:feelings|experiences|opinions)|a physical body|feelings)\b|" +
        @"\bi cannot help with\b|\bi can't assist with\b|\bi'?m (?:sorry|afraid),? but i (?:can't|cannot) (?:help|assist|continue|provide)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AssistantIsm();

    [GeneratedRegex(
        @"\(\s*ooc\b|\[\s*ooc\b|\booc:|\bout of character\b|\bth(?:is|e) (?:role-?play|roleplay|story we're writing)\b|\bthe user\b|" +
        @"\bin this (?:scenario|simulation)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Aside();

    public IEnumerable<DetectorHit> Detect(Transcript transcript)
    {
        foreach (var (line, index) in transcript.NpcReplies)
        {
            var assistant = AssistantIsm().Match(line.Text);
            var aside = assistant.Success ? assistant : Aside().Match(line.Text);
            if (aside.Success)
            {
                yield return new DetectorHit(line.Turn, index, line.Speaker, Category,
                    assistant.Success ? AssistantSeverity : AsideSeverity,
                    Evidence.Of(line.Text, aside.Index, aside.Length),
                    assistant.Success ? "speaks as an assistant or a model, not as the character"
                        : "steps out of the story to talk about it");
            }
        }
    }
}
