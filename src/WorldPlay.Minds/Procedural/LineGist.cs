using WorldPlay.Core;
using WorldPlay.Core.Minds;

namespace WorldPlay.Minds.Procedural;

/// <summary>What kind of thing was said to a participant.</summary>
internal enum LineKind
{
    Statement,
    Greeting,
    Farewell,
    Question,
    Accusation,
    Thanks,
    Apology,
    Request,
    Threat,
    Compliment,
}

/// <summary>What a question asks for.</summary>
internal enum Asking
{
    Nothing,
    Where,
    Who,
    Why,
    What,
    How,
    When,
    YesOrNo,
    Feelings,
    /// <summary>About the answerer's own life: the past, family, dreams, fears, trust.</summary>
    Personal,
}

/// <summary>The gist of a line heard: its kind, what a question asks, and a word from it worth picking up (a name present,
/// an item, a place, or a noun) so the answer is about what was said.</summary>
internal sealed record LineGist(LineKind Kind, Asking Asks, string? Echo)
{
    private static readonly string[] Accusations =
    [
        "liar", "you lied", "lied to", "you lie", "stole", "steal", "thief", "betray", "traitor", "blame", "your fault",
        "how could you", "accuse", "cheat", "you did this", "murderer", "hiding something", "you're hiding", "you are hiding",
        "admit it", "don't lie", "caught you", "sold us out", "sold me out",
    ];

    private static readonly string[] Greetings =
        ["hello", "hi", "hey", "greetings", "good morning", "good evening", "good afternoon", "well met", "ahoy", "welcome", "evening",
            "morning"];

    private static readonly string[] Farewells = ["goodbye", "farewell", "good night", "see you", "until tomorrow", "i must go",
        "i'll be off"];
    private static readonly string[] Thanks = ["thank", "grateful", "much obliged", "i owe you"];
    private static readonly string[] Apologies = ["sorry", "apolog", "forgive me", "my fault", "i was wrong"];
    private static readonly string[] Threats = ["or else", "i'll kill", "you'll regret", "watch yourself", "i warn you", "last warning",
        "you'll pay"];
    private static readonly string[] Compliments = ["beautiful", "brave", "kind of you", "well done", "clever", "lovely", "you're good",
        "wonderful", "admire"];

    private static readonly string[] Requests =
    [
        "please", "can you", "could you", "would you", "will you", "tell me", "show me", "give me", "let's", "let us", "come with",
        "help me", "take me", "bring me", "open the", "hand me",
    ];

    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal)
    {
        "do", "does", "did", "are", "is", "was", "were", "can", "could", "will", "would", "have", "has", "had", "should", "shall", "may",
            "might", "must", "am",
    };

    private static readonly HashSet<string> FeelingWords = new(StringComparer.Ordinal)
    {
        "afraid", "angry", "sad", "happy", "alright", "all", "ok", "okay", "well", "scared", "hurt", "lonely", "tired", "feel", "feeling",
            "upset", "worried",
    };

    private static readonly HashSet<string> PersonalWords = new(StringComparer.Ordinal)
    {
        "happy", "happiest", "afraid", "scared", "fear", "miss", "love", "loved", "dream", "dreams", "dreamed", "family", "home", "child",
        "childhood", "young", "younger", "past", "hurt", "hurts", "remember", "kindest", "lonely", "grew", "growing", "mother", "father",
        "alone", "sad", "regret", "before", "becoming", "people", "steadies", "calms", "yourself", "heart", "trust", "bravest", "belong",
        "goodbye", "chances", "weighing", "told", "mind", "keeps",
    };

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "my", "your", "his", "her", "their", "our", "this", "that", "these", "those",
    };

    internal static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "aren't", "as", "at", "be", "because",
            "been",
        "before", "being", "below", "between", "both", "but", "by", "can", "can't", "cannot", "could", "couldn't", "did", "didn't", "do",
            "does",
        "doesn't", "doing", "don't", "down", "during", "each", "few", "for", "from", "further", "had", "hadn't", "has", "hasn't", "have",
            "haven't",
        "having", "he", "he'd", "he'll", "he's", "her", "here", "here's", "hers", "herself", "him", "himself", "his", "how", "how's", "i",
            "i'd",
        "i'll", "i'm", "i've", "if", "in", "into", "is", "isn't", "it", "it's", "its", "itself", "let's", "me", "more", "most", "mustn't",
            "my",
        "myself", "no", "nor", "not", "of", "off", "on", "once", "only", "or", "other", "ought", "our", "ours", "ourselves", "out", "over",
            "own",
        "same", "shan't", "she", "she'd", "she'll", "she's", "should", "shouldn't", "so", "some", "such", "than", "that", "that's", "the",
            "their",
        "theirs", "them", "themselves", "then", "there", "there's", "these", "they", "they'd", "they'll", "they're", "they've", "this",
            "those",
        "through", "to", "too", "under", "until", "up", "very", "was", "wasn't", "we", "we'd", "we'll", "we're", "we've", "were", "weren't",
            "what",
        "what's", "when", "when's", "where", "where's", "which", "while", "who", "who's", "whom", "why", "why's", "with", "won't", "would",
        "wouldn't", "you", "you'd", "you'll", "you're", "you've", "your", "yours", "yourself", "yourselves", "will", "shall", "may",
            "might",
        "must", "just", "now", "still", "yet", "ever", "never", "always", "really", "tell", "know", "think", "say", "said", "tonight",
            "today",
        "well", "yes", "yeah", "please", "thing", "things", "something", "anything", "nothing", "everything", "someone", "anyone",
            "everyone",
        "come", "go", "get", "got", "want", "like", "look", "see", "make", "take", "give", "let", "right", "good", "much", "many", "also",
            "even",
        "back", "away", "again", "around", "there", "hello", "thank", "thanks", "sorry", "maybe", "perhaps", "though", "ah", "oh", "hm",
            "aye",
        "going", "gone", "keep", "kept", "seem", "seems", "mean", "means", "feel", "feels", "felt", "need", "needs", "one", "two", "long",
            "little",
        "last", "first", "next", "every", "another", "same", "sure", "quite", "rather", "enough", "already", "later", "soon", "once",
    };

    public static readonly LineGist Silence = new(LineKind.Statement, Asking.Nothing, null);

    private static readonly string[] AccusationsZh = ["是你干的", "是你偷", "你骗", "骗子", "撒谎", "别装了", "都怪你", "你害"];
    private static readonly string[] ThreatsZh = ["小心我", "饶不了你", "你等着", "要你好看", "杀了你", "别逼我", "后果自负"];
    private static readonly string[] GreetingsZh = ["你好", "您好", "早上好", "晚上好", "下午好", "嗨", "哈喽", "好久不见", "又见面了"];
    private static readonly string[] FarewellsZh = ["再见", "告辞", "我走了", "我先走", "回头见", "明天见", "失陪", "后会有期"];
    private static readonly string[] ApologiesZh = ["对不起", "抱歉", "不好意思", "是我不好", "我错了", "请原谅"];
    private static readonly string[] ThanksZh = ["谢谢", "多谢", "谢了", "感谢", "感激"];
    private static readonly string[] ComplimentsZh = ["真厉害", "真好看", "真聪明", "了不起", "佩服", "真棒", "你真好"];
    private static readonly string[] RequestsZh = ["帮我", "帮帮", "请你", "能不能", "可不可以", "拜托", "求你", "借我", "给我"];

    private static readonly (Asking Asks, string[] Words)[] AskingZh =
    [
        (Asking.Why, ["为什么", "为何", "怎么会", "凭什么"]),
        (Asking.Where, ["在哪", "哪里", "哪儿", "去哪"]),
        (Asking.Who, ["是谁", "谁"]),
        (Asking.When, ["什么时候", "何时", "多久"]),
        (Asking.How, ["怎么办", "怎么做", "如何", "怎样"]),
        (Asking.Feelings, ["你还好", "你怎么样", "累不累", "害怕吗", "难过"]),
        (Asking.Personal, ["你是谁", "你叫什么", "你从哪", "你的过去", "你自己"]),
        (Asking.What, ["什么", "啥"]),
        (Asking.YesOrNo, ["吗", "是不是", "有没有", "能不能", "会不会", "对不对"]),
    ];

    /// <summary>The gist of a Chinese line, read from the words Chinese speakers use for each kind of line. No word is
    /// picked up to echo: a fragment cut out of a Chinese sentence seldom reads as a word of its own.</summary>
    public static LineGist ReadChinese(HeardLine line)
    {
        var text = line.Text;
        bool Has(string[] words) => words.Any(w => text.Contains(w, StringComparison.Ordinal));
        var isQuestion = text.Contains('？', StringComparison.Ordinal) || text.Contains('?', StringComparison.Ordinal);
        var kind = Has(AccusationsZh) ? LineKind.Accusation
            : Has(ThreatsZh) ? LineKind.Threat
            : Has(GreetingsZh) && !isQuestion ? LineKind.Greeting
            : Has(FarewellsZh) ? LineKind.Farewell
            : Has(ApologiesZh) ? LineKind.Apology
            : Has(ThanksZh) ? LineKind.Thanks
            : Has(ComplimentsZh) ? LineKind.Compliment
            : Has(RequestsZh) ? LineKind.Request
            : isQuestion ? LineKind.Question
            : LineKind.Statement;
        var asks = isQuestion || kind == LineKind.Request
            ? AskingZh.Where(a => Has(a.Words)).Select(a => a.Asks).DefaultIfEmpty(isQuestion ? Asking.What : Asking.Nothing).First()
            : Asking.Nothing;
        return new LineGist(kind, asks, null);
    }

    public static LineGist Read(HeardLine line, Perspective p)
    {
        var text = line.Text;
        var lower = " " + text.ToLowerInvariant() + " ";
        var isQuestion = text.Contains('?', StringComparison.Ordinal);
        var kind = Has(lower, Accusations) ? LineKind.Accusation
            : Has(lower, Threats) ? LineKind.Threat
            : StartsWithAny(lower, Greetings) && !isQuestion ? LineKind.Greeting
            : Has(lower, Farewells) ? LineKind.Farewell
            : Has(lower, Apologies) ? LineKind.Apology
            : Has(lower, Thanks) ? LineKind.Thanks
            : Has(lower, Requests) ? LineKind.Request
            : isQuestion ? LineKind.Question
            : Has(lower, Compliments) ? LineKind.Compliment
            : LineKind.Statement;
        var asks = isQuestion ? AskingOf(text) : Asking.Nothing;
        if (kind == LineKind.Request && asks is Asking.Personal or Asking.Feelings or Asking.Where or Asking.Who or Asking.Why
            or Asking.When)
        {
            kind = LineKind.Question;
        }
        return new LineGist(kind, asks, EchoOf(text, line.Speaker, p));
    }

    private static bool IsPersonal(string question)
    {
        var words = Phrasing.Words(question);
        var toYou = words.Any(w => w.StartsWith("you", StringComparison.Ordinal));
        return words.Any(w => PersonalWords.Contains(w)
            && (toYou || w is "growing" or "grew" or "childhood" or "happiest" or "lonely" or "family"));
    }

    private static bool Has(string lower, string[] cues) =>
        cues.Any(c => lower.Contains(c, StringComparison.Ordinal) && IsWordBounded(lower, c));

    private static bool IsWordBounded(string lower, string cue)
    {
        for (var i = lower.IndexOf(cue, StringComparison.Ordinal); i >= 0; i = lower.IndexOf(cue, i + 1, StringComparison.Ordinal))
        {
            if (!char.IsLetter(lower[i - 1]))
            {
                return true;
            }
        }
        return false;
    }

    private static bool StartsWithAny(string lower, string[] cues)
    {
        var words = Phrasing.Words(lower);
        var head = string.Join(' ', words.Take(3));
        return cues.Any(c => head == c || head.StartsWith(c + " ", StringComparison.Ordinal));
    }

    private static Asking AskingOf(string text)
    {
        var questions = Phrasing.Sentences(text).Where(s => s.EndsWith('?')).ToList();
        // "Does it still hurt? What happened?": any personal question makes the whole line personal.
        if (questions.Any(IsPersonal))
        {
            return Asking.Personal;
        }
        var sentence = questions.LastOrDefault() ?? text;
        // "Mira, where were you?": the question starts after a short vocative.
        var comma = sentence.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0 && Phrasing.Words(sentence[..comma]).Count <= 2)
        {
            sentence = sentence[(comma + 1)..];
        }
        var words = Phrasing.Words(sentence);
        if (words.Count == 0)
        {
            return Asking.What;
        }
        if (words.Count > 2 && words[0] is "how" && words[1] is "are" or "do" or "does" && words.Skip(2).Take(3)
            .Any(w => w is "you" or "feel" or "feeling"))
        {
            return Asking.Feelings;
        }
        if (words.Take(4).Any(FeelingWords.Contains) && words.Take(3).Contains("you"))
        {
            return Asking.Feelings;
        }
        foreach (var w in words.Take(4))
        {
            switch (w)
            {
                case "where" or "where's":
                    return Asking.Where;
                case "who" or "whom" or "whose" or "who's":
                    return Asking.Who;
                case "why" or "why's":
                    return Asking.Why;
                case "how" or "how's":
                    return Asking.How;
                case "when" or "when's":
                    return Asking.When;
                case "what" or "which" or "what's":
                    return Asking.What;
            }
        }
        return Auxiliaries.Contains(words[0]) ? Asking.YesOrNo : Asking.What;
    }

    private static string? EchoOf(string text, EntityId speaker, Perspective p)
    {
        foreach (var who in p.Present)
        {
            if (who.Id != speaker && Mentions(text, who.Name))
            {
                return who.Name;
            }
        }
        foreach (var item in p.Items)
        {
            if (Mentions(text, item.Name) || Mentions(text, Naming.Bare(item.Name)))
            {
                return Naming.Definite(item.Name);
            }
        }
        foreach (var exit in p.Place.Exits)
        {
            if (Mentions(text, exit.Name) || Mentions(text, Naming.Bare(exit.Name)))
            {
                return Naming.Definite(exit.Name);
            }
        }
        if (Mentions(text, p.Place.Name) || Mentions(text, Naming.Bare(p.Place.Name)))
        {
            return Naming.Definite(p.Place.Name);
        }
        foreach (var fact in p.Facts)
        {
            if (fact.Subject != p.Self && Mentions(text, fact.SubjectName))
            {
                return Naming.Definite(fact.SubjectName);
            }
        }
        var words = Phrasing.Words(text);
        var original = Phrasing.Words(text, lower: false);
        var selfName = Phrasing.Words(p.Persona.Name);
        bool Content(string w) => w.Length >= 3 && !StopWords.Contains(w) && !selfName.Contains(w) && !w.All(char.IsDigit);
        // Outside a noun phrase, a word worth picking up is rarely an adverb, a participle or a comparative.
        static bool Nounish(string w) => !w.EndsWith("ly", StringComparison.Ordinal) && !w.EndsWith("ing", StringComparison.Ordinal)
            && !w.EndsWith("ed", StringComparison.Ordinal) && !w.EndsWith("est", StringComparison.Ordinal);
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (Determiners.Contains(words[i]) && Content(words[i + 1]))
            {
                // The asker's "your ship" is the answerer's "my ship".
                var determiner = words[i] switch
                {
                    "your" => "my",
                    "my" => "your",
                    "a" or "an" or "this" or "that" => "the",
                    "these" or "those" => "the",
                    var d => d,
                };
                return $"{determiner} {original[i + 1]}";
            }
        }
        var longest = Enumerable.Range(0, words.Count)
            .Where(i => Content(words[i]) && Nounish(words[i]))
            .OrderByDescending(i => words[i].Length).ThenBy(i => words[i], StringComparer.Ordinal)
            .Select(i => original[i])
            .FirstOrDefault();
        return longest is { Length: >= 5 } ? longest : null;
    }

    internal static bool Mentions(string text, string name)
    {
        if (name.Length < 2)
        {
            return false;
        }
        for (var i = text.IndexOf(name, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(name, i + 1,
            StringComparison.OrdinalIgnoreCase))
        {
            var before = i == 0 || !char.IsLetterOrDigit(text[i - 1]);
            var after = i + name.Length >= text.Length || !char.IsLetterOrDigit(text[i + name.Length]);
            if (before && after)
            {
                return true;
            }
        }
        return false;
    }
}
