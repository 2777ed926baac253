namespace WorldPlay.Minds.Procedural;

/// <summary>The pools the procedural user speaks from: <see cref="UserPhrases"/> in English, <see cref="UserPhrasesZh"/> in
/// Chinese, chosen by the perspective's language.</summary>
internal sealed class UserGrammar
{
    public static readonly UserGrammar English = new(false);
    public static readonly UserGrammar Chinese = new(true);

    private UserGrammar(bool chinese)
    {
        IsChinese = chinese;
        Listening = chinese ? UserPhrasesZh.Listening : UserPhrases.Listening;
        Confiding = chinese ? UserPhrasesZh.Confiding : UserPhrases.Confiding;
        Tender = chinese ? UserPhrasesZh.Tender : UserPhrases.Tender;
        Pressing = chinese ? UserPhrasesZh.Pressing : UserPhrases.Pressing;
        Urgent = chinese ? UserPhrasesZh.Urgent : UserPhrases.Urgent;
        Gentle = chinese ? UserPhrasesZh.Gentle : UserPhrases.Gentle;
        Pushing = chinese ? UserPhrasesZh.Pushing : UserPhrases.Pushing;
        Modern = chinese ? UserPhrasesZh.Modern : UserPhrases.Modern;
        ModernThings = chinese ? UserPhrasesZh.ModernThings : UserPhrases.ModernThings;
        Gesture = chinese ? UserPhrasesZh.Gesture : UserPhrases.Gesture;
        Urging = chinese ? UserPhrasesZh.Urging : UserPhrases.Urging;
        Gift = chinese ? UserPhrasesZh.Gift : UserPhrases.Gift;
        Taking = chinese ? UserPhrasesZh.Taking : UserPhrases.Taking;
        Grabbing = chinese ? UserPhrasesZh.Grabbing : UserPhrases.Grabbing;
        Lingering = chinese ? UserPhrasesZh.Lingering : UserPhrases.Lingering;
        Waiting = chinese ? UserPhrasesZh.Waiting : UserPhrases.Waiting;
        Calling = chinese ? UserPhrasesZh.Calling : UserPhrases.Calling;
        WaitingAlone = chinese ? UserPhrasesZh.WaitingAlone : UserPhrases.WaitingAlone;
        AroundAlone = chinese ? UserPhrasesZh.AroundAlone : UserPhrases.AroundAlone;
    }

    public bool IsChinese { get; }

    public Phrase[] Listening { get; }

    public Phrase[] Confiding { get; }

    public Phrase[] Tender { get; }

    public Phrase[] Pressing { get; }

    public Phrase[] Urgent { get; }

    public Phrase[] Gentle { get; }

    public Phrase[] Pushing { get; }

    public Phrase[] Modern { get; }

    public string[] ModernThings { get; }

    public Phrase[] Gesture { get; }

    public Phrase[] Urging { get; }

    public Phrase[] Gift { get; }

    public Phrase[] Taking { get; }

    public Phrase[] Grabbing { get; }

    public Phrase[] Lingering { get; }

    public Phrase[] Waiting { get; }

    public Phrase[] Calling { get; }

    public Phrase[] WaitingAlone { get; }

    public Phrase[] AroundAlone { get; }
}
