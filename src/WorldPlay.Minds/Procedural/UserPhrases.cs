namespace WorldPlay.Minds.Procedural;

/// <summary>The grammar of the procedural user. Slots as for characters, plus {topic} (something the user could ask
/// about: a fact's subject or an item), {theiritem} (an item the one addressed holds) and {modern} (a thing from another
/// age, which a world's laws may refuse). Every line meant for a character names them ({name}).</summary>
internal static class UserPhrases
{
    public static readonly Phrase[] Listening =
    [
        "[Mm|Oh|Hm]. {echo}[.|, of all things.|. I see.]",
        "I didn't know that about {echo}[.|. I'm sorry.|. Thank you for telling me.]",
        "{echo}. I keep [thinking|wondering] about that.",
        "That sounds [hard|lonely|like a lot to carry], {speaker}.",
        "I hear you, {speaker}[.|. I do.|. Go on.]",
        "[Thank you for telling me|I'm glad you told me|That can't have been easy to say], {speaker}.",
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
        "My [mother|father|grandmother] had a way of saying things like that.",
        "I'm not very good at this. [Talking, I mean|Saying what I mean].",
        "I've missed this. [Just sitting somewhere quiet with someone|Being listened to].",
        "I wanted to {goal} once. I still do, [maybe|I think].",
        "{place} feels different with company.",
        "[Back home|Where I grew up], nobody ever asked me how I was.",
    ];

    public static readonly Phrase[] Tender =
    [
        "What was it like growing up [near|around] {place}, {name}?",
        "Do you ever miss the way things were, {name}?",
        "What are you afraid of, {name}? [Really afraid of|Truly]?",
        "What's weighing on you, {name}?",
        "How long have you known {other}, {name}?",
        "What do you think about when you're alone, {name}?",
        "Is there someone you miss, {name}?",
        "What did you dream of becoming, when you were young, {name}?",
        "You seem far away, {name}. Where did you go just now?",
        "What does {place} mean to you, {name}?",
        "Does {item} remind you of someone, {name}?",
        "I'd like to know you better, {name}. Where do you come from?",
        "Do you trust me, {name}?",
        "What would make you happy, {name}? [Truly|Honestly]?",
        "Have you ever loved anyone, {name}?",
        "What's the kindest thing anyone ever did for you, {name}?",
        "Why do you keep {echo} so close, {name}?",
        "Who were you, before all this, {name}?",
        "Will you tell me about your family, {name}?",
        "What's the one thing you've never told anyone, {name}?",
        "Can I sit with you a while, {name}?",
        "Does it still hurt, {name}? [What happened|Back then]?",
        "What do you remember most about {time}s when you were small, {name}?",
        "If you could leave {place} tomorrow, would you, {name}?",
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

    public static readonly Phrase[] Pushing =
    [
        "What are you hiding about {topic}, {name}?",
        "Where did {item} come from, {name}?",
        "Who else knows about {topic}, {name}?",
        "We should go to {exit}. Now. Will you come, {name}?",
        "Let's head for {exit} before it's too late, {name}.",
        "{name}, show me what's inside {item}.",
        "Tell me what {other} is really after, {name}.",
        "Give me {theiritem}, {name}. I need it.",
        "{name}, I need you to confront {other}. [Today|Right now].",
        "Open it, {name}. Let's see what {item} is hiding.",
        "What's the fastest way to {exit}, {name}?",
        "Somebody here is lying. Is it you, {name}?",
        "If we find out about {topic}, we find the answer. Agreed, {name}?",
        "{name}, what would it take for you to tell me everything?",
        "Let's make a deal, {name}. {item} for the truth.",
        "No more stalling, {name}. What happened with {topic}?",
        "Who's paying you, {name}?",
        "{name}, take me to whoever is behind this.",
        "Tell me the plan, {name}. [All of it|Every step].",
        "What does {other} know that I don't, {name}?",
        "We move [tonight|at first light], {name}. Are you in?",
        "Ask {other} about {topic}, {name}, [and watch their face|while I watch].",
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
        "Give me that. I'm taking {held}.",
        "{held} is mine now, whether {holder} likes it or not.",
    ];

    public static readonly Phrase[] Lingering =
    [
        "Let's just sit for a while.",
        "There's no hurry. Let the hour pass.",
    ];

    public static readonly Phrase[] Waiting =
    [
        "We wait until [dark|the streets are empty].",
        "We lie low for an hour, then we move.",
    ];

    public static readonly Phrase[] Calling =
    [
        "Hello? Is anyone here?",
        "Anyone? I could use some company at {place}.",
    ];
}
