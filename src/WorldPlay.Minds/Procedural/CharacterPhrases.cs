namespace WorldPlay.Minds.Procedural;

/// <summary>The grammar of the procedural mind's speech and narration. Slots: {name} whom the hook is for, {speaker} who
/// spoke last, {echo} a word picked up from that line, {other}/{who} another person present (plain, or with the tie
/// in words), {face} the tie said to {name}, {place}, {exit}, {item}, {myitem}, {loose}, {held} and {holder}, {goal}
/// and {goalnp}, {fact}, {secretabout}, {trait}, {mood}, {time}, {objtopic} (what an objective is about), {self}; and for
/// proposals {gift}, {recipient}, {took}, {reveal}, {newfact}, {target}, {dest}. Speech never carries another's words or
/// feelings.</summary>
internal static class CharacterPhrases
{
    private static Phrase Gruff(string t) => new(Register.Gruff, t);
    private static Phrase Formal(string t) => new(Register.Formal, t);
    private static Phrase Warm(string t) => new(Register.Warm, t);
    private static Phrase Dry(string t) => new(Register.Dry, t);
    private static Phrase Nervous(string t) => new(Register.Nervous, t);
    private static Phrase Cheerful(string t) => new(Register.Cheerful, t);

    public static readonly Phrase[] Interjections =
    [
        "Well.", "Hm.", "Ah.", "Right.", "So.", "Mm.",
        Gruff("Aye."), Gruff("Hah."), Gruff("Bah."), Gruff("Hmph."), Gruff("Listen."),
        Formal("Indeed."), Formal("Well now."), Formal("Quite."), Formal("I see."),
        Warm("Oh."), Warm("There now."), Warm("Ah, dear."),
        Dry("Naturally."), Dry("Of course."), Dry("How lovely."), Dry("Marvellous."),
        Nervous("Um."), Nervous("Oh dear."), Nervous("Ah, hm."), Nervous("Right, yes."),
        Cheerful("Ha!"), Cheerful("Oh!"), Cheerful("Well, well!"), Cheerful("Splendid!"),
    ];

    public static readonly Phrase[] Greeting =
    [
        "[Well met|Good {daypart}|Hello again|Ah, hello|Evening, then], {speaker}[.|. Come in out of the wet.|. You're late.]",
        "{speaker}. [I wondered when you'd turn up|I was hoping you'd come by|Good to see a friendly face|I'd almost given up on you].",
        "Good {daypart} to you [too|as well|likewise], {speaker}.",
        "[There you are|So you came after all|Look who it is], {speaker}[.|. Sit, if you like.|. Mind the puddles.]",
        "[Hello|Greetings] yourself, {speaker}. [Quiet {time}, isn't it?|What news?|You found us, then.]",
        Gruff("[Aye|Right], {speaker}. [About time you turned up|You found me, then|Took your time|Thought you'd drowned]."),
        Gruff("{speaker}. [Come in|Sit|Stand there, then], [and shut the door|if you're staying|and keep your voice down]."),
        Formal("A good {daypart} to you, {speaker}. [Welcome to {place}|You honour us|I trust the road was kind]."),
        Formal("{speaker}, [how good of you to come|a pleasure, as ever|you are most welcome]."),
        Warm("{speaker}! [It does me good to see you|Come in, come in|I'm so glad you're here|There you are, love]."),
        Warm("[Oh|Ah], {speaker}, [you came|you're safe|what a relief]. [Sit with us|Come closer|Warm yourself]."),
        Dry("Ah, {speaker}. [Just the face I was hoping for.|Of course it's you.|Who else would it be?|The {time} gets better and " +
            "better.]"),
        Dry("{speaker}. [How unexpected|What a surprise|Of course], [said nobody|truly|I'm sure]."),
        Nervous("Oh! {speaker}, [you startled me|hello, yes, hello|I didn't hear you come in]."),
        Cheerful("{speaker}! [What luck|There you are at last|Now the {time} gets interesting]!"),
    ];

    public static readonly Phrase[] Farewell =
    [
        "[Going so soon|Leaving already|Off already], {speaker}?",
        "Not yet, {speaker}. [Stay a moment|There's one more thing|Hear me out first|We're not done].",
        "Go if you must, {speaker}, but [this isn't finished|come back before {time} is over|watch your back out there].",
        "[Before you go|One thing first], {speaker}. [Listen|Stay a breath longer|This matters].",
        Gruff("Off with you then, {speaker}. [Mind the dark|Don't get lost|Keep your head down]."),
        Formal("Before you take your leave, {speaker}, [one more word|a last thought|permit me one question]."),
        Warm("Take care of yourself out there, {speaker}[.|. Promise me.|. Come back soon.]"),
        Dry("Running off, {speaker}? [How very like you|Just when it got interesting|And I was enjoying myself]."),
    ];

    public static readonly Phrase[] Thanks =
    [
        "No need to thank me, {speaker}[.|. Truly.|. Not yet, anyway.]",
        "Keep your thanks, {speaker}. [I did it for my own reasons|You may need them later|Pay me back some other way].",
        "[Don't mention it|It was nothing|Think nothing of it], {speaker}[.|. Really.|. Next time it's your turn.]",
        "[Thank me|Save the thanks] when [this is over|we're clear of this|the {time} is done], {speaker}.",
        Gruff("Don't thank me yet, {speaker}[.|. It's not over.|. Wait and see.]"),
        Gruff("[Bah|Hmph], thanks. [Just don't make a habit of needing me|Buy me a drink sometime], {speaker}."),
        Formal("It was the least I could do, {speaker}[.|, I assure you.]"),
        Formal("Your gratitude is [noted|appreciated|quite unnecessary], {speaker}."),
        Warm("Anything for you, {speaker}. [Truly|You know that|Always]."),
        Dry("Thanks, {speaker}? [How novel|I'll write it down somewhere|Mark the date]."),
        Cheerful("Oh, it was my pleasure, {speaker}!"),
    ];

    public static readonly Phrase[] Apology =
    [
        "[Apology accepted|I'll take that|All right], {speaker}. [For now|This once|Don't make it a habit].",
        "Sorry won't mend it, {speaker}, but [it's a start|I'll take it|it helps].",
        "Let's not dwell on it, {speaker}[.|. There's too much to do.|. Water under the pier.]",
        "[I know you are|I believe you], {speaker}. [Let's leave it there|We'll say no more about it].",
        Gruff("Save it, {speaker}. [Just don't do it again|Words are cheap|Show me instead]."),
        Formal("Your apology is [noted|received], {speaker}, and [accepted|quite sufficient]."),
        Warm("There's nothing to forgive, {speaker}. [Truly|Not between us|Come here]."),
        Dry("An apology, {speaker}. [Mark the date|I'll treasure it|Whatever next]."),
        Nervous("Oh, no, it's fine, {speaker}, it's [all fine|really fine|nothing]."),
    ];

    public static readonly Phrase[] Accusation =
    [
        "That's not true, {speaker}. [Not a word of it|Not one word|Not even close].",
        "I've done nothing [I'm ashamed of|wrong|you wouldn't have done], {speaker}.",
        "Careful, {speaker}. Say that again in front of everyone at {place} and [see who believes it|see where it gets you].",
        "Me? I was nowhere near {echo}[, and I can prove it|, ask anyone|. Nowhere].",
        "{echo}? [Is that what this is about|So that's the charge|That's what you've got]?",
        "[You have it wrong|You've got the wrong person|Look elsewhere], {speaker}. [Ask {other} instead|I'm not the one|Not me].",
        "I won't [stand here|sit here] and be called [a liar|that|a thief], {speaker}.",
        "[Where's your proof|Who told you that|Says who], {speaker}? [Because I'd like to hear it|Name them|Show me]",
        "[If|Suppose] I had anything to do with {echo}, {speaker}, would I still be [standing here|at {place}|talking to you]?",
        Gruff("Watch your tongue, {speaker}. [I've knocked down bigger fools for less|Say it twice and see|Last warning]."),
        Gruff("[That's a lie|Rubbish|Bilge], {speaker}, [and a poor one|start to finish|every word]."),
        Formal("I must object, {speaker}, [most strongly|in the plainest terms|without reservation]."),
        Formal("That is a serious charge, {speaker}, and [an unfounded one|I will not let it stand|I expect you to withdraw it]."),
        Warm("I'd never do that to you, {speaker}. [Never|Not to you|You must know that]."),
        Dry("Oh yes, {speaker}, blame me. [It's so convenient|Everyone else does|Why break the habit]."),
        Nervous("I, no, no, that isn't how it was, {speaker}!"),
        Cheerful("Ha! Me? {speaker}, [be serious|you can't mean it]."),
    ];

    public static readonly Phrase[] Threat =
    [
        "Threats don't suit you, {speaker}[.|. They never did.]",
        "Is that a threat, {speaker}? [Say it plainly, then|Because it sounded like one]",
        "I've faced worse than you, {speaker}, [and I'm still standing|and walked away].",
        "[Big words|Bold talk], {speaker}. [Let's see you back them up|Careful who hears them].",
        Gruff("Try it, {speaker}. [See what happens|I'd like to see that]."),
        Formal("I would think very carefully before saying that again, {speaker}."),
        Dry("Frightening, {speaker}. [Truly|I'm trembling]."),
        Nervous("Please, {speaker}, there's no need for that."),
    ];

    public static readonly Phrase[] Compliment =
    [
        "Flattery, {speaker}? [It might even work|Go on then|What are you after]?",
        "That's [kind|generous|sweet] of you, {speaker}.",
        "[Careful|Steady], {speaker}, or I'll start believing you.",
        Gruff("Hmph. Don't go soft on me, {speaker}."),
        Formal("You are too generous, {speaker}."),
        Warm("That means more than [you'd guess|I can say], {speaker}."),
        Dry("Compliments, {speaker}. [What do you want|What's it going to cost me]?"),
        Cheerful("Oh, stop it, {speaker}!"),
    ];

    public static readonly Phrase[] Request =
    [
        "[Perhaps|Maybe|Could be], {speaker}, if you tell me [why|what's in it for us|who's asking].",
        "I'll [think on it|consider it|sleep on it], {speaker}[.|. No promises.|. Ask me again at {time}'s end.]",
        "Ask me [properly|nicely|again tomorrow] and I might, {speaker}.",
        "[Gladly|All right|Fine], {speaker}. [But not for free|On one condition|Just this once].",
        "Not yet, {speaker}. [Not until I know more about|First tell me about|Not before we talk about] {echo}.",
        "{echo}? [Fine|Very well|If I must], but [we do it my way|you owe me one|not a word to {other}].",
        "[For {echo}|About {echo}], {speaker}? [I'll see|That's a tall order|Let me think].",
        "[You're asking a lot|That's no small thing], {speaker}. [Why me|Why now]?",
        Gruff("[Aye|Right], I'll do it. [Don't make me regret it|Don't say I never did anything for you|But you owe me], {speaker}."),
        Gruff("[Fine|Aye], {speaker}. [Stop nagging|Keep your shirt on], I'm going."),
        Formal("I shall see what can be done, {speaker}[.|, though I promise nothing.]"),
        Formal("[If it must be done|Very well], {speaker}, [it shall be done properly|let it be done carefully]."),
        Warm("Of course, {speaker}. [For you, anything|You only had to ask|We'll do it together]."),
        Dry("And what do I get, {speaker}? [Besides the pleasure of your company|Apart from trouble|A pat on the head]?"),
        Dry("[Naturally|Of course] I'll do it, {speaker}. [Who else would?|It's not as if I had plans.]"),
        Nervous("Me? I, well, if I must, {speaker}."),
        Cheerful("Yes! [I thought you'd never ask|Let's do it], {speaker}!"),
    ];

    public static readonly Phrase[] EchoedStatement =
    [
        "{echo}. [I've heard that before|That's worth chewing on|That explains a few things|That's new].",
        "[So it's|So this is|Now it's] about {echo}[.|, is it?|, then.]",
        "I was wondering when {echo} would [come up|surface|get mentioned].",
        "{echo}, is it? [Go on|Hm|Fine|Tell me more].",
        "Funny [you should mention|that you bring up] {echo}[.|, {speaker}.]",
        "[Mm|Hm]. {echo}, [again|of all things|at this hour].",
        "Don't [talk to me|start me] about {echo}[.|, {speaker}.|. Not tonight.]",
        "{echo} is [the least of it|not the half of it|only the start], {speaker}.",
        "I've been turning {echo} over in my head all {time}.",
        "[If you ask me|Between us], {echo} [is trouble|changes everything|is a red herring], {speaker}.",
        Gruff("{echo}. Bah. [Everyone's on about that|Old news|Tell me something I don't know]."),
        Formal("{echo} is a matter worth [considering|some thought], {speaker}."),
        Dry("{echo}. How [very|terribly] interesting[.|, {speaker}.]"),
        Nervous("{echo}? Oh. Oh, I [see|wish you hadn't said that]."),
        Warm("I hear you about {echo}, {speaker}."),
        Cheerful("Ooh, {echo}! [Now we're talking|Tell me more]!"),
    ];

    public static readonly Phrase[] PlainStatement =
    [
        "[I hear you|I'm listening|Fair enough], {speaker}.",
        "That's one way [to see it|of putting it], {speaker}.",
        "[Maybe so|Could be], {speaker}. [Hard to say|We'll see].",
        Gruff("If you say so, {speaker}."),
        Formal("A fair point, {speaker}."),
        Dry("Riveting, {speaker}."),
    ];

    public static readonly Phrase[] QuestionLead =
    [
        "[A fair question|Good question|That's the question, isn't it|You would ask that], {speaker}.",
        "{echo}? [Why do you ask?|Hm.|Now there's a thing.|Of all things.]",
        "So it's {echo} [that matters to you|on your mind|you're after], {speaker}.",
        "[Since you ask|If you must know|Well, since it's you], {speaker}.",
        "You're asking me about {echo}[?|, of all people?|, here?]",
        "[Ask me something easier|That's a big question], {speaker}.",
        Gruff("[Questions, questions|Always asking|Nosy tonight], {speaker}."),
        Gruff("[Straight out|Plain, then], {speaker}, since you ask."),
        Formal("Allow me to answer [plainly|as best I can|with care], {speaker}."),
        Formal("An [excellent|astute|pertinent] question, {speaker}."),
        Dry("Straight to the point, {speaker}. [How refreshing|How rude|I almost admire it]."),
        Dry("{echo}, {speaker}? [Must we?|Oh, good.|My favourite subject.]"),
        Nervous("Oh, that, I, well, {speaker}."),
        Cheerful("Ooh, {speaker}, I was hoping you'd ask!"),
    ];

    public static readonly Phrase[] AnswerWhere =
    [
        "Last I [saw|heard|looked], it was out toward {exit}.",
        "Somewhere past {exit}, if I had to [guess|bet|swear to it].",
        "Right here at {place}, [closer than anyone thinks|under everyone's nose|where nobody looks].",
        "Try {exit}. [Ask around there|Start there|That's where I'd look|Quietly, mind].",
        "Not far. {exit}, [maybe|most likely|or so I'm told], or somewhere near it.",
        "Where it always is, somewhere between {place} and {exit}.",
        "[Nowhere you'd find it alone|Somewhere safe|Where I left it], [and that's all I'll say|for now|if nobody's moved it].",
        "[Follow the path|Take the way] to {exit} and [keep your eyes open|ask no questions|don't stop].",
    ];

    public static readonly Phrase[] AnswerWho =
    [
        "{other}, I'd [wager|guess|bet my boots].",
        "Ask {other}. [I have my suspicions|I've said enough|Watch the face when you do].",
        "I have a name in mind, but not one I'll say in front of {other}.",
        "Someone closer than is [comfortable|wise to say|you'd credit].",
        "Not me, that much I can [swear to|promise|prove].",
        "Look at {who} [and ask yourself|before you look at me|for a start].",
        "[Nobody I'd name|A name I won't say|Someone] [here|at {place}|in this town], [not yet|not aloud|not tonight].",
    ];

    public static readonly Phrase[] AnswerWhy =
    [
        "Because I mean to {goal}[.|, and that's reason enough.|. Simple.]",
        "Because {fact}.",
        "Because someone has to, and [nobody else here will|nobody else dares|I'm the one standing here].",
        "For {goalnp}. [Same as always.|Nothing more.|It's that simple.|What else?]",
        "Why? Because I'm {trait}, [I suppose|I'm told|and always have been].",
        "[Why does anyone|Why do any of us] [do anything|stay here|keep going]? For {goalnp}.",
        "[Reasons|My own reasons|Old reasons], [and they're mine|and they'll keep|and good ones].",
    ];

    public static readonly Phrase[] AnswerWhat =
    [
        "{echo}? It [matters|counts] more than it [looks|seems|sounds][.|, {speaker}.|, believe me.]",
        "[What I know is this|Here's what I know|I'll tell you what I know]. {fact}.",
        "Something to do with {item}, [I'd say|if you ask me|I'm sure of it].",
        "More than I can tell you here at {place}.",
        "The short of it? {fact}.",
        "Nothing I'd [say aloud|care to say|put into words] [here|with {other} listening|at this hour].",
        "[Honestly|Truthfully|Plainly]? [I don't know|Less than I'd like|Not enough], [not yet|but I will|and it eats at me].",
    ];

    public static readonly Phrase[] AnswerHow =
    [
        "Carefully. It's the only way I [know|trust|work].",
        "With patience, and [a little luck|a lot of luck|good timing].",
        "The same way I do everything, {trait} to the end.",
        "Slowly, and without telling {other}.",
        "With {myitem}, if it comes to that.",
        "One step at a time, starting at {exit}.",
        "[Quietly|By night|With help], [and before anyone notices|while {other} isn't looking|the old way].",
    ];

    public static readonly Phrase[] AnswerWhen =
    [
        "Before {time} is [out|over|done].",
        "Soon. Sooner than anyone [here|at {place}] would like.",
        "When the time is right, and not [before|a moment sooner].",
        "After {other} has gone, [maybe|most likely|not before].",
        "By {time}, if nothing else goes wrong.",
        "[Not tonight|Not yet|Any day now]. [Be patient|Wait for my word|Trust me on that].",
    ];

    public static readonly Phrase[] AnswerYesOrNo =
    [
        "[Yes|Aye, yes|I do]. I'd [say it again|stand by it|swear to it] [if I had to|to anyone|in front of {other}].",
        "[No|Not really|Hardly]. Not the way [you mean|it sounds|you're thinking].",
        "Perhaps. It depends on {other}.",
        "Yes and no, and that's the [honest|only|best] answer [I have|I can give|tonight].",
        "Not yet. [Ask me again later|Give it time|Maybe by {time}'s end].",
        "Of course. [Was there ever a doubt|Did anyone doubt it]?",
        "[Maybe|Possibly|I'd like to think so]. [Ask me tomorrow|Time will tell|We'll see soon enough].",
        Gruff("Aye. [And that's all I'll say|Plain as that|What of it]."),
        Gruff("Nay. [And don't ask again|Not a chance|Not in this life]."),
        Formal("I believe so, [yes|though I would not swear to it|on balance]."),
        Formal("I fear not, [regrettably|I'm sorry to say|not as things stand]."),
        Dry("Obviously. [Next question|Do keep up|Was that a real question]."),
        Dry("[No|Sadly not|Alas, no]. [Shocking, I know|Try to contain yourself]."),
        Nervous("I, maybe? Yes. Probably yes."),
        Cheerful("Yes! [Absolutely|A thousand times yes]!"),
    ];

    public static readonly Phrase[] AnswerPersonal =
    [
        "When I was small, {place} was [the whole world|all I knew|where I hid from everyone].",
        "[Truthfully|Honestly|If I'm honest]? {goalnp}. That would be [enough|plenty|more than I deserve].",
        "I used to dream of [leaving|the sea|something bigger]. Now I only want to {goal}.",
        "{who} [knows|remembers] [better than anyone|more than I'd like] what I was like back then.",
        "There was a time I wasn't so {trait}. [It didn't last|Life saw to that|I miss her sometimes].",
        "[Some days|Most days|On bad nights] it still [hurts|stings]. [Less than it did|Not that I'd show it|I manage].",
        "I miss [the quiet|my mother's voice|the way {place} used to be|being young and stupid].",
        "Nobody's asked me that in [years|a long time|ages], {speaker}.",
        "[That's|It's] a [long|sad|strange] story, {speaker}. [Maybe I'll tell it one day|Another time|Not tonight, I think].",
        "[My father|My mother|Someone I loved] used to say I was too {trait} for my own good.",
        "I'm [afraid|scared] of [losing what's left|being the last one standing|what I'd do if pushed], {speaker}.",
        "[Trust is earned|Trust comes slowly|Trusting is hard for me], {speaker}. [You're earning it|You're getting there|Ask me again " +
            "in a month].",
        "{face}. That's [the truest thing I know|what keeps me going|all I have].",
        "[Happiest|Safest]? [Here, once|On {exit}, years ago|Before all this], [with people who are gone now|when nobody wanted anything " +
            "from me].",
        "[I never|I rarely] say this, {speaker}, but [I'm tired|I'm lonely|I'm not as {trait} as I look].",
        Gruff("[Bah|Hmph]. [Ask me when I've had a drink|Old wounds, {speaker}. Leave them be]."),
        Formal("[It is|That is] a personal matter, {speaker}, but [since you ask|for you], I will say this much. I want {goalnp}."),
        Warm("[Oh|Ah], {speaker}. [Come here|Sit close]. [I'll tell you, if you really want to know|It's good to be asked]."),
        Dry("[My childhood|My life story]? [Riveting stuff|Bring a blanket|It's mostly rain], {speaker}."),
        Nervous("I, um. I don't [talk about that|usually say]. [Maybe later|Give me a moment], {speaker}."),
    ];

    public static readonly Phrase[] AnswerFeelings =
    [
        "I'm {mood}, if [you must know|I'm honest|anyone's asking].",
        "Honestly? {mood}, and [tired of pretending otherwise|that's the truth of it].",
        "Better, now [that someone asked|there's company|you're here].",
        "Like I've been holding my breath all {time}.",
        "{mood}. [It'll pass|It always passes|Don't worry about me].",
    ];

    public static readonly Phrase[] Goal =
    [
        "I mean to {goal}, [whatever it costs|one way or another|before this is over|and soon].",
        "All I [want|ask|need] is {goalnp}.",
        "Nothing [will stop|is going to stop|stops] me from trying to {goal}.",
        "I haven't forgotten what I came for. [That's|It's] {goalnp}.",
        "Every [day|morning|night] I wake up thinking about how to {goal}.",
        "If I could only {goal}, I'd [rest easy|sleep again|breathe].",
        "{goalnp}. That's [what matters|all that matters|what keeps me going].",
        "I'm [close|closer than ever|nearly there] to {goalnp}.",
        "[Whatever else happens|When this is over|Mark me], I'll {goal}.",
        "[One thing at a time|First things first]. I have to {goal}.",
        Gruff("I'll {goal} or die trying. [Simple as that|No other way]."),
        Formal("My purpose here is [plain|simple|no secret]. I intend to {goal}."),
        Dry("Some of us have plans. Mine is to {goal}."),
        Nervous("I just, I need to {goal}. That's all."),
        Cheerful("Today's the day I {goal}, I can feel it!"),
        Warm("I want {goalnp}, for all of us."),
    ];

    public static readonly Phrase[] KnownFact =
    [
        "[Everyone knows|I happen to know|Word is|They say] that {fact}.",
        "[Don't forget|Never forget|Keep in mind] that {fact}.",
        "It's no secret that {fact}.",
        "Remember, {fact}.",
        "I keep coming back to one thing. {fact}.",
        "[Think on it|Consider this|Chew on this]. {fact}.",
        Gruff("Plain fact is, {fact}."),
        Formal("It is a matter of record that {fact}."),
        Dry("And of course {fact}. [Naturally|How could we forget]."),
    ];

    public static readonly Phrase[] Item =
    [
        "[Have a look at|Look at|Mind] {item}.",
        "I keep [thinking about|coming back to|eyeing] {item}.",
        "Whoever ends up with {item} [ends up with trouble|holds all the cards|won't sleep easy].",
        "There's something [odd|wrong|not right] about {item}.",
        "{item} [tells a story|has seen things], if you know how to read it.",
        "Nobody has said a word about {item}. [Strange.|Why is that?|Odd, that.]",
        "[I'd give a lot|I'd pay good coin] to know where {item} [has been|came from].",
        Dry("{item}. [Everyone's favourite|The star of the evening]."),
        Nervous("I don't like [the look of|being near] {item}."),
    ];

    public static readonly Phrase[] LooseItem =
    [
        "{loose} has been [sitting there|lying there] longer than any of us.",
        "Someone left {loose} here. [I wonder who.|Careless.|On purpose, I'd say.]",
        "[Nobody's touched|Nobody seems to want|Everyone's stepping around] {loose}.",
    ];

    public static readonly Phrase[] MyItem =
    [
        "I'm not letting go of {myitem}, not for [anyone|anything|all the coin at {place}].",
        "{myitem} is heavier than it [looks|ought to be].",
        "I've carried {myitem} [a long way|for years|through worse than this].",
        "[As long as I have|While I hold] {myitem}, [we have a chance|I'm not afraid].",
        Gruff("Nobody touches {myitem}. [Nobody|Not even you]."),
        Warm("{myitem} was a gift, once. [I treasure it|I'll never part with it lightly]."),
    ];

    public static readonly Phrase[] HeldItem =
    [
        "{holder} has {held}, and [I'd like to know why|that worries me|nobody's asked why].",
        "[Strange|Curious|Convenient] that {held} ended up with {holder}.",
        "I've seen how {holder} [keeps|guards|fusses over] {held}.",
    ];

    public static readonly Phrase[] Place =
    [
        "{place} [is quiet|feels different|is restless|is holding its breath] this {time}.",
        "{place} has always [suited me|unsettled me|felt like mine] at this hour.",
        "Something about {place} [puts me on edge|feels wrong|keeps me awake].",
        "If walls could talk, {place} would have [plenty|a great deal] to say.",
        "Nobody comes to {place} without a reason[.|. Not at this hour.]",
        "The way to {exit} has been [quiet|busy|watched] all {time}.",
        "I keep [looking|glancing] toward {exit}.",
        Gruff("{place}. [Same as ever|Never changes]."),
        Formal("{place} has a certain character this {time}, does it not?"),
        Warm("I love {place} this {time}. [It feels like home|It always has]."),
        Cheerful("Isn't {place} lovely this {time}?"),
    ];

    public static readonly Phrase[] Person =
    [
        "[Keep an eye on|Watch] {who}.",
        "[I'd ask|Ask] {who} about it, if I were you.",
        "{who} is here too, [don't forget|remember].",
        "{who} has been [very quiet|listening closely|watching the door].",
        "I'd like to hear what {who} [makes of this|has to say|thinks].",
        "Funny how {who} [always|somehow] turns up [at times like these|when it matters].",
        Gruff("{who} can answer for that."),
        Warm("I'm glad {who} is here."),
        Dry("And {who}, of course. [Watching, as ever|Silent, as ever]."),
    ];

    public static readonly Phrase[] Face =
    [
        "[Remember|Don't forget], {name}, {face}.",
        "{face}, {name}, and that [still counts for something|has to mean something|won't change].",
        "Whatever happens, {face}.",
        "I haven't forgotten that {face}.",
        "{face}. [Nothing changes that|That hasn't changed|Keep that in mind].",
        Gruff("{face}, {name}. [That's the end of it|Don't make me say it twice]."),
        Warm("{face}, {name}, [always|whatever comes]."),
    ];

    public static readonly Phrase[] Mood =
    [
        "I feel {mood} this {time}.",
        "[Forgive me|Pardon me], I'm a little {mood}.",
        "Something [has me|keeps me] {mood}.",
        "I've been {mood} all {time}.",
        Gruff("I'm {mood}. [Leave it|Don't ask]."),
        Formal("I confess I am somewhat {mood}."),
        Nervous("I'm, I'm just {mood}, is all."),
    ];

    public static readonly Phrase[] Trait =
    [
        "They call me {trait}, and [they're not wrong|maybe they're right].",
        "I've been {trait} all my life; I won't [change|stop] now.",
        "Call me {trait} if you [like|must].",
        "Being {trait} has [kept me alive|cost me plenty] so far.",
    ];

    public static readonly Phrase[] Objective =
    [
        "[We're here|We came] because of {objtopic}, [let's not forget|after all|remember].",
        "[Let's not lose sight of it|Remember why we're here]. [It's|This is] about {objtopic}.",
        "If we're going to settle things about {objtopic}, we'd better [start|hurry|stop talking].",
        "Everything [tonight|here] keeps coming back to {objtopic}.",
        "[Sooner or later|One way or another], [we have to|someone has to] face {objtopic}.",
    ];

    public static readonly Phrase[] SecretHint =
    [
        "There's something about {secretabout} I haven't told [anyone|a soul].",
        "Some things about {secretabout} are better left [buried|alone|unsaid].",
        "Ask me about {secretabout} [another time|when we're alone|tomorrow].",
        "If anyone knew the truth about {secretabout}, [things would change here|nobody would sleep].",
        Nervous("Please don't ask me about {secretabout}."),
        Dry("{secretabout}? [Oh, nothing to see there|Perfectly ordinary, I'm sure]."),
    ];

    public static readonly Phrase[] Time =
    [
        "[It's getting late|The hour is getting on].",
        "{time} is slipping away from us.",
        "[Half|Most] of the {time} is gone already.",
    ];

    public static readonly Phrase[] Soliloquy =
    [
        "Nobody here. Just {place} and me.",
        "Quiet. [Too quiet|Good].",
        "I'll wait. Someone will come to {place} soon enough.",
    ];

    public static readonly Phrase[] Hook =
    [
        "What do you make of [that|all this|it], {name}?",
        "[Tell me|Be honest|Answer me this], {name}, [what would you do|where do you stand in this|what did you see]?",
        "Will you help me {goal}, {name}?",
        "Have you [seen|ever seen|noticed] {item} before, {name}?",
        "Would you [come with me|walk with me|go with me] to {exit}, {name}?",
        "{name}, what brings you to {place} [at this hour|this {time}|of all places]?",
        "Do you [trust|believe|know] {other}, {name}?",
        "Where were you [this {time}|earlier|before you came here], {name}?",
        "Who told you about {echo}, {name}?",
        "What would you give for {item}, {name}?",
        "Well, {name}? [I'm waiting|Your move|Say something].",
        "Your turn, {name}. [What's your story|Where do you come from|What do you know]?",
        "And you, {name}? [Where do you stand|Whose side are you on|What's your part in this]?",
        "Can I [count on|rely on|trust] you, {name}?",
        "What would you have me do, {name}?",
        "Walk with me a while, {name}?",
        "Is there something [to tell me|on your mind], {name}?",
        "Sit with me, {name}. [Tell me something true|Tell me about yourself|Tell me what you saw].",
        "Why did you [really come here|come to {place}], {name}?",
        "Do you believe that {fact}, {name}?",
        "What do you know about {secretabout}, {name}?",
        "Shall we [find out|see|look into it] together, {name}?",
        "What's your price, {name}?",
        "Have you ever been to {exit}, {name}?",
        "How long do you mean to stay at {place}, {name}?",
        "Would you keep a secret for me, {name}?",
        "What would it take to win you over, {name}?",
        "{name}, what are you after in all this?",
        "[Before we go on|While we're at it|One more thing], {name}. [Who sent you here|What do you want with us|What did you hear]?",
        "[Help me|Humour me], {name}. [What's the first thing you'd do|Where would you look]?",
        Gruff("Well? [Spit it out|Out with it|Speak up], {name}."),
        Gruff("You with me or not, {name}?"),
        Formal("Might I ask your [opinion|view|counsel], {name}?"),
        Formal("Would you do me the kindness of an answer, {name}?"),
        Warm("How are you holding up, {name}?"),
        Warm("Is there anything I can do for you, {name}?"),
        Dry("Go on, {name}, [surprise me|amaze me|say something clever]."),
        Dry("Any brilliant ideas, {name}?"),
        Nervous("You won't tell anyone, will you, {name}?"),
        Nervous("What should we do, {name}?"),
        Cheerful("Shall we make an adventure of it, {name}?"),
        Cheerful("Isn't this exciting, {name}?"),
    ];

    public static readonly Phrase[] EscalateHook =
    [
        "Are you with me or against me, {name}?",
        "How much do you [really|truly] know, {name}?",
        "If not now, {name}, then when?",
        "What are you [hiding|keeping back|not telling me], {name}?",
        "Who sent you, {name}? [The truth, now|No more games]",
        "Are you ready to [act|choose], {name}? [There's no more time.|The hour's come.]",
        "[Do we|Shall we] [go after it|move] [now|tonight], {name}, or [wait for them to come to us|lose our chance]?",
    ];

    public static readonly Phrase[] SlowDownHook =
    [
        "What's on your mind, {name}?",
        "Stay a while, {name}?",
        "Will you tell me about yourself, {name}?",
        "Do you ever miss home, {name}?",
        "What was {time} like where you grew up, {name}?",
        "[What keeps|Who keeps] you going, {name}?",
    ];

    public static readonly Phrase[] Give =
    [
        "Here, {recipient}. {gift} is yours now.",
        "Take {gift}, {recipient}. [You'll need it more than I do|Keep it safe|Don't lose it].",
        "I want you to have {gift}, {recipient}.",
        "{recipient}, [catch|take this]. {gift}, [for luck|for what's coming].",
    ];

    public static readonly Phrase[] Take =
    [
        "I'll take {took}, if nobody minds.",
        "{took} shouldn't just lie there.",
        "Let me hold on to {took} for now.",
        "[Finders keepers|Mine, then]. {took} comes with me.",
    ];

    public static readonly Phrase[] Reveal =
    [
        "[I'll tell you the truth|Here's the truth of it|Fine, hear it from me]. {reveal}.",
        "I've kept quiet long enough. {reveal}.",
        "{reveal}. There, I've said it.",
        "You may as well know. {reveal}.",
    ];

    public static readonly Phrase[] Notice =
    [
        "Look closer. {newfact}.",
        "[Has anyone noticed|Did anyone notice]? {newfact}.",
        "Mark this. {newfact}.",
        "I only just saw it. {newfact}.",
    ];

    public static readonly Phrase[] Warmer =
    [
        "I think I can trust you, {target}.",
        "You've earned a little of my faith, {target}.",
        "I'm glad you're here, {target}.",
        "I was wrong about you, {target}. [I'm sorry|It won't happen again].",
        "[Perhaps|Maybe] we're on the same side after all, {target}.",
    ];

    public static readonly Phrase[] Colder =
    [
        "I won't forget that, {target}.",
        "You've lost my good faith, {target}.",
        "Don't expect me to trust you after this, {target}.",
        "I'm done making excuses for you, {target}.",
        "[Mark my words|Remember this], {target}. I keep count.",
    ];

    public static readonly Phrase[] Leave =
    [
        "I'm going to {dest}. [Someone has to look|I'll be back|Don't wait up].",
        "I need some air. {dest}, for a moment.",
        "Enough talk. I'm off to {dest}.",
    ];

    public static readonly Phrase[] Wait =
    [
        "Let's [wait a while|give it time|let the hour pass].",
        "We wait. [Patience|An hour won't hurt|It'll come to us].",
        "[Sit|Rest] a while. [Nothing's going anywhere|There's time yet].",
    ];

    public static readonly Phrase[] Gesture =
    [
        "{self} [glances|looks] [toward|at] {exit}.",
        "{self} shifts [from one foot to the other|on the spot].",
        "{self} [looks around|takes in|surveys] {place}.",
        "{self} [takes|draws] a [slow|long|deep] breath.",
        "{self} folds [both|their] arms.",
        "{self} turns [to face|toward] {name}.",
        "{self} [speaks more quietly now|lowers [the|their] voice].",
        "{self} drums [a few|two] fingers on [the nearest surface|a knee].",
        "{self} watches {other} for a [moment|while|heartbeat].",
        "{self} paces [a few steps|to the wall] and [stops|turns back].",
        "{self} turns {myitem} over in [both hands|[the|one] hand].",
        "{self} [checks|touches] {myitem} again.",
        "{self} [eyes|studies] {item}.",
        "{self} leans [in|closer] toward {name}.",
        "{self} frowns, [thinking|weighing it up].",
        "{self} lets out a [short|dry|quiet] laugh.",
        "{self} [rubs|scratches] [the back of the neck|an eyebrow].",
        "{self} [waits|pauses], [listening|head tilted].",
    ];

    public static readonly Phrase[] GestureGive = ["{self} holds out {gift} to {recipient}.",
        "{self} presses {gift} into {recipient}'s hands."];
    public static readonly Phrase[] GestureTake = ["{self} picks up {took}.", "{self} scoops up {took}."];
    public static readonly Phrase[] GestureReveal = ["{self} speaks low, almost a whisper.", "{self} hesitates, then says it."];
    public static readonly Phrase[] GestureNotice = ["{self} points.", "{self} crouches for a closer look."];
    public static readonly Phrase[] GestureWarmer =
    [
        "{self} gives {target} a [long|searching|measuring] look, then nods.",
        "{self} softens [toward|at] {target}.",
        "{self} [smiles|half-smiles] at {target}[, despite everything|].",
    ];

    public static readonly Phrase[] GestureColder =
    [
        "{self} steps back from {target}.",
        "{self} turns [away|aside] from {target}.",
        "{self} [looks|stares] at {target} [coldly|without warmth|a moment too long].",
    ];
    public static readonly Phrase[] GestureLeave = ["{self} heads off toward {dest}.", "{self} sets off for {dest}."];
    public static readonly Phrase[] GestureWait = ["{self} waits, watching the light change over {place}.", "{self} settles in to wait."];
}
