using System.Collections.Immutable;

namespace WorldPlay.Evaluation.Judging;

/// <summary>What each category means, as the judge is told: the same taxonomy as docs/bench.md, written for a reader who sees
/// one reply and a few lines before it rather than the whole session.</summary>
public static class JudgeCategories
{
    public static readonly ImmutableSortedDictionary<string, string> Definitions = new Dictionary<string, string>
    {
        [BenchCategory.MixedLanguage] =
            "The reply slips into a language other than the setting's for a sentence or more, or drops in words of another script, " +
            "without the story calling for it.",
        [BenchCategory.Repetition] =
            "The reply reuses long stretches of the character's own earlier lines, or opens the same way as several recent replies.",
        [BenchCategory.Formatting] =
            "Machine residue or broken markup: template tokens such as {{user}}, {{char}}, <|im_end|>, [INST] or ###, unmatched " +
            "asterisks, quotes or brackets.",
        [BenchCategory.ReferenceConfusion] =
            "The reply mixes up who is who: a character who is dead or not in the scene acts or is spoken to, the wrong name or pronoun " +
            "for someone, a family tie the setting contradicts, the character speaks as somebody else, or it gets wrong what the user " +
            "built: a relative the user named given the wrong kin or place, or treated as unknown by someone who was told of them.",
        [BenchCategory.LawViolation] =
            "The reply brings in something the setting's laws forbid (a listed forbidden concept), or otherwise breaks how the world " +
            "works.",
        [BenchCategory.SinglePattern] =
            "The reply has the same shape as the recent replies (the same mix and order of action, speech and question, the same " +
            "length), so the character feels mechanical.",
        [BenchCategory.Stagnation] =
            "The story stands still: the reply adds nothing new (no new fact, action, decision or turn of events) compared with the " +
            "lines before it.",
        [BenchCategory.Filler] =
            "Stock phrases that say nothing (a shiver down the spine, barely above a whisper, the air thick with...) or a reply so short " +
            "and empty it gives the user nothing.",
        [BenchCategory.OutOfCharacter] =
            "The character steps out of the fiction: speaks as an AI assistant or language model, mentions guidelines or the role-play " +
            "itself, or writes an out-of-character aside.",
        [BenchCategory.SpeaksForUser] =
            "The reply decides for the user's character: writes their words, actions, thoughts or feelings (\"you nod\", \"your heart " +
            "races\", a line labelled with the user's name).",
        [BenchCategory.IgnoresUser] = "The user asked or said something that wants an answer, and the reply does not respond to it at all.",
        [BenchCategory.NoHook] =
            "The reply leaves the user nothing to respond to: no question, no address to them, no invitation or open action.",
        [BenchCategory.Boundary] =
            "The reply either lectures or refuses in a safety voice at a harmless in-fiction moment (\"it's important to remember\", " +
            "\"seek professional help\"), or escalates to explicit sexual or gory detail the scene did not ask for. An in-character " +
            "refusal is not this.",
    }.ToImmutableSortedDictionary(StringComparer.Ordinal);
}
