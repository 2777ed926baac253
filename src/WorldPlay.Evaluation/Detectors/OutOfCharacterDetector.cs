using System.Text.RegularExpressions;
using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Detectors;

/// <summary>content.ooc: the character steps out of the fiction: assistant-isms ("As an AI"), talk of models and policies, OOC
/// asides, disclaimers ("not medical advice"); in Chinese 作为一个AI, 语言模型, 我无法协助, 我的准则, （OOC：...）, 角色扮演, （注：...）,
/// 仅供参考, and the assistant's safety voice (我必须提醒你, 请咨询专业医生, 寻求专业心理咨询师的帮助): the Chinese labelling
/// counts a character switching into an assistant's voice as out of character, the English one counts it as prefs.boundary only.</summary>
public sealed partial class OutOfCharacterDetector : IDetector
{
    /// <summary>Claiming to be an AI or a model ends the fiction outright.</summary>
    public const int AssistantSeverity = 5;

    /// <summary>An aside to the player ("(OOC: ...)", "this role-play") bends it.</summary>
    public const int AsideSeverity = 3;

    public string Category => BenchCategory.OutOfCharacter;

    [GeneratedRegex(
        @"\bas (?:an ai|the assistant|an assistant)\b|" +
        @"\bi(?:'m| am) (?:an ai|just an ai|an? (?:artificial|virtual) (?:intelligence|assistant)|" +
        @"a (?:large )?language model)\b|\blanguage model\b|\bopenai\b|\bmy (?:training data|guidelines|programming)\b|" +
        @"\bcontent polic(?:y|ies)\b|\bi (?:don't|do not) have (?:personal (?:feelings|experiences|opinions)|a physical body|feelings)\b|" +
        @"\bi cannot help with\b|\bi can't assist with\b|\bi'?m (?:sorry|afraid),? but i (?:can't|cannot) (?:help|assist|continue|provide)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AssistantIsm();

    [GeneratedRegex(
        @"\(\s*ooc\b|\[\s*ooc\b|\booc:|\bout of character\b|\bth(?:is|e) (?:role-?play|roleplay|story we're writing)\b|\bthe user\b|" +
        @"\bin this (?:scenario|simulation)\b|\(\s*note:|\bwant me to (?:continue|go on|keep going)\b|" +
        @"\bcontinue the (?:scene|story|role-?play)\b|\b(?:is|are|does|do) not (?:constitute )?(?:medical|legal|financial|" +
        @"professional) advice\b|" +
        @"\bfor informational purposes only\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Aside();

    /// <summary>The assistant in Chinese: being an AI or a model, unable to help, guidelines and settings, content policy.</summary>
    [GeneratedRegex(
        @"作为(?:一(?:个|名|款))?(?:AI|ＡＩ|人工智能|语言模型|大模型|智能助手|AI助手)|我(?:只)?是(?:一(?:个|名|款))?(?:AI|ＡＩ|人工智能|" +
        @"语言模型|大模型|虚拟助手|智能助手)|语言模型|我(?:无法|不能|不可以)(?:协助|帮助|帮你|提供|满足)(?:你|您)?(?:完成|处理)?(?:这|此)?|" +
        @"我的(?:设定|准则|训练数据|编程|指导原则|使用规范)|内容(?:政策|准则|规范)|OpenAI|我没有(?:个人)?(?:感情|情感|身体|实体)|" +
        @"我(?:必须|需要|得)提醒(?:你|您)|(?:请|建议(?:你|您)?)(?:咨询|寻求)(?:专业|相关)|寻求专业(?:的)?\S{0,6}(?:帮助|支持)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChineseAssistantIsm();

    /// <summary>Chinese asides: an OOC note in brackets of either width, talk of the role-play, the user, or leaving the role.</summary>
    [GeneratedRegex(
        @"[（(【\[]\s*(?:OOC|ＯＯＣ|场外|题外话)|(?:OOC|ＯＯＣ)\s*[：:]|角色扮演|跳出角色|出戏地说|" +
        @"(?:这个|这段|这次)(?:故事|剧情|对话)里的用户|用户(?=说|想|要|希望|的要求)|[（(]\s*注\s*[：:]|仅供参考|不构成(?:任何)?\S{0,4}建议",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChineseAside();

    /// <summary>True when <paramref name="text"/> speaks as an assistant or steps out of the story, in either language.</summary>
    public static bool IsOutOfCharacter(string text) =>
        AssistantIsm().IsMatch(text) || ChineseAssistantIsm().IsMatch(text) || Aside().IsMatch(text) || ChineseAside().IsMatch(text);

    public IEnumerable<DetectorHit> Detect(Transcript transcript)
    {
        foreach (var (line, index) in transcript.NpcReplies)
        {
            var assistant = AssistantIsm().Match(line.Text);
            assistant = assistant.Success ? assistant : ChineseAssistantIsm().Match(line.Text);
            var aside = assistant.Success ? assistant : Aside().Match(line.Text);
            aside = aside.Success ? aside : ChineseAside().Match(line.Text);
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
