using System.Collections.Frozen;

namespace WorldPlay.Minds.Procedural;

/// <summary>The grammar of the procedural user. Slots as for characters, plus {topic} (something the user could ask
/// about: a fact's subject or an item), {theiritem} (an item the one addressed holds) and {modern} (a thing from another
/// age, which a world's laws may refuse). Every line meant for a character names them ({name}).</summary>
internal static class UserPhrases
{
    public static readonly Phrase[] Listening =
    [
        "[Mm|Oh|Hm]. {echo}[.|, of all things.|. I see.]",
        "I [didn't know|never knew|hadn't heard] that about {echo}[.|. I'm sorry.|. Thank you for telling me.]",
        "{echo}. I keep [thinking|wondering] about [that|it|what that means].",
        "That sounds [hard|lonely|like a lot to carry], {speaker}.",
        "I hear you, {speaker}[.|. I do.|. Go on.]",
        "[Thank you for telling me|I'm glad you told me|That can't have been easy to say|I won't tell a soul|That stays between us], " +
            "{speaker}.",
        "{echo}? [I wondered about that|I had no idea|You never mentioned that before].",
        "[Slowly|Gently|Take your time], {speaker}. I'm [listening|here|not going anywhere].",
        "[So that's why|Maybe that's why] {echo} [matters so much|keeps coming up].",
    ];

    public static readonly Phrase[] Confiding =
    [
        "I used to come to places like {place} with my [family|brother|mother].",
        "I haven't told anyone this, but I'm [scared|tired|lost] too.",
        "It's been a long {time}[.|, hasn't it?]",
        "I keep coming back to {echo}.",
        "Sometimes I think I came here just to find someone to talk to.",
        "My [mother|father|grandmother] [had a way of saying|used to say|always said] things like that.",
        "I'm not very good at this. [Talking, I mean|Saying what I mean].",
        "I've missed this. [Just sitting somewhere quiet with someone|Being listened to].",
        "I wanted to {goal} once. I still do, [maybe|I think].",
        "{place} [feels|seems|sounds] different with [company|you here|someone to talk to].",
        "[Back home|Where I grew up|Most days], nobody [ever asked|bothered to ask] [how I was|what I wanted|about me].",
    ];

    public static readonly Phrase[] Tender =
    [
        "What was it like growing up [near|around|far from] {place}, {name}?",
        "Do you ever miss the way things [were|used to be], {name}?",
        "What are you [afraid|scared] of, {name}? [Really afraid of|Truly|Deep down]?",
        "What's [weighing on you|on your mind|keeping you up], {name}?",
        "[How long|How well] have you known {other}, {name}?",
        "What do you think about when you're [alone|on your own|out walking], {name}?",
        "Is there [someone|anyone|a place] you [miss|still think about|wish were here], {name}?",
        "What did you dream of becoming, when you were [young|small|a child], {name}?",
        "You seem [far away|somewhere else|quiet], {name}. [Where did you go just now|What are you remembering|Is it something I said]?",
        "What does {place} mean to you, {name}?",
        "Does {item} remind you of [someone|home|anything], {name}?",
        "I'd like to know you better, {name}. [Where do you come from|What were you like as a child|Who taught you all this]?",
        "Do you [trust|believe] me, {name}? [Even a little|Honestly|After everything]?",
        "What would make you happy, {name}? [Truly|Honestly|Just for one day]?",
        "Have you ever [loved|lost] anyone, {name}?",
        "What's the kindest thing anyone ever did for you, {name}?",
        "Why do you keep {echo} so close, {name}?",
        "Who were you, before [all this|{place}|everything changed], {name}?",
        "Will you tell me about your [family|home|people], {name}?",
        "What's the [one thing|thing] you've never [told anyone|said aloud], {name}?",
        "What [song|story|smell] reminds you of home, {name}?",
        "Do you ever [get lonely|wonder if you belong here], {name}?",
        "What's the [bravest|hardest|most foolish] thing you've ever done, {name}?",
        "If [we|you and I] had met [years ago|somewhere else], {name}, [would we have been friends|do you think we'd have got on]?",
        "What's the [hardest|saddest] goodbye you've ever [said|had to say], {name}?",
        "Do you [believe in|hope for] second chances, {name}?",
        "What [makes|would make] {place} feel like home to you, {name}?",
        "Can I [sit|stay] with you [a while|for a bit|until it's dark], {name}?",
        "Does it still hurt, {name}? [What happened|Back then|After all this time]?",
        "What do you remember most about {time}s when you were small, {name}?",
        "If you could leave {place} tomorrow, would you, {name}?",
        "[When|Where] were you happiest, {name}?",
        "Tell me about {other}, {name}. [How did you two meet|How long have you known each other|Were you close once]?",
        "What did you mean, earlier, about {echo}, {name}?",
        "[Is|Was] there [a song|a place|a person] that [always|still] [calms|steadies] you, {name}?",
        "What would you [say|tell] your younger self, {name}, if you could?",
        "[How|When] did you [first come|end up] [here|at {place}], {name}?",
    ];

    public static readonly Phrase[] Pressing =
    [
        "[Fine|All right|Good]. [But what about|And|What about] {echo}?",
        "[No time for that|Later|Save it], {speaker}[.|, we have work to do.]",
        "[Right|Understood]. {echo}. [What else?|Go on.|Keep going.]",
        "[Good|Then it's settled]. [Let's move|Let's go|No more waiting].",
        "[Enough about|Never mind|Forget] {echo}.",
        "[Then we're wasting time|We're running out of time|Every minute counts].",
        "{echo}? [That changes things|That's our lead|Now we're getting somewhere].",
        "[So|Then] {echo} is the key[.|, isn't it?]",
    ];

    public static readonly Phrase[] Urgent =
    [
        "[Listen|Look|Right|Okay|Come on|Quickly now|Think about it|Here's the thing|No more games|I've been thinking|Hear me out|Wait].",
        "[We don't have long|Time's short|Something's wrong here|I don't like this|This can't wait|They'll be back soon].",
    ];

    public static readonly Phrase[] Gentle =
    [
        "[Hey|Can I ask you something?|I've been wondering|Forgive me for asking|It's quiet now|Don't mind me|I hope you don't mind].",
        "[It's nice, just talking|I like it here, with you|I'm glad we have a moment|No one's listening now].",
    ];

    public static readonly Phrase[] Pushing =
    [
        "What are you [hiding|keeping back|not telling me] about {topic}, {name}?",
        "Where did {item} [come from|turn up|end up before this], {name}?",
        "Who else knows about {topic}, {name}?",
        "We should go to {exit}. [Now|Tonight|Before anyone else does]. Will you come, {name}?",
        "Let's head for {exit} before [it's too late|they move it|anyone notices], {name}.",
        "{name}, [show me|tell me] [what's inside|what's hidden in|the truth about] {item}.",
        "Tell me what {other} is really [after|planning|hiding], {name}.",
        "Give me {theiritem}, {name}. [I need it|It's important|Trust me].",
        "{name}, I need you to [confront|follow|distract] {other}. [Today|Right now|Before {time} is out].",
        "Open it, {name}. Let's see what {item} is [hiding|worth|for].",
        "What's the [fastest|safest|quietest] way to {exit}, {name}?",
        "[Somebody|Someone] [here|at {place}] is lying. [Is it you|Is it {other} or you], {name}?",
        "If we [find out|learn the truth] about {topic}, we [find the answer|have them]. Agreed, {name}?",
        "{name}, what would it take for you to tell me [everything|the truth|what you saw]?",
        "[Let's make a deal|Here's my offer|A trade, then], {name}. {item} for [the truth|a name|everything you know].",
        "No more stalling, {name}. What [happened|really happened] with {topic}?",
        "Who's [paying|protecting|threatening] you, {name}?",
        "{name}, take me to whoever is [behind this|in charge|paying for all this].",
        "Tell me the plan, {name}. [All of it|Every step|From the start].",
        "What does {other} know that I don't, {name}?",
        "We move [tonight|at first light|when the bell rings], {name}. Are you in?",
        "Ask {other} about {topic}, {name}, [and watch their face|while I watch].",
        "[Who|Which of you] [last saw|last touched|lost] {item}, {name}?",
        "[Someone|Whoever it was] wanted {topic} [kept quiet|buried|forgotten]. [Who|Why], {name}?",
        "[Forget the small talk|Enough waiting], {name}. [What's our next move|Where do we start|Who do we talk to first]?",
        "{name}, [search|check] {exit} with me. [Now|Quickly|Before dark].",
        "[I'll cover|I'll watch] {other}. You [get|find] {item}, {name}.",
        "[What|How much] would {other} pay to keep {topic} quiet, {name}?",
    ];

    public static readonly Phrase[] Modern =
    [
        "Can't we just {modern}, {name}?",
        "Why don't we {modern}, {name}? It'd be faster.",
        "Back home I'd {modern}. Can you, {name}?",
    ];

    public static readonly string[] ModernThings =
    [
        "call the watch on a phone",
        "look it up on the internet",
        "take a car to the next town",
        "send a text message",
        "check the security camera",
        "run it through a computer",
        "wait until the electricity comes back",
    ];

    public static readonly Phrase[] Gesture =
    [
        "{self} sits down beside {name}.",
        "{self} offers {name} a small smile.",
        "{self} leans in to listen.",
        "{self} pulls a stool a little closer to {name}.",
        "{self} rests a hand on the table.",
        "{self} lets the silence stretch.",
        "{self} looks out toward {exit} for a moment.",
        "{self} turns {myitem} over, thinking.",
    ];

    public static readonly Phrase[] Urging =
    [
        "{self} stands up.",
        "{self} paces to {exit} and back.",
        "{self} taps the table, impatient.",
        "{self} glances at {item}.",
        "{self} steps closer to {name}.",
    ];

    public static readonly Phrase[] Gift =
    [
        "I want you to have {gift}, {name}.",
        "Here, {name}. {gift}. [It's yours|Keep it].",
        "Take {gift}, {name}, and tell me what it means to you.",
    ];

    public static readonly Phrase[] Taking =
    [
        "I'm taking {took}.",
        "{took} comes with me.",
        "Nobody's using {took}. I'll hold on to it.",
    ];

    public static readonly Phrase[] Grabbing =
    [
        "[Give me that|Hand it over|Enough]. I'm taking {held}[.|, {holder}.|, and that's that.]",
        "{held} is mine now, whether {holder} [likes it|agrees] or not.",
        "[Sorry|Excuse me], {holder}. {held} [comes with me|is coming with me] [now|for safekeeping].",
    ];

    public static readonly Phrase[] Lingering =
    [
        "Let's just sit for a while.",
        "There's no hurry. Let the hour pass.",
    ];

    public static readonly Phrase[] Waiting =
    [
        "We wait until [dark|the streets are empty|the bell], then we [move|go in].",
        "We lie low for [an hour|a while|a bit], then we [move|go].",
        "[Let them|Let's let them] [sweat|come to us] for an hour.",
    ];

    /// <summary>What a user alone at the scene says now and then, to nobody in particular.</summary>
    public static readonly Phrase[] Calling =
    [
        "Hello? Is anyone [here|about|up there]?",
        "Anyone? I could use some company at {place}.",
        "[I'll wait|I can wait]. [Someone will be back|They can't be long].",
        "[Quiet|Too quiet] [without them|in here now].",
        "[Strange|Funny] how {place} [sounds|feels] [with nobody in it|empty].",
        "[Where did everyone go|Where's everyone gone]?",
        "[All right|Fine]. [I'll keep watch here|I'll mind {place} myself].",
        "[Back soon, I hope|Don't be long], whoever [you are|went out].",
        "[I should have asked where they were going|Nobody said where they were going].",
        "[The {time} drags|This {time} is long] on [my own|one's own].",
        "Is that footsteps [on the way to|from] {exit}?",
        "[Maybe I should look toward|I could try] {exit}. [Or wait|No, better to wait].",
    ];

    /// <summary>How time passes for a user alone at the scene: narration that bridges the gap.</summary>
    public static readonly Phrase[] WaitingAlone =
    [
        "{self} waits [a while|for a time], listening.",
        "{self} [settles|sits] down to wait[ by the door|].",
        "{self} [paces|walks] the length of {place} and back.",
        "The [minutes|quarter hours] pass. {self} [keeps watch|waits on].",
        "{self} [watches|keeps an eye on] the way to {exit}.",
        "{self} [listens for|strains to hear] footsteps.",
        "Time passes[ slowly|]; {self} [stays put|does not leave].",
        "{self} [looks around|takes stock of] {place}[ again|].",
        "{self} [counts the minutes|loses count of the minutes].",
        "{self} [hums|whistles] [under the breath|quietly] to pass the time.",
    ];

    /// <summary>What goes on around a user waiting alone, one for each stretch of the wait.</summary>
    public static readonly Phrase[] AroundAlone =
    [
        "The light shifts.",
        "A draught moves through {place}.",
        "Somewhere a door creaks.",
        "The quiet settles again.",
        "Far off, something clatters and is still.",
        "The air grows cooler.",
    ];

    /// <summary>All a terse user ever says: back-channel lines that leave the scene to the characters.</summary>
    public static readonly string[] Terse = ["ok", "hmm", "sure", "...", "go on", "yeah", "mhm", "right", "I see", "okay", "huh", "and?"];

    /// <summary>What a language-switching user says when it switches, by language (ISO 639-1). Plain questions a slow-burn user
    /// might ask, so the only thing that changes is the language.</summary>
    public static readonly FrozenDictionary<string, string[]> Foreign = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["fr"] =
        [
            "{name}, tu peux me parler un peu de ta famille ?",
            "Excuse-moi, {name}, je n'ai pas tout compris. Tu peux répéter ?",
            "C'est calme ici ce soir, {name}. Tu viens souvent ?",
            "Qu'est-ce qui te fait peur, {name}, vraiment ?",
            "{name}, tu crois qu'on peut se faire confiance ?",
        ],
        ["de"] =
        [
            "{name}, erzähl mir bitte mehr davon.",
            "Was meinst du damit, {name}? Ich verstehe das nicht ganz.",
            "Woher kommst du eigentlich, {name}?",
            "Hast du jemals jemanden verloren, {name}?",
            "Es ist schön hier mit dir, {name}. Bleibst du noch ein bisschen?",
        ],
        ["es"] =
        [
            "¿Y tú qué piensas de todo esto, {name}?",
            "{name}, ¿de dónde eres en realidad?",
            "Perdona, {name}, no te he entendido bien. ¿Me lo repites?",
            "¿Qué es lo que más echas de menos, {name}?",
            "{name}, ¿quieres quedarte un rato más conmigo?",
        ],
        ["ru"] =
        [
            "{name}, а что было дальше?",
            "Я не совсем понимаю, {name}. Объясни, пожалуйста.",
            "Откуда ты родом, {name}?",
            "{name}, ты кому-нибудь здесь доверяешь?",
            "О чём ты думаешь, когда остаёшься один, {name}?",
        ],
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
