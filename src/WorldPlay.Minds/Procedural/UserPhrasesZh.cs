namespace WorldPlay.Minds.Procedural;

/// <summary>The Chinese grammar of the procedural user, pool for pool beside <see cref="UserPhrases"/>, written as a Chinese
/// player writes (names as written, full-width punctuation). No word is echoed from a Chinese line, so no template needs
/// {echo}; every line meant for a character names them ({name}).</summary>
internal static class UserPhrasesZh
{
    public static readonly Phrase[] Listening =
    [
        "[嗯|哦|这样啊]，{speaker}[。|，我明白了。|，原来是这样。]",
        "我[从来不知道|都没听说过]这些[。|，真难为你了。|，谢谢你告诉我。]",
        "听起来[好难|好孤单|压在心里很久了]，{speaker}。",
        "我在听呢，{speaker}[。|，真的。|，你接着说。]",
        "[谢谢你肯告诉我|你愿意说出来真好|这话一定不好开口|我不会告诉别人的|这话只在咱们俩之间]，{speaker}。",
        "[慢慢说|别急|不着急]，{speaker}，我[在听|在这儿|哪儿也不去]。",
        "[难怪|怪不得]你[一直放不下|总提起这个]，{speaker}。",
        "（轻轻点头）{speaker}，[我懂|我记住了]。",
        "{speaker}，你[以前从没说过|原来一直藏着]这些。",
    ];

    public static readonly Phrase[] Confiding =
    [
        "我小时候也常跟[家里人|哥哥|母亲]去{place}这样的地方。",
        "这话我没跟别人说过，其实我也[害怕|累了|不知道该往哪儿走]。",
        "这个{time}[好长啊|过得真慢]。",
        "有时候我觉得，我来这儿只是想找个人说说话。",
        "我[母亲|父亲|外婆][也爱这么说|以前常说这样的话]。",
        "我不太会[说话|表达自己]，你别介意。",
        "好久没这样了，[安安静静地跟人坐一会儿|有人肯听我说话]。",
        "我也曾经想{goal}，[现在也还想|大概吧]。",
        "有[人陪着|你在]，{place}都不一样了。",
        "[在老家|我长大的地方]，从来没人问过我[过得好不好|想要什么]。",
        "（望着窗外）我[想家了|有点想以前的日子]。",
    ];

    public static readonly Phrase[] Tender =
    [
        "{name}，你是在{place}[附近|这一带]长大的吗？",
        "{name}，你会怀念以前的日子吗？",
        "{name}，你[最怕|真正怕]的是什么？",
        "{name}，你[心里在想什么|有什么心事|为什么睡不着]？",
        "你认识{other}[多久了|有多深]，{name}？",
        "一个人的时候，你都想些什么，{name}？",
        "有没有[谁|什么地方]是你[一直惦记|最想念]的，{name}？",
        "{name}，你小时候想当什么样的人？",
        "{name}，你好像[走神了|在想别的]。[刚才想起什么了|是我说错什么了吗]？",
        "{place}对你来说意味着什么，{name}？",
        "{item}会让你想起[什么人|家|什么事]吗，{name}？",
        "{name}，我想多了解你一点。[你是哪里人|你小时候是什么样|这些都是谁教你的]？",
        "{name}，你[信我吗|愿意相信我吗]？[哪怕一点点|说实话]？",
        "什么事能让你开心起来，{name}？",
        "{name}，你[爱过|失去过]什么人吗？",
        "别人为你做过最暖心的事是什么，{name}？",
        "{name}，在这一切之前，你是个什么样的人？",
        "能跟我说说你的[家人|家乡]吗，{name}？",
        "{name}，有没有什么话是你从没对人说过的？",
        "什么[歌|故事|味道]会让你想起家，{name}？",
        "{name}，你会觉得孤单吗？",
        "你做过最[勇敢|难|傻]的事是什么，{name}？",
        "{name}，要是我们早几年认识，会成为朋友吗？",
        "{name}，你说过最难的一次告别是什么时候？",
        "{name}，你相信人能重新来过吗？",
        "{name}，我能在这儿[陪你坐会儿|多待一会儿]吗？",
        "{name}，那件事[还会疼吗|你放下了吗]？",
        "要是明天就能离开{place}，你会走吗，{name}？",
        "你[什么时候|在哪儿]最快乐，{name}？",
        "{name}，跟我说说{other}吧，[你们怎么认识的|你们以前很要好吗]？",
        "{name}，要是能对小时候的自己说一句话，你会说什么？",
        "{name}，你当初是怎么来到{place}的？",
        "{name}，你[今天还好吗|累不累]？",
        "{name}，你笑起来的时候，在想谁？",
        "{name}，什么东西能让你安心？",
        "{name}，你还记得第一次来{place}那天吗？",
        "{name}，这些年你一个人是怎么过来的？",
    ];

    public static readonly Phrase[] Pressing =
    [
        "[行|好|知道了]，{speaker}，[然后呢|还有呢|接着说]？",
        "[先别说这个|回头再说|这些以后再聊]，{speaker}[。|，正事要紧。]",
        "[明白了|懂了]，{speaker}。[还有什么？|说下去。]",
        "[好|那就这么定了]。[咱们走|别等了|动手吧]。",
        "[那就别浪费时间了|时间不多了|每一刻都要紧]，{speaker}。",
        "{speaker}，[这下有线索了|这可就不一样了|总算有眉目了]。",
        "[所以|那么]关键就在这儿了，{speaker}？",
        "{speaker}，说重点。",
    ];

    public static readonly Phrase[] Urgent =
    [
        "[听着|你看|好了|快点|想想看|我跟你说|别再兜圈子了|我一直在想|听我说完|等等]。",
        "[没多少时间了|来不及了|这里不对劲|我不喜欢这样|这事等不得|他们很快就回来了]。",
    ];

    public static readonly Phrase[] Gentle =
    [
        "[嘿|我能问你件事吗？|我一直在想|恕我冒昧|现在安静了|别在意我|希望你不介意]。",
        "[这样聊聊天真好|我喜欢跟你待在这儿|难得有这么一会儿|现在没人听着]。",
    ];

    public static readonly Phrase[] Pushing =
    [
        "关于{topic}，你[瞒着我什么|还有什么没说]，{name}？",
        "{item}是从哪儿来的，{name}？",
        "还有谁知道{topic}的事，{name}？",
        "我们该去{exit}。[现在就去|今晚就去|赶在别人前面]。你来吗，{name}？",
        "趁[还来得及|他们还没动手|没人注意]，咱们去{exit}，{name}。",
        "{name}，[让我看看|告诉我]{item}里到底有什么。",
        "告诉我{other}到底[想要什么|在打什么主意|藏着什么]，{name}。",
        "把{theiritem}给我，{name}。[我需要它|这很要紧|相信我]。",
        "{name}，我需要你去[盯着|拖住|问问]{other}。[现在就去|马上|天黑之前]。",
        "去{exit}最[快|稳妥|不惹眼]的路是哪条，{name}？",
        "这儿有人在撒谎。[是你吗|是{other}还是你]，{name}？",
        "只要查清{topic}，我们就[有答案了|抓住他们了]。对吧，{name}？",
        "{name}，要怎样你才肯把[一切|实话|你看到的]告诉我？",
        "[做个交易吧|我出个价|那就换一换]，{name}。{item}换[实话|一个名字|你知道的一切]。",
        "别拖了，{name}。{topic}到底是怎么回事？",
        "是谁在[给你钱|护着你|威胁你]，{name}？",
        "{name}，带我去见[幕后的人|管事的人|出钱的人]。",
        "把计划告诉我，{name}，[全部|每一步|从头说]。",
        "{other}知道些什么我不知道的，{name}？",
        "我们[今晚|天一亮|钟声一响]就动手，{name}，你干不干？",
        "去问问{other}关于{topic}的事，{name}，[看看他的脸色|我在旁边看着]。",
        "[最后一个见到|最后碰过|弄丢]{item}的是谁，{name}？",
        "有人想让{topic}[不了了之|永远埋着]。[是谁|为什么]，{name}？",
        "[别寒暄了|别等了]，{name}。[下一步怎么走|从哪儿查起|先找谁]？",
        "{name}，跟我去{exit}[找找|看看]。[现在|快|天黑前]。",
        "[我盯着|我看住]{other}，你去拿{item}，{name}。",
        "{other}肯出多少钱让{topic}的事不声张，{name}？",
        "{name}，{topic}的事，今天必须有个说法。",
    ];

    public static readonly Phrase[] Modern =
    [
        "我们就不能{modern}吗，{name}？",
        "干嘛不{modern}呢，{name}？那样快多了。",
        "在我老家，我直接就{modern}了。你这儿不行吗，{name}？",
    ];

    public static readonly string[] ModernThings =
    [
        "用手机报官",
        "打个电话问问",
        "开汽车去下一个镇子",
        "上网查一查",
        "看看监控摄像头",
        "用电脑算一算",
        "等电灯来了再说",
    ];

    public static readonly Phrase[] Gesture =
    [
        "{self}在{name}身边坐下。",
        "{self}冲{name}微微一笑。",
        "{self}凑近了些，认真听着。",
        "{self}把凳子往{name}那边挪了挪。",
        "{self}把手轻轻搭在桌上。",
        "{self}没有说话，任沉默蔓延。",
        "{self}朝{exit}望了一会儿。",
        "{self}把{myitem}翻来覆去地看，若有所思。",
    ];

    public static readonly Phrase[] Urging =
    [
        "{self}站了起来。",
        "{self}走到{exit}又走回来。",
        "{self}不耐烦地敲着桌子。",
        "{self}瞥了一眼{item}。",
        "{self}朝{name}走近一步。",
    ];

    public static readonly Phrase[] Gift =
    [
        "{name}，{gift}送给你。",
        "给，{name}。{gift}，[归你了|收着吧]。",
        "{name}，{gift}你拿着，告诉我它对你意味着什么。",
    ];

    public static readonly Phrase[] Taking =
    [
        "{took}我拿走了。",
        "{took}跟我走。",
        "{took}没人用，我先收着。",
    ];

    public static readonly Phrase[] Grabbing =
    [
        "[给我|拿来|够了]。{held}我拿走了[。|，{holder}。|，就这样。]",
        "不管{holder}[愿不愿意|答不答应]，{held}现在归我了。",
        "[抱歉|得罪了]，{holder}。{held}我[先带走|替你保管]了。",
    ];

    public static readonly Phrase[] Lingering =
    [
        "咱们就坐一会儿吧。",
        "不着急，让时间慢慢过去。",
    ];

    public static readonly Phrase[] Waiting =
    [
        "等到[天黑|街上没人|钟响]，我们再[动手|进去]。",
        "先躲[一个时辰|一阵子|一会儿]，再[动身|走]。",
        "[让他们|就让他们][干着急|自己找上门]一会儿。",
    ];

    public static readonly Phrase[] Calling =
    [
        "有人吗？[这儿有人吗|楼上有人吗]？",
        "有人在吗？一个人待在{place}怪冷清的。",
        "[我等着|我能等]。[总会有人回来的|他们走不远]。",
        "[好安静|太安静了]，[他们都不在|这儿现在]。",
        "[真怪|说来也怪]，空荡荡的{place}[听起来|感觉]都不一样了。",
        "[人都去哪儿了|大家都跑哪儿去了]？",
        "[行吧|好吧]。[我在这儿守着|{place}我自己看着]。",
        "[早点回来啊|别去太久]，不管是谁出去了。",
        "[我该问问他们去哪儿的|谁也没说要去哪儿]。",
        "一个人过这{time}，[真难熬|好漫长]。",
        "是{exit}那边传来的脚步声吗？",
        "[要不我去{exit}看看|我可以去{exit}找找]。[还是等着吧|不，还是等着好]。",
    ];

    public static readonly Phrase[] WaitingAlone =
    [
        "{self}[等了一会儿|静静等着]，侧耳听着。",
        "{self}[在门边|]坐下来等。",
        "{self}在{place}里来回踱步。",
        "一刻钟一刻钟地过去，{self}[守着|一直等着]。",
        "{self}[盯着|留意着]通往{exit}的路。",
        "{self}[竖起耳朵|仔细]听有没有脚步声。",
        "时间[慢慢|]流逝，{self}[没有挪窝|始终没走]。",
        "{self}[又|]把{place}打量了一遍。",
        "{self}[数着时辰|数着数着就忘了数到哪儿]。",
        "{self}[低声哼着小调|轻轻吹着口哨]打发时间。",
    ];

    public static readonly Phrase[] AroundAlone =
    [
        "光影挪动了。",
        "一阵风穿过{place}。",
        "不知哪里有扇门吱呀一响。",
        "四下又安静下来。",
        "远处有什么东西哐当一声，又没了动静。",
        "空气渐渐凉了。",
    ];
}
