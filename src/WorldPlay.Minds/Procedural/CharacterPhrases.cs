namespace WorldPlay.Minds.Procedural;

/// <summary>The grammar of the procedural mind's speech and narration. Slots: {name} whom the hook is for, {speaker} who
/// spoke last, {echo} a word picked up from that line, {other}/{who} another person present (plain, or with the tie
/// in words), {face} the tie said to {name}, {place}, {exit}, {item}, {myitem}, {loose}, {held} and {holder}, {goal}
/// and {goalnp}, {fact}, {secretabout}, {trait}, {mood}, {time}, {objective}, {self}; and for proposals {gift},
/// {recipient}, {took}, {reveal}, {newfact}, {target}, {dest}. Speech never carries another's words or feelings.</summary>
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
        "[Well met|Good {daypart}|Hello again|Ah, hello], {speaker}.",
        "{speaker}. [I wondered when you'd turn up|I was hoping you'd come by|Good to see a friendly face].",
        "Good {daypart} to you too, {speaker}.",
        "[There you are|So you came after all], {speaker}.",
        Gruff("Aye, {speaker}. [About time you turned up|You found me, then|Took your time]."),
        Formal("A good {daypart} to you, {speaker}. [Welcome to {place}|You honour us]."),
        Warm("{speaker}! [It does me good to see you|Come in, come in|I'm so glad you're here]."),
        Dry("Ah, {speaker}. [Just the face I was hoping for.|Of course it's you.|Who else would it be?]"),
        Nervous("Oh! {speaker}, [you startled me|hello, yes, hello|I didn't hear you come in]."),
        Cheerful("{speaker}! [What luck|There you are at last|Now the {time} gets interesting]!"),
    ];

    public static readonly Phrase[] Farewell =
    [
        "[Going so soon|Leaving already], {speaker}?",
        "Not yet, {speaker}. [Stay a moment|There's one more thing|Hear me out first].",
        "Go if you must, {speaker}, but [this isn't finished|come back before {time} is over].",
        Gruff("Off with you then, {speaker}. [Mind the dark|Don't get lost]."),
        Formal("Before you take your leave, {speaker}, one more word."),
        Warm("Take care of yourself out there, {speaker}."),
        Dry("Running off, {speaker}? [How very like you|Just when it got interesting]."),
    ];

    public static readonly Phrase[] Thanks =
    [
        "No need to thank me, {speaker}.",
        "Keep your thanks, {speaker}. [I did it for my own reasons|You may need them later].",
        "[Don't mention it|It was nothing], {speaker}.",
        Gruff("Don't thank me yet, {speaker}."),
        Formal("It was the least I could do, {speaker}."),
        Warm("Anything for you, {speaker}. [Truly|You know that]."),
        Dry("Thanks. [How novel|I'll write it down somewhere]."),
        Cheerful("Oh, it was my pleasure, {speaker}!"),
    ];

    public static readonly Phrase[] Apology =
    [
        "[Apology accepted|I'll take that], {speaker}. [For now|This once].",
        "Sorry won't mend it, {speaker}, but it's a start.",
        "Let's not dwell on it, {speaker}.",
        Gruff("Save it, {speaker}. Just don't do it again."),
        Formal("Your apology is noted, {speaker}, and accepted."),
        Warm("There's nothing to forgive, {speaker}. [Truly|Not between us]."),
        Dry("An apology. [Mark the date|I'll treasure it]."),
        Nervous("Oh, no, it's fine, {speaker}, it's all fine."),
    ];

    public static readonly Phrase[] Accusation =
    [
        "That's not true, {speaker}. [Not a word of it|Not one word].",
        "I've done nothing I'm ashamed of, {speaker}.",
        "Careful, {speaker}. Say that again in front of everyone at {place} and see who believes it.",
        "Me? I was nowhere near {echo}, and I can prove it.",
        "{echo}? [Is that what this is about|So that's the charge]?",
        "[You have it wrong|You've got the wrong person], {speaker}. [Look elsewhere|Ask {other} instead].",
        "I won't stand here and be called [a liar|that], {speaker}.",
        Gruff("Watch your tongue, {speaker}. [I've knocked down bigger fools for less|Say it twice and see]."),
        Formal("I must object, {speaker}, [most strongly|in the plainest terms]."),
        Warm("I'd never do that to you, {speaker}. [Never|Not to you]."),
        Dry("Oh yes, blame me. [It's so convenient|Everyone else does]."),
        Nervous("I, no, no, that isn't how it was, {speaker}!"),
        Cheerful("Ha! Me? {speaker}, [be serious|you can't mean it]."),
    ];

    public static readonly Phrase[] Threat =
    [
        "Threats don't suit you, {speaker}.",
        "Is that a threat, {speaker}?",
        "I've faced worse than you, {speaker}, [and I'm still standing|and walked away].",
        Gruff("Try it, {speaker}. [See what happens|I'd like to see that]."),
        Formal("I would think very carefully before saying that again, {speaker}."),
        Dry("Frightening. [Truly|I'm trembling]."),
        Nervous("Please, {speaker}, there's no need for that."),
    ];

    public static readonly Phrase[] Compliment =
    [
        "Flattery, {speaker}? [It might even work|Go on then].",
        "That's kind of you, {speaker}.",
        "[Careful|Steady], {speaker}, or I'll start believing you.",
        Gruff("Hmph. Don't go soft on me, {speaker}."),
        Formal("You are too generous, {speaker}."),
        Warm("That means more than you'd guess, {speaker}."),
        Dry("Compliments. [What do you want|What's it going to cost me]?"),
        Cheerful("Oh, stop it, {speaker}!"),
    ];

    public static readonly Phrase[] Request =
    [
        "[Perhaps|Maybe], {speaker}, if you tell me why.",
        "I'll [think on it|consider it], {speaker}.",
        "Ask me properly and I might.",
        "[Gladly|All right], {speaker}. [But not for free|On one condition].",
        "Not yet. [Not until I know more about|First tell me about] {echo}.",
        "{echo}? [Fine|Very well], but [we do it my way|you owe me one].",
        Gruff("Aye, I'll do it. Don't make me regret it, {speaker}."),
        Formal("I shall see what can be done, {speaker}."),
        Warm("Of course, {speaker}. [For you, anything|You only had to ask]."),
        Dry("And what do I get, {speaker}? [Besides the pleasure of your company|Apart from trouble]?"),
        Nervous("Me? I, well, if I must, {speaker}."),
        Cheerful("Yes! [I thought you'd never ask|Let's do it], {speaker}!"),
    ];

    public static readonly Phrase[] EchoedStatement =
    [
        "{echo}. [I've heard that before|That's worth chewing on|That explains a few things].",
        "[So it's|So this is] about {echo} now.",
        "I was wondering when {echo} would come up.",
        "{echo}, is it? [Go on|Hm|Fine].",
        "Funny [you should mention|that you bring up] {echo}.",
        "[Mm|Hm]. {echo}, [again|of all things].",
        "Don't [talk to me|start me] about {echo}.",
        "{echo} is the least of it, {speaker}.",
        "I've been turning {echo} over in my head all {time}.",
        Gruff("{echo}. Bah. [Everyone's on about that|Old news]."),
        Formal("{echo} is a matter worth [considering|some thought], {speaker}."),
        Dry("{echo}. How [very|terribly] interesting."),
        Nervous("{echo}? Oh. Oh, I [see|wish you hadn't said that]."),
        Warm("I hear you about {echo}, {speaker}."),
        Cheerful("Ooh, {echo}! [Now we're talking|Tell me more]!"),
    ];

    public static readonly Phrase[] PlainStatement =
    [
        "[I hear you|I'm listening|Fair enough], {speaker}.",
        "That's one way [to see it|of putting it], {speaker}.",
        "[Maybe so|Could be], {speaker}. [Maybe so|Hard to say].",
        Gruff("If you say so, {speaker}."),
        Formal("A fair point, {speaker}."),
        Dry("Riveting, {speaker}."),
    ];

    public static readonly Phrase[] QuestionLead =
    [
        "[A fair question|Good question|That's the question, isn't it], {speaker}.",
        "{echo}? [Why do you ask?|Hm.|Now there's a thing.]",
        "So it's {echo} [that matters to you|on your mind].",
        Gruff("[Questions, questions|Always asking], {speaker}."),
        Formal("Allow me to answer plainly, {speaker}."),
        Dry("Straight to the point, {speaker}. [How refreshing|How rude]."),
        Nervous("Oh, that, I, well, {speaker}."),
        Cheerful("Ooh, {speaker}, I was hoping you'd ask!"),
    ];

    public static readonly Phrase[] AnswerWhere =
    [
        "Last I saw, it was out toward {exit}.",
        "Somewhere past {exit}, if I had to guess.",
        "Right here at {place}, closer than anyone thinks.",
        "Try {exit}. [Ask around there|Start there|That's where I'd look].",
        "Not far. {exit}, [maybe|most likely], or somewhere near it.",
        "Where it always is, somewhere between {place} and {exit}.",
    ];

    public static readonly Phrase[] AnswerWho =
    [
        "{other}, I'd wager.",
        "Ask {other}. [I have my suspicions|I've said enough].",
        "I have a name in mind, but not one I'll say in front of {other}.",
        "Someone closer than is comfortable.",
        "Not me, that much I can swear to.",
        "Look at {who} [and ask yourself|before you look at me].",
    ];

    public static readonly Phrase[] AnswerWhy =
    [
        "Because I mean to {goal}.",
        "Because {fact}.",
        "Because someone has to, and nobody else here will.",
        "For {goalnp}. [Same as always|Nothing more|It's that simple].",
        "Why? Because I'm {trait}, I suppose.",
        "Because it's {time}, and {time} is when things get done.",
    ];

    public static readonly Phrase[] AnswerWhat =
    [
        "{echo}? It matters more than it looks.",
        "What I know is this. {fact}.",
        "Something to do with {item}, I'd say.",
        "More than I can tell you here at {place}.",
        "The short of it? {fact}.",
        "Nothing I'd say aloud [here|with {other} listening].",
    ];

    public static readonly Phrase[] AnswerHow =
    [
        "Carefully. It's the only way I know.",
        "With patience, and a little luck.",
        "The same way I do everything, {trait} to the end.",
        "Slowly, and without telling {other}.",
        "With {myitem}, if it comes to that.",
        "One step at a time, starting at {exit}.",
    ];

    public static readonly Phrase[] AnswerWhen =
    [
        "Before {time} is out.",
        "Soon. Sooner than anyone here would like.",
        "When the time is right, and not before.",
        "After {other} has gone, maybe.",
        "By {time}, if nothing else goes wrong.",
    ];

    public static readonly Phrase[] AnswerYesOrNo =
    [
        "Yes. I'd say it again [if I had to|to anyone].",
        "No. Not the way you mean.",
        "Perhaps. It depends on {other}.",
        "Yes and no, and that's the honest answer.",
        "Not yet. [Ask me again later|Give it time].",
        "Of course. [Was there ever a doubt|Did anyone doubt it]?",
        Gruff("Aye. [And that's all I'll say|Plain as that]."),
        Gruff("Nay. [And don't ask again|Not a chance]."),
        Formal("I believe so, [yes|though I would not swear to it]."),
        Dry("Obviously. [Next question|Do keep up]."),
        Nervous("I, maybe? Yes. Probably yes."),
        Cheerful("Yes! [Absolutely|A thousand times yes]!"),
    ];

    public static readonly Phrase[] AnswerFeelings =
    [
        "I'm {mood}, if [you must know|I'm honest].",
        "Honestly? {mood}, and tired of pretending otherwise.",
        "Better, now [that someone asked|there's company].",
        "Like I've been holding my breath since {time}.",
        "{mood}. [It'll pass|It always passes|Don't worry about me].",
    ];

    public static readonly Phrase[] Goal =
    [
        "I mean to {goal}, [whatever it costs|one way or another|before this is over].",
        "All I want is {goalnp}.",
        "Nothing will stop me from trying to {goal}.",
        "I haven't forgotten what I came for. [That's|It's] {goalnp}.",
        "Every [day|morning] I wake up thinking about how to {goal}.",
        "If I could only {goal}, I'd rest easy.",
        "{goalnp}. That's [what matters|all that matters|what keeps me going].",
        "I'm [close|closer than ever] to {goalnp}.",
        Gruff("I'll {goal} or die trying. [Simple as that|No other way]."),
        Formal("My purpose here is plain. I intend to {goal}."),
        Dry("Some of us have plans. Mine is to {goal}."),
        Nervous("I just, I need to {goal}. That's all."),
        Cheerful("Today's the day I {goal}, I can feel it!"),
        Warm("I want {goalnp}, for all of us."),
    ];

    public static readonly Phrase[] KnownFact =
    [
        "[Everyone knows|I happen to know|Word is] that {fact}.",
        "Don't forget that {fact}.",
        "It's no secret that {fact}.",
        "Remember, {fact}.",
        "I keep coming back to one thing. {fact}.",
        "[Think on it|Consider this]. {fact}.",
        Gruff("Plain fact is, {fact}."),
        Formal("It is a matter of record that {fact}."),
        Dry("And of course {fact}. [Naturally|How could we forget]."),
    ];

    public static readonly Phrase[] Item =
    [
        "[Have a look at|Look at] {item}.",
        "I keep thinking about {item}.",
        "Whoever ends up with {item} [ends up with trouble|holds all the cards].",
        "There's something odd about {item}.",
        "{item} [tells a story|has seen things], if you know how to read it.",
        "Nobody has said a word about {item}. [Strange.|Why is that?]",
        Dry("{item}. [Everyone's favourite|The star of the evening]."),
        Nervous("I don't like [the look of|being near] {item}."),
    ];

    public static readonly Phrase[] LooseItem =
    [
        "{loose} has been [sitting there|lying there] longer than any of us.",
        "Someone left {loose} here. [I wonder who.|Careless.]",
        "[Nobody's touched|Nobody seems to want] {loose}.",
    ];

    public static readonly Phrase[] MyItem =
    [
        "I'm not letting go of {myitem}, not for anyone.",
        "{myitem} is heavier than it looks.",
        "I've carried {myitem} [a long way|for years].",
        "[As long as I have|While I hold] {myitem}, [we have a chance|I'm not afraid].",
        Gruff("Nobody touches {myitem}. Nobody."),
        Warm("{myitem} was a gift, once. [I treasure it|I'll never part with it lightly]."),
    ];

    public static readonly Phrase[] HeldItem =
    [
        "{holder} has {held}, and [I'd like to know why|that worries me].",
        "Strange that {held} ended up with {holder}.",
        "I've seen how {holder} [keeps|guards] {held}.",
    ];

    public static readonly Phrase[] Place =
    [
        "{place} [is quiet|feels different|is restless] this {time}.",
        "{place} has always [suited me|unsettled me] at this hour.",
        "Something about {place} puts me on edge.",
        "If walls could talk, {place} would have [plenty|a great deal] to say.",
        "Nobody comes to {place} without a reason.",
        "The way to {exit} has been [quiet|busy] all {time}.",
        "I keep looking toward {exit}.",
        Gruff("{place}. [Same as ever|Never changes]."),
        Formal("{place} has a certain character this {time}, does it not?"),
        Warm("I love {place} this {time}. [It feels like home|It always has]."),
        Cheerful("Isn't {place} lovely this {time}?"),
    ];

    public static readonly Phrase[] Person =
    [
        "Keep an eye on {who}.",
        "[I'd ask|Ask] {who} about it, if I were you.",
        "{who} is here too, [don't forget|remember].",
        "{who} has been very quiet.",
        "I'd like to hear what {who} makes of this.",
        "Funny how {who} [always|somehow] turns up [at times like these|when it matters].",
        Gruff("{who} can answer for that."),
        Warm("I'm glad {who} is here."),
        Dry("And {who}, of course. [Watching, as ever|Silent, as ever]."),
    ];

    public static readonly Phrase[] Face =
    [
        "[Remember|Don't forget], {name}, {face}.",
        "{face}, {name}, and that still counts for something.",
        "Whatever happens, {face}.",
        "I haven't forgotten that {face}.",
        "{face}. [Nothing changes that|That hasn't changed].",
        Gruff("{face}, {name}. [That's the end of it|Don't make me say it twice]."),
        Warm("{face}, {name}, [always|whatever comes]."),
    ];

    public static readonly Phrase[] Mood =
    [
        "I feel {mood} this {time}.",
        "[Forgive me|Pardon me], I'm a little {mood}.",
        "Something has me {mood}.",
        "I've been {mood} since {time}.",
        Gruff("I'm {mood}. [Leave it|Don't ask]."),
        Formal("I confess I am somewhat {mood}."),
        Nervous("I'm, I'm just {mood}, is all."),
    ];

    public static readonly Phrase[] Trait =
    [
        "They call me {trait}, and [they're not wrong|maybe they're right].",
        "I've been {trait} all my life; I won't change now.",
        "Call me {trait} if you like.",
        "Being {trait} has [kept me alive|cost me plenty] so far.",
    ];

    public static readonly Phrase[] Objective =
    [
        "We're here to {objective}, [let's not forget|after all].",
        "[Let's not lose sight of it|Remember why we're here]. We need to {objective}.",
        "If we mean to {objective}, we'd better start.",
    ];

    public static readonly Phrase[] SecretHint =
    [
        "There's something about {secretabout} I haven't told anyone.",
        "Some things about {secretabout} are better left buried.",
        "Ask me about {secretabout} another time.",
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
        "What do you make of [that|all this], {name}?",
        "[Tell me|Be honest], {name}, [what would you do|where do you stand in this]?",
        "Will you help me {goal}, {name}?",
        "Have you seen {item} before, {name}?",
        "Would you come with me to {exit}, {name}?",
        "{name}, what brings you to {place} [at this hour|this {time}]?",
        "Do you trust {other}, {name}?",
        "Where were you this {time}, {name}?",
        "Who told you about {echo}, {name}?",
        "What would you give for {item}, {name}?",
        "Well, {name}? [I'm waiting|Your move].",
        "Your turn, {name}. What's your story?",
        "And you, {name}? [Where do you stand|Whose side are you on]?",
        "Can I count on you, {name}?",
        "What would you have me do, {name}?",
        "Walk with me a while, {name}?",
        "Is there something [to tell me|on your mind], {name}?",
        "Sit with me, {name}. [Tell me something true|Tell me about yourself].",
        "Why did you [really come here|come to {place}], {name}?",
        "Do you believe that {fact}, {name}?",
        "What do you know about {secretabout}, {name}?",
        "Shall we find out together, {name}?",
        "What's your price, {name}?",
        "Have you ever been to {exit}, {name}?",
        "How long do you mean to stay at {place}, {name}?",
        "Would you keep a secret for me, {name}?",
        "What would it take to win you over, {name}?",
        "{name}, what are you after in all this?",
        Gruff("Well? Spit it out, {name}."),
        Gruff("You with me or not, {name}?"),
        Formal("Might I ask your opinion, {name}?"),
        Formal("Would you do me the kindness of an answer, {name}?"),
        Warm("How are you holding up, {name}?"),
        Warm("Is there anything I can do for you, {name}?"),
        Dry("Go on, {name}, surprise me."),
        Dry("Any brilliant ideas, {name}?"),
        Nervous("You won't tell anyone, will you, {name}?"),
        Nervous("What should we do, {name}?"),
        Cheerful("Shall we make an adventure of it, {name}?"),
        Cheerful("Isn't this exciting, {name}?"),
    ];

    public static readonly Phrase[] EscalateHook =
    [
        "Are you with me or against me, {name}?",
        "How much do you really know, {name}?",
        "If not now, {name}, then when?",
        "What are you hiding, {name}?",
        "Who sent you, {name}?",
        "Are you ready to [act|choose], {name}? [There's no more time.|The hour's come.]",
    ];

    public static readonly Phrase[] SlowDownHook =
    [
        "What's on your mind, {name}?",
        "Stay a while, {name}?",
        "Will you tell me about yourself, {name}?",
        "Do you ever miss home, {name}?",
        "What was {time} like where you grew up, {name}?",
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
        "{self} glances toward {exit}.",
        "{self} shifts from one foot to the other.",
        "{self} looks around {place}.",
        "{self} takes a slow breath.",
        "{self} folds both arms.",
        "{self} turns to face {name}.",
        "{self} speaks more quietly now.",
        "{self} drums a few fingers on the nearest surface.",
        "{self} watches {other} for a moment.",
        "{self} paces a few steps and stops.",
        "{self} turns {myitem} over in both hands.",
        "{self} checks {myitem} again.",
        "{self} eyes {item}.",
        "{self} leans in toward {name}.",
        "{self} frowns, [thinking|weighing it up].",
        "{self} lets out a short laugh.",
    ];

    public static readonly Phrase[] GestureGive = ["{self} holds out {gift} to {recipient}.", "{self} presses {gift} into {recipient}'s hands."];
    public static readonly Phrase[] GestureTake = ["{self} picks up {took}.", "{self} scoops up {took}."];
    public static readonly Phrase[] GestureReveal = ["{self} speaks low, almost a whisper.", "{self} hesitates, then says it."];
    public static readonly Phrase[] GestureNotice = ["{self} points.", "{self} crouches for a closer look."];
    public static readonly Phrase[] GestureWarmer = ["{self} gives {target} a long look, then nods.", "{self} softens toward {target}."];
    public static readonly Phrase[] GestureColder = ["{self} steps back from {target}.", "{self} turns away from {target}."];
    public static readonly Phrase[] GestureLeave = ["{self} heads off toward {dest}.", "{self} sets off for {dest}."];
    public static readonly Phrase[] GestureWait = ["{self} waits, watching the light change over {place}.", "{self} settles in to wait."];
}
