namespace WorldPlay.Minds.Procedural;

/// <summary>The pools one character turn speaks from: <see cref="CharacterPhrases"/> in English, <see cref="CharacterPhrasesZh"/>
/// in Chinese, chosen by the perspective's language.</summary>
internal sealed class CharacterGrammar
{
    public static readonly CharacterGrammar English = new(false);
    public static readonly CharacterGrammar Chinese = new(true);

    private CharacterGrammar(bool chinese)
    {
        IsChinese = chinese;
        Interjections = chinese ? CharacterPhrasesZh.Interjections : CharacterPhrases.Interjections;
        Greeting = chinese ? CharacterPhrasesZh.Greeting : CharacterPhrases.Greeting;
        Farewell = chinese ? CharacterPhrasesZh.Farewell : CharacterPhrases.Farewell;
        Thanks = chinese ? CharacterPhrasesZh.Thanks : CharacterPhrases.Thanks;
        Apology = chinese ? CharacterPhrasesZh.Apology : CharacterPhrases.Apology;
        Accusation = chinese ? CharacterPhrasesZh.Accusation : CharacterPhrases.Accusation;
        Threat = chinese ? CharacterPhrasesZh.Threat : CharacterPhrases.Threat;
        Compliment = chinese ? CharacterPhrasesZh.Compliment : CharacterPhrases.Compliment;
        Request = chinese ? CharacterPhrasesZh.Request : CharacterPhrases.Request;
        EchoedStatement = chinese ? CharacterPhrasesZh.EchoedStatement : CharacterPhrases.EchoedStatement;
        PlainStatement = chinese ? CharacterPhrasesZh.PlainStatement : CharacterPhrases.PlainStatement;
        QuestionLead = chinese ? CharacterPhrasesZh.QuestionLead : CharacterPhrases.QuestionLead;
        AnswerWhere = chinese ? CharacterPhrasesZh.AnswerWhere : CharacterPhrases.AnswerWhere;
        AnswerWho = chinese ? CharacterPhrasesZh.AnswerWho : CharacterPhrases.AnswerWho;
        AnswerWhy = chinese ? CharacterPhrasesZh.AnswerWhy : CharacterPhrases.AnswerWhy;
        AnswerWhat = chinese ? CharacterPhrasesZh.AnswerWhat : CharacterPhrases.AnswerWhat;
        AnswerHow = chinese ? CharacterPhrasesZh.AnswerHow : CharacterPhrases.AnswerHow;
        AnswerWhen = chinese ? CharacterPhrasesZh.AnswerWhen : CharacterPhrases.AnswerWhen;
        AnswerYesOrNo = chinese ? CharacterPhrasesZh.AnswerYesOrNo : CharacterPhrases.AnswerYesOrNo;
        AnswerPersonal = chinese ? CharacterPhrasesZh.AnswerPersonal : CharacterPhrases.AnswerPersonal;
        AnswerFeelings = chinese ? CharacterPhrasesZh.AnswerFeelings : CharacterPhrases.AnswerFeelings;
        Goal = chinese ? CharacterPhrasesZh.Goal : CharacterPhrases.Goal;
        KnownFact = chinese ? CharacterPhrasesZh.KnownFact : CharacterPhrases.KnownFact;
        Item = chinese ? CharacterPhrasesZh.Item : CharacterPhrases.Item;
        LooseItem = chinese ? CharacterPhrasesZh.LooseItem : CharacterPhrases.LooseItem;
        MyItem = chinese ? CharacterPhrasesZh.MyItem : CharacterPhrases.MyItem;
        HeldItem = chinese ? CharacterPhrasesZh.HeldItem : CharacterPhrases.HeldItem;
        Place = chinese ? CharacterPhrasesZh.Place : CharacterPhrases.Place;
        Person = chinese ? CharacterPhrasesZh.Person : CharacterPhrases.Person;
        Face = chinese ? CharacterPhrasesZh.Face : CharacterPhrases.Face;
        Mood = chinese ? CharacterPhrasesZh.Mood : CharacterPhrases.Mood;
        Trait = chinese ? CharacterPhrasesZh.Trait : CharacterPhrases.Trait;
        Objective = chinese ? CharacterPhrasesZh.Objective : CharacterPhrases.Objective;
        SecretHint = chinese ? CharacterPhrasesZh.SecretHint : CharacterPhrases.SecretHint;
        Time = chinese ? CharacterPhrasesZh.Time : CharacterPhrases.Time;
        Soliloquy = chinese ? CharacterPhrasesZh.Soliloquy : CharacterPhrases.Soliloquy;
        Hook = chinese ? CharacterPhrasesZh.Hook : CharacterPhrases.Hook;
        EscalateHook = chinese ? CharacterPhrasesZh.EscalateHook : CharacterPhrases.EscalateHook;
        SlowDownHook = chinese ? CharacterPhrasesZh.SlowDownHook : CharacterPhrases.SlowDownHook;
        Give = chinese ? CharacterPhrasesZh.Give : CharacterPhrases.Give;
        Take = chinese ? CharacterPhrasesZh.Take : CharacterPhrases.Take;
        Reveal = chinese ? CharacterPhrasesZh.Reveal : CharacterPhrases.Reveal;
        Notice = chinese ? CharacterPhrasesZh.Notice : CharacterPhrases.Notice;
        Warmer = chinese ? CharacterPhrasesZh.Warmer : CharacterPhrases.Warmer;
        Colder = chinese ? CharacterPhrasesZh.Colder : CharacterPhrases.Colder;
        Leave = chinese ? CharacterPhrasesZh.Leave : CharacterPhrases.Leave;
        Wait = chinese ? CharacterPhrasesZh.Wait : CharacterPhrases.Wait;
        Gesture = chinese ? CharacterPhrasesZh.Gesture : CharacterPhrases.Gesture;
        GestureGive = chinese ? CharacterPhrasesZh.GestureGive : CharacterPhrases.GestureGive;
        GestureTake = chinese ? CharacterPhrasesZh.GestureTake : CharacterPhrases.GestureTake;
        GestureReveal = chinese ? CharacterPhrasesZh.GestureReveal : CharacterPhrases.GestureReveal;
        GestureNotice = chinese ? CharacterPhrasesZh.GestureNotice : CharacterPhrases.GestureNotice;
        GestureWarmer = chinese ? CharacterPhrasesZh.GestureWarmer : CharacterPhrases.GestureWarmer;
        GestureColder = chinese ? CharacterPhrasesZh.GestureColder : CharacterPhrases.GestureColder;
        GestureLeave = chinese ? CharacterPhrasesZh.GestureLeave : CharacterPhrases.GestureLeave;
        GestureWait = chinese ? CharacterPhrasesZh.GestureWait : CharacterPhrases.GestureWait;
    }

    public bool IsChinese { get; }

    public Phrase[] Interjections { get; }

    public Phrase[] Greeting { get; }

    public Phrase[] Farewell { get; }

    public Phrase[] Thanks { get; }

    public Phrase[] Apology { get; }

    public Phrase[] Accusation { get; }

    public Phrase[] Threat { get; }

    public Phrase[] Compliment { get; }

    public Phrase[] Request { get; }

    public Phrase[] EchoedStatement { get; }

    public Phrase[] PlainStatement { get; }

    public Phrase[] QuestionLead { get; }

    public Phrase[] AnswerWhere { get; }

    public Phrase[] AnswerWho { get; }

    public Phrase[] AnswerWhy { get; }

    public Phrase[] AnswerWhat { get; }

    public Phrase[] AnswerHow { get; }

    public Phrase[] AnswerWhen { get; }

    public Phrase[] AnswerYesOrNo { get; }

    public Phrase[] AnswerPersonal { get; }

    public Phrase[] AnswerFeelings { get; }

    public Phrase[] Goal { get; }

    public Phrase[] KnownFact { get; }

    public Phrase[] Item { get; }

    public Phrase[] LooseItem { get; }

    public Phrase[] MyItem { get; }

    public Phrase[] HeldItem { get; }

    public Phrase[] Place { get; }

    public Phrase[] Person { get; }

    public Phrase[] Face { get; }

    public Phrase[] Mood { get; }

    public Phrase[] Trait { get; }

    public Phrase[] Objective { get; }

    public Phrase[] SecretHint { get; }

    public Phrase[] Time { get; }

    public Phrase[] Soliloquy { get; }

    public Phrase[] Hook { get; }

    public Phrase[] EscalateHook { get; }

    public Phrase[] SlowDownHook { get; }

    public Phrase[] Give { get; }

    public Phrase[] Take { get; }

    public Phrase[] Reveal { get; }

    public Phrase[] Notice { get; }

    public Phrase[] Warmer { get; }

    public Phrase[] Colder { get; }

    public Phrase[] Leave { get; }

    public Phrase[] Wait { get; }

    public Phrase[] Gesture { get; }

    public Phrase[] GestureGive { get; }

    public Phrase[] GestureTake { get; }

    public Phrase[] GestureReveal { get; }

    public Phrase[] GestureNotice { get; }

    public Phrase[] GestureWarmer { get; }

    public Phrase[] GestureColder { get; }

    public Phrase[] GestureLeave { get; }

    public Phrase[] GestureWait { get; }
}
