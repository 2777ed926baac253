namespace WorldPlay.Minds.Procedural;

/// <summary>The Chinese grammar of the procedural mind, pool for pool beside <see cref="CharacterPhrases"/>: the same slots,
/// written as Chinese role-play is written (names as they stand, no articles, full-width punctuation, small actions in
/// （）), not translated line by line. {goal} and {goalnp} are the goal as written, so the templates use {goal} alone.</summary>
internal static class CharacterPhrasesZh
{
    private static Phrase Gruff(string t) => new(Register.Gruff, t);
    private static Phrase Formal(string t) => new(Register.Formal, t);
    private static Phrase Warm(string t) => new(Register.Warm, t);
    private static Phrase Dry(string t) => new(Register.Dry, t);
    private static Phrase Nervous(string t) => new(Register.Nervous, t);
    private static Phrase Cheerful(string t) => new(Register.Cheerful, t);

    public static readonly Phrase[] Interjections =
    [
        "嗯。", "唔……", "啊。", "好吧。", "这样啊。", "哦？", "（沉默片刻）", "（轻轻叹了口气）",
        Gruff("哼。"), Gruff("呸。"), Gruff("得了。"), Gruff("听着。"), Gruff("（重重哼了一声）"),
        Formal("原来如此。"), Formal("的确。"), Formal("请容我想想。"), Formal("（微微颔首）"),
        Warm("哎呀。"), Warm("好了好了。"), Warm("傻孩子。"), Warm("（柔声）"),
        Dry("那当然。"), Dry("真是妙极了。"), Dry("意料之中。"), Dry("（挑了挑眉）"),
        Nervous("呃……"), Nervous("糟了……"), Nervous("那个，嗯……"), Nervous("（绞着手指）"),
        Cheerful("哈！"), Cheerful("哎呀呀！"), Cheerful("太好了！"), Cheerful("（眼睛一亮）"),
    ];

    public static readonly Phrase[] Greeting =
    [
        "[来了啊|你好啊|又见面了|哟]，{speaker}[。|，外头冷吧？|，正念叨你呢。]",
        "{speaker}，[我还琢磨你什么时候到|总算把你盼来了|见到你真好|我都快以为你不来了]。",
        "{daypart}好，{speaker}。[坐吧。|路上还顺利？|有什么消息？]",
        "[原来是你|可算来了|瞧瞧这是谁]，{speaker}[。|，随便坐。|，小心脚下。]",
        "（抬头）{speaker}？[你怎么来了|来得正好|正等着你呢]。",
        Gruff("{speaker}。[磨蹭到现在才来|总算露面了|还以为你掉河里了]。"),
        Gruff("来了就进来，{speaker}，[把门带上|别杵在那儿|说话小声点]。"),
        Formal("{speaker}，[欢迎光临{place}|有失远迎|一路辛苦了]。"),
        Formal("（拱手）{speaker}，[幸会|久仰|别来无恙]。"),
        Warm("{speaker}！[见到你我就放心了|快进来暖和暖和|你可算平安回来了]。"),
        Warm("哎，{speaker}，[快过来坐|挨着我坐|来喝口热的]。"),
        Dry("哟，{speaker}。[真是稀客|我就猜到是你|这{time}总算有点意思了]。"),
        Nervous("啊！{speaker}，[你吓我一跳|你、你好|我都没听见你进来]……"),
        Cheerful("{speaker}！[来得正巧|可把你等来了|这下热闹了]！"),
    ];

    public static readonly Phrase[] Farewell =
    [
        "这就要走了，{speaker}？[再坐会儿吧。|不多留一会儿？|急什么。]",
        "先别走，{speaker}。[还有一件事|听我把话说完|事情还没完呢]。",
        "要走便走吧，{speaker}，[可这事还没了结|天黑前记得回来|路上当心]。",
        "（拉住{speaker}的袖子）[等等|慢着]，{speaker}，[就一句话|这事要紧]。",
        Gruff("走吧走吧，{speaker}。[别走夜路|别迷了路|低着头走]。"),
        Formal("{speaker}，临别之前，[容我再说一句|还有一事相询|请留步片刻]。"),
        Warm("路上小心啊，{speaker}[。|，答应我。|，早点回来。]"),
        Dry("这就溜了，{speaker}？[真像你的作风|正说到要紧处呢|我还挺尽兴的]。"),
        Nervous("你、你要走了吗，{speaker}？[那我……|别丢下我一个人啊|我还没说完]……"),
    ];

    public static readonly Phrase[] Thanks =
    [
        "不用谢我，{speaker}[。|，真的。|，至少现在还不用。]",
        "谢就免了，{speaker}。[我自有我的打算|留着以后用吧|换个法子还我就行]。",
        "[小事一桩|举手之劳|别放在心上]，{speaker}[。|，真的。|，下回轮到你。]",
        "等[这事了结|风头过去|熬过{time}]再谢我吧，{speaker}。",
        "（摆摆手）{speaker}，[客气什么|咱们之间不说这个|应该的]。",
        Gruff("先别急着谢，{speaker}[。|，还没完呢。|，走着瞧。]"),
        Gruff("哼，谢什么谢。[下回别再指望我|请我喝一杯就算了]，{speaker}。"),
        Formal("{speaker}言重了，[分内之事而已|不足挂齿|实在不敢当]。"),
        Warm("跟我还客气什么，{speaker}。[你知道的|为你做什么都行|一直都是这样]。"),
        Dry("{speaker}居然会道谢？[真是头一回|我得记下来|今天太阳打西边出来了]。"),
        Nervous("没、没什么的，{speaker}，[我也没帮上多少|真的不算什么]……"),
        Cheerful("能帮上忙我高兴着呢，{speaker}！"),
    ];

    public static readonly Phrase[] Apology =
    [
        "[行吧|好吧|这回就算了]，{speaker}。[下不为例|就这一次|别再有下回]。",
        "道歉补不回来，{speaker}，不过[总算是个开始|我收下了|多少有点用]。",
        "过去的就别提了，{speaker}[。|，眼下事情还多着。|，翻篇吧。]",
        "（沉默了一会儿）{speaker}，[我不怪你|我知道你不是故意的|这事我也有错]。",
        Gruff("少来这套，{speaker}。[做点实在的|光说没用]。"),
        Formal("{speaker}不必如此，[此事已了|我并未放在心上]。"),
        Warm("傻话，{speaker}，[我从没怪过你|快别这么说|都过去了]。"),
        Dry("{speaker}道歉了。[稀奇|记下了|难得难得]。"),
        Nervous("不、不用道歉的，{speaker}，[其实是我……|我也没生气|真的]。"),
    ];

    public static readonly Phrase[] Accusation =
    [
        "你这话什么意思，{speaker}？[有证据就拿出来|把话说清楚|别血口喷人]。",
        "{speaker}，[你搞错了|不是我|你冤枉人了]。[我可以解释|我压根不在场|你问问别人]。",
        "凭什么说是我，{speaker}？",
        "（脸色一沉）{speaker}，这种话[可不能乱说|说出口就收不回了|你最好想清楚]。",
        "[要怪就怪|该问的是]别人，{speaker}，[不是我|我清清白白]。",
        "好啊，{speaker}，[那你倒说说看|你当时又在哪儿|证据呢]？",
        "{speaker}，[我没做过的事|莫须有的罪名]，我不认。",
        Gruff("再说一遍试试，{speaker}。"),
        Gruff("{speaker}，[管好你的嘴|少往我身上泼脏水|你算老几]。"),
        Formal("{speaker}，此言差矣。[还请拿出凭据|恕我不能认同|空口无凭]。"),
        Formal("（正色）{speaker}，指控须有根据。"),
        Warm("{speaker}，你真这么看我？[我以为你了解我|这话太伤人了]。"),
        Dry("妙啊，{speaker}。[接下来是不是连天气也怪我|好一出大戏|说得跟真的一样]。"),
        Nervous("我、我没有，{speaker}！[真的不是我|你要相信我|我发誓]……"),
        Cheerful("哈，{speaker}，[你这想象力可真丰富|这罪名我可担不起]！"),
    ];

    public static readonly Phrase[] Threat =
    [
        "你吓不倒我，{speaker}。",
        "{speaker}，[你敢|有本事就试试|你尽管来]。",
        "[这话收回去|想清楚再开口]，{speaker}，[趁还来得及|别后悔]。",
        "（往前一步）{speaker}，[我可不怕你|你以为我会退吗]。",
        Gruff("来啊，{speaker}，[看谁先趴下|我等着呢]。"),
        Formal("{speaker}，威胁解决不了任何事。"),
        Warm("{speaker}，[别这样|何必呢]，咱们好好说。"),
        Dry("好可怕啊，{speaker}。[我都快吓哭了|继续说|还有呢]？"),
        Nervous("{speaker}，别、别这样，[有话好说|我什么都没做]……"),
    ];

    public static readonly Phrase[] Compliment =
    [
        "[你过奖了|哪里哪里|不敢当]，{speaker}。",
        "{speaker}嘴真甜。[说吧，想要什么|有什么事求我|我可记住了]？",
        "（笑了笑）{speaker}，[这话我爱听|难得听你夸人|你也不赖]。",
        Gruff("少拍马屁，{speaker}。"),
        Formal("承蒙{speaker}夸奖，[愧不敢当|实在惭愧]。"),
        Warm("{speaker}，[你这么说我真高兴|你人真好|谢谢你]。"),
        Dry("{speaker}夸我？[一定有诈|你是不是发烧了|记下这一天]。"),
        Nervous("啊，{speaker}，[没、没有啦|你别取笑我了]……"),
        Cheerful("哈哈，{speaker}，[再多夸几句|这话我收下了]！"),
    ];

    public static readonly Phrase[] Request =
    [
        "[这个嘛|让我想想]，{speaker}，[也不是不行|得看情况|代价可不小]。",
        "{speaker}，你要我做的事[不简单|风险不小|我得先想清楚]。",
        "行，{speaker}，[不过得按我的法子来|但你欠我一回|这是最后一次]。",
        "为什么找我，{speaker}？[别人不行吗|我有什么好处]？",
        "（犹豫了一下）{speaker}，[我尽力|我试试看|别抱太大指望]。",
        "[可以|成]，{speaker}。[什么时候|在哪儿|要多久]？",
        "{speaker}，[这忙我帮了|我答应你]，可[你得告诉我实话|别让我后悔]。",
        Gruff("要帮忙就直说，{speaker}，别绕弯子。"),
        Gruff("{speaker}，[凭什么|我图什么]？"),
        Formal("{speaker}所托之事，[我自当尽力|容我斟酌|并非不可]。"),
        Warm("只要是你开口，{speaker}，[我一定帮|没问题|交给我]。"),
        Dry("又是我，{speaker}？[真荣幸|我就知道|总是我]。"),
        Nervous("我、我吗，{speaker}？[万一办砸了怎么办|我怕我做不好]……"),
        Cheerful("好啊，{speaker}！[听着就有意思|算我一个]！"),
    ];

    public static readonly Phrase[] PlainStatement =
    [
        "[是吗|真的吗|原来如此]，{speaker}。",
        "{speaker}，[你说得对|这话在理|我也这么想]。",
        "{speaker}，[我不这么看|这话我不敢苟同|恐怕没那么简单]。",
        "（看向{speaker}）[接着说|然后呢|还有吗]。",
        "[我记下了|这我倒没想到]，{speaker}。",
        "{speaker}，[你怎么知道的|这话从哪儿听来的]？",
        "[有意思|这可不妙]，{speaker}。",
        "{speaker}说得轻巧，[做起来可难|谁知道会怎样]。",
        "（若有所思地看了{speaker}一眼）",
        Gruff("{speaker}，[废话少说|说重点|然后呢]。"),
        Formal("{speaker}所言，[不无道理|值得深思|我会记在心上]。"),
        Warm("{speaker}，[我懂你的意思|辛苦你了|你说的我都听着呢]。"),
        Dry("是啊，{speaker}，[这可真是新闻|谁能想到呢|惊天大秘密]。"),
        Nervous("{speaker}，[真、真的吗|那可怎么办|我有点怕]……"),
        Cheerful("哦？{speaker}，[这可太有意思了|快多说点]！"),
        "{speaker}，这话[我得好好想想|你可别乱说|只能在这儿说说]。",
    ];

    public static readonly Phrase[] EchoedStatement = PlainStatement;

    public static readonly Phrase[] QuestionLead =
    [
        "[你问这个|这个嘛]，{speaker}？",
        "{speaker}，[问得好|你倒是问到点子上了|这话问得巧]。",
        "（顿了顿）{speaker}，[你真想知道|这可说来话长]。",
        "[为什么这么问|谁让你问的|怎么突然问起这个]，{speaker}？",
        "{speaker}，[我只说一遍|你听好了|我跟你讲实话]。",
        "[好吧|行|也罢]，{speaker}。",
        "（看了{speaker}一眼）[既然你问了|你既然想知道]。",
        "{speaker}，[这事外人很少问|你问对人了|换别人我可不说]。",
        "[嗯|唔]，{speaker}这个问题嘛。",
        "{speaker}，[你先别急|容我想想|让我理一理]。",
        "[说起这个|提到这个]，{speaker}，",
        Gruff("问这么多干嘛，{speaker}。"),
        Gruff("{speaker}，[少打听|问完这个就别问了]。"),
        Formal("{speaker}既然问起，[我便直说|不妨告知]。"),
        Warm("{speaker}，[别担心|我告诉你|你想知道我就说]。"),
        Dry("{speaker}终于问了个[好问题|像样的问题]。"),
        Nervous("这、这个嘛，{speaker}……"),
        Cheerful("好问题，{speaker}！"),
    ];

    public static readonly Phrase[] AnswerWhere =
    [
        "[多半|兴许]在{place}附近。",
        "往{exit}那边找找。",
        "[我最后一次看见是在|听说在]{exit}那头。",
        "就在{place}，[哪儿也没去|一直都在]。",
        "要我说，[得去{exit}看看|还在这屋里]。",
        Gruff("自己找去。"),
        Formal("据我所知，在{exit}一带。"),
        Nervous("我、我不确定，也许在{exit}？"),
    ];

    public static readonly Phrase[] AnswerWho =
    [
        "问问{who}吧。",
        "我猜是{who}，[不过我没证据|八九不离十]。",
        "[这事|这个人]，{who}最清楚。",
        "不是我，[我发誓|你信我]。",
        Gruff("反正不是我。"),
        Dry("还能有谁？{who}呗。"),
        Nervous("我、我不能说是谁。"),
    ];

    public static readonly Phrase[] AnswerWhy =
    [
        "因为[非这么做不可|没得选|总得有人去做]。",
        "[理由|原因]我以后再告诉你。",
        "为了{goal}，[就这么简单|没别的]。",
        "有些事不问为什么更好。",
        Gruff("没有为什么。"),
        Formal("此事自有缘由，[日后再说|不便细谈]。"),
        Warm("都是为了大家好。"),
    ];

    public static readonly Phrase[] AnswerWhat =
    [
        "[说白了|简单说]，还是那件事：{objtopic}。",
        "[我看|依我看]，跟{item}脱不了干系。",
        "[眼下|现在]最要紧的，是{goal}。",
        "[一言难尽|三言两语说不清]。",
        "我知道的只有一点：{fact}。",
        "[没什么|不过是些]小事，[不值一提|别放在心上]。",
        "[你自己看|你瞧]{item}就明白了。",
        "[不好说|说不准]，[得再看看|还没个定论]。",
        Gruff("你不会想知道的。"),
        Dry("什么都是，又什么都不是。"),
    ];

    public static readonly Phrase[] AnswerHow =
    [
        "[一步一步来|慢慢来]。",
        "[小心点|悄悄地]，别让人发现。",
        "靠{myitem}，[我自有办法|你看着就是]。",
        "[还能怎么样|老办法]，硬着头皮上。",
        Gruff("用手，用脑子。"),
        Formal("须从长计议。"),
        Nervous("我、我也不知道该怎么办……"),
    ];

    public static readonly Phrase[] AnswerWhen =
    [
        "[天黑以后|过了{time}|等时机到了]。",
        "[很快|就快了]。",
        "[现在还不行|再等等]。",
        "越早越好。",
        Gruff("到时候你就知道了。"),
        Dry("等太阳从西边出来。"),
    ];

    public static readonly Phrase[] AnswerYesOrNo =
    [
        "[是的|没错|对]。",
        "[不|不是|没有]。",
        "[也许吧|说不准|看情况]。",
        "[当然|那还用说]。",
        "[恐怕不行|我看未必]。",
        "[我想是吧|应该是]。",
        "[绝对不行|想都别想]。",
        "[差不多|大概吧]。",
        Gruff("[是|不是]。别再问了。"),
        Gruff("你说呢？"),
        Formal("[正是|确实如此|恐怕并非如此]。"),
        Warm("[嗯，是的|放心，没有]。"),
        Dry("[显然|显然不是]。"),
        Nervous("我、我想是吧……"),
        Cheerful("[当然啦|那还用说]！"),
    ];

    public static readonly Phrase[] AnswerPersonal =
    [
        "我[就是个过路人|在这儿待了好些年|没什么好说的]。",
        "[我的事|我的来历]，[以后再说吧|不值一提|说来话长]。",
        "你想知道我？[先说说你自己|那得拿东西换]。",
        "我这人一向{trait}。",
        "我只想{goal}。",
        "我[从小在这一带长大|走过不少地方|见过些世面]。",
        "[我没什么秘密|谁还没点秘密]。",
        "我[信得过的人不多|没什么朋友|朋友不少，敌人也不少]。",
        "[我叫{self}|{self}，记住了]。",
        "（笑了笑）你觉得我是什么样的人？",
        Gruff("我是谁不重要。"),
        Gruff("少打听我的事。"),
        Formal("在下{self}，[幸会|请多指教]。"),
        Formal("我的身世，[并无特别之处|不足为外人道]。"),
        Warm("我？我[就是个普通人|过得还行]，谢谢你问。"),
        Warm("说起我自己，[其实挺平淡的|有点不好意思]。"),
        Dry("我？[一个可怜人|天下第一好人]。"),
        Dry("你猜。"),
        Nervous("我、我没什么好说的……"),
        Cheerful("我嘛，[就爱凑热闹|到处走走]！"),
    ];

    public static readonly Phrase[] AnswerFeelings =
    [
        "我[还好|没事|撑得住]。",
        "[说实话|老实讲]，有点{mood}。",
        "[别担心我|我心里有数]。",
        "（勉强笑了笑）过得去。",
        Warm("有你在，我好多了。"),
        Gruff("问这个干嘛。"),
    ];

    public static readonly Phrase[] Goal =
    [
        "我只[想|求]{goal}。",
        "我没忘记自己为什么来，[就是|是要]{goal}。",
        "只要能{goal}，我就[安心了|睡得着了|别无所求]。",
        "{goal}，这件事[眼看就成了|还差一步|快有眉目了]。",
        "[一件一件来|先顾眼前]，我得{goal}。",
        "不管别人怎么说，我都要{goal}。",
        "[我答应过自己|这回说什么也]要{goal}。",
        "（握紧拳头）我一定要{goal}。",
        Gruff("挡我路的都滚开，我要{goal}。"),
        Gruff("我来这儿就一件事：{goal}。"),
        Formal("[不瞒你说|实不相瞒]，我此行是为了{goal}。"),
        Warm("我想{goal}，也是为了我们大家。"),
        Dry("人总得有点念想，我的念想就是{goal}。"),
        Nervous("我、我只是想{goal}，就这样。"),
        Cheerful("等我{goal}，咱们好好庆祝一番！"),
        "为了{goal}，[我什么都愿意做|再难我也认了]。",
    ];

    public static readonly Phrase[] KnownFact =
    [
        "[别忘了|你可记着]，{fact}。",
        "记住，{fact}。",
        "[你想想|琢磨琢磨]，{fact}。",
        "大家都知道，{fact}。",
        "（压低声音）{fact}。",
        Gruff("{fact}，[就这么回事|明摆着的]。"),
        Formal("有据可查：{fact}。"),
        Dry("顺便一提，{fact}。"),
        Nervous("我听说……{fact}。"),
    ];

    public static readonly Phrase[] Item =
    [
        "[瞧瞧|看看|留神]{item}。",
        "谁拿着{item}，[谁就有麻烦|谁就占了上风|谁就别想睡安稳]。",
        "{item}[里头有故事|见过不少事]，就看你会不会看。",
        "[我真想知道|谁能告诉我]{item}是从哪儿来的。",
        "（盯着{item}）[这东西不简单|总觉得哪里不对]。",
        Gruff("{item}。[别碰|少打它主意]。"),
        Formal("{item}，[颇有来历|值得细看]。"),
        Dry("{item}，[真是件宝贝|人人都盯着呢]。"),
        Nervous("我不喜欢[{item}|靠近{item}]……"),
    ];

    public static readonly Phrase[] LooseItem =
    [
        "有人把{loose}落在这儿了。[会是谁呢|真不小心|我看是故意的]。",
        "{loose}就这么[扔在这儿|没人管]？",
        "（弯腰看了看{loose}）谁的？",
    ];

    public static readonly Phrase[] MyItem =
    [
        "{myitem}我是不会交出去的，[谁来都一样|给多少钱都不行]。",
        "这{myitem}我带了[一路|好多年|比这更糟的时候都没丢]。",
        "（摸了摸{myitem}）还在。",
        "[我一直带着|从不离身的]{myitem}，你知道为什么吗？",
        Gruff("谁也别碰{myitem}。[谁都不行|你也不行]。"),
        Warm("{myitem}是[别人送我的|我最珍惜的东西]。"),
    ];

    public static readonly Phrase[] HeldItem =
    [
        "{holder}拿着{held}，[我倒想知道为什么|这让我不放心|怎么没人问问]。",
        "我看见{holder}[一直护着|时不时摸一下|藏着]{held}。",
        "{held}怎么会在{holder}手里？",
    ];

    public static readonly Phrase[] Place =
    [
        "这个时辰的{place}，[最合我意|总让人心里发毛|像是我自己的地方]。",
        "{place}的墙要是会说话，[怕是说不完|故事可多了]。",
        "往{exit}去的路，{time}[一直很静|人来人往|有人盯着]。",
        "{place}[还是老样子|一点没变|冷清了不少]。",
        "（环顾{place}）[这地方|这儿]，[我熟得很|总觉得不对劲]。",
        "在{place}待久了，[什么都见过|人会变的]。",
        Gruff("{place}。[老样子|从来不变]。"),
        Formal("{place}[历史悠久|颇有来头]。"),
        Warm("我喜欢{time}的{place}，[像家一样|一直都是]。"),
        Dry("{place}，[多迷人啊|真是个好地方]。"),
        Nervous("{place}{time}[怪吓人的|太安静了]……"),
    ];

    public static readonly Phrase[] Person =
    [
        "[盯着点|留意一下]{who}。",
        "{who}也在呢，[别忘了|记着点]。",
        "我想听听{who}[怎么看|怎么说]。",
        "（朝{who}那边看了一眼）",
        "{who}[一直没说话|好像知道些什么]。",
        Gruff("这事让{who}来回答。"),
        Formal("{who}的意见，[不妨一听|也很要紧]。"),
        Warm("{who}[也累了|也不容易]。"),
        Dry("还有{who}，[照例在看热闹|照例一言不发]。"),
    ];

    public static readonly Phrase[] Face =
    [
        "{face}，{name}，这[总还算数吧|不会变]。",
        "我没忘，{face}。",
        "{name}，{face}，[你心里清楚|我说到做到]。",
        "（看着{name}）{face}。",
        Gruff("{face}，{name}。[就这样|别让我说第二遍]。"),
        Warm("{name}，{face}，一直都是。"),
        Dry("{face}，{name}，[这你知道的|不用我提醒吧]。"),
    ];

    public static readonly Phrase[] Mood =
    [
        "{time}我[心里有点|总觉得]{mood}。",
        "不知怎么的，[我|心里]一直{mood}。",
        "（揉了揉眉心）有点{mood}。",
        "[说实话|老实讲]，我这会儿挺{mood}的。",
        Gruff("我{mood}。[别管|别问]。"),
        Warm("别担心，只是有点{mood}，[会好的|一会儿就过去了]。"),
        Nervous("我、我就是有点{mood}……"),
    ];

    public static readonly Phrase[] Trait =
    [
        "我这人[一辈子|向来]{trait}，[改不了|也不打算改]。",
        "{trait}[救过我的命|让我吃过不少亏]。",
        "[人家都说我|我知道自己]{trait}。",
        "（苦笑）谁让我这么{trait}呢。",
    ];

    public static readonly Phrase[] Objective =
    [
        "[别忘了正事|想想我们为什么在这儿]：{objtopic}。",
        "[说来说去|绕来绕去]，还是那件事：{objtopic}。",
        "今晚[要紧的|该办的]只有一件：{objtopic}。",
        "（敲了敲桌子）别扯远了，{objtopic}，这才是正经事。",
        Formal("当务之急，乃是{objtopic}。"),
        Gruff("少说闲话。{objtopic}，办不办？"),
    ];

    public static readonly Phrase[] SecretHint =
    [
        "关于{secretabout}，有件事我[谁都没说过|一直瞒着]。",
        "[改天|等没人的时候|明天]再问我{secretabout}的事。",
        "{secretabout}的事，[说来话长|你最好别知道]。",
        "（欲言又止）{secretabout}……算了。",
        Dry("{secretabout}？[那可是个好故事|你不会想听的]。"),
        Nervous("求你了，别问我{secretabout}的事。"),
    ];

    public static readonly Phrase[] Time =
    [
        "[天色不早了|时候不早了]。",
        "{time}[都过去大半了|过得真快]。",
        "（望了望窗外）[快到{time}了|天都变了]。",
        "[再耽搁下去|时间不等人]，就来不及了。",
    ];

    public static readonly Phrase[] Soliloquy =
    [
        "[好安静|静得出奇]。",
        "（自言自语）[接下来该怎么办呢|总会有办法的]。",
        "[唉|罢了]，[再等等看|一个人也好]。",
    ];

    public static readonly Phrase[] Hook =
    [
        "你怎么看，{name}？",
        "{name}，[你觉得呢|你说呢|你有什么想法]？",
        "你愿意帮我{goal}吗，{name}？",
        "{name}，[陪我去|跟我去|一起去]{exit}一趟？",
        "你[信得过|了解|认识]{other}吗，{name}？",
        "说吧，{name}，[我等着呢|该你了|别不出声]。",
        "那你呢，{name}？[你站哪边|你在这事里是什么角色|你打算怎么办]？",
        "{name}，你要我怎么做？",
        "{name}，你[是不是有话要说|心里在想什么]？",
        "你[到底为什么来|为什么来{place}]，{name}？",
        "关于{secretabout}，你知道多少，{name}？",
        "{name}，你开个价吧？",
        "你打算在{place}待多久，{name}？",
        "怎么样才能让你站到我这边，{name}？",
        "[对了|还有|顺便问一句]，{name}，[谁派你来的|你想从我们这儿得到什么|你都听到了什么]？",
        "{name}，[你见过{item}吗|{item}你怎么看]？",
        "（转向{name}）你呢？",
        "{name}，[你不会说出去吧|这事你能保密吗]？",
        "[要是你|换了你]，{name}，你会怎么做？",
        "{name}，我们[接下来去哪儿|下一步怎么走]？",
        "你刚才[在想什么|看什么]，{name}？",
        "你[最近|这阵子]还好吗，{name}？",
        "{name}，你[相信我吗|信我一回行不行]？",
        "你是怎么[找到这儿的|认识{other}的]，{name}？",
        "{name}，你[怕不怕|后悔吗]？",
        "[你说句话呀|别光看着]，{name}？",
        "{name}，[能帮我个忙吗|能借一步说话吗]？",
        "有什么是我该知道的吗，{name}？",
        "{name}，[你觉得{other}可靠吗|{other}那边你怎么看]？",
        "我们是不是漏掉了什么，{name}？",
        Gruff("[说啊|快说|有屁快放]，{name}。"),
        Gruff("{name}，[干不干|去不去]，一句话？"),
        Formal("{name}，[不知你意下如何|可否赐教]？"),
        Formal("敢问{name}，[有何高见|作何打算]？"),
        Warm("你还撑得住吗，{name}？"),
        Warm("{name}，[饿不饿|冷不冷|累了吧]？"),
        Dry("说吧，{name}，[让我开开眼|说点聪明的|给我个惊喜]。"),
        Dry("{name}，[别告诉我你也没主意|你不会又要沉默吧]？"),
        Nervous("{name}，你、你不会告诉别人吧？"),
        Nervous("{name}，我们[真的要这么做吗|不会有事吧]？"),
        Cheerful("{name}，要不咱们[闯一闯|去探个险]？"),
        Cheerful("{name}，[来嘛|一起吧]，好不好？"),
    ];

    public static readonly Phrase[] EscalateHook =
    [
        "{name}，你到底站哪边？",
        "现在不动手，更待何时，{name}？",
        "谁派你来的，{name}？[说实话|别再装了]！",
        "{name}，[现在就走|今晚就动手]，还是[等他们找上门|错过机会]？",
        "{name}，[没时间了|来不及了]，你干不干？",
        "（一把抓住{name}）你到底知道什么？",
        "{name}，你还想瞒到什么时候？",
        Gruff("{name}，别磨蹭了，走不走？"),
    ];

    public static readonly Phrase[] SlowDownHook =
    [
        "{name}，再待一会儿吧？",
        "你会想家吗，{name}？",
        "[是什么|是谁]让你撑下来的，{name}？",
        "{name}，你小时候是什么样的？",
        "（给{name}倒了杯茶）慢慢说，好吗？",
        "{name}，你最怀念的是什么？",
        Warm("{name}，今晚就别想那些烦心事了，好吗？"),
    ];

    public static readonly Phrase[] Give =
    [
        "{recipient}，{gift}你拿着。[你比我更用得着|收好了|别弄丢了]。",
        "{recipient}，[接着|拿去]。{gift}，[图个吉利|往后用得上]。",
        "这{gift}给你，{recipient}，[别推辞|就当是谢礼]。",
        "（把{gift}塞给{recipient}）拿着，别多问。",
        Warm("{recipient}，这{gift}送你，[好好留着|算是我一点心意]。"),
    ];

    public static readonly Phrase[] Take =
    [
        "{took}不该就这么扔着。",
        "[见者有份|那就归我了]，{took}我先收着。",
        "{took}我拿走了，[回头再说|有人问就说是我]。",
        "这{took}，[我替大家保管|先放我这儿]。",
    ];

    public static readonly Phrase[] Reveal =
    [
        "我憋了太久了。{reveal}。",
        "反正你们迟早会知道：{reveal}。",
        "（深吸一口气）实话说吧，{reveal}。",
        "这件事我一直没说：{reveal}。",
        Nervous("我、我得说出来……{reveal}。"),
    ];

    public static readonly Phrase[] Notice =
    [
        "[你们注意到没有|有人发现吗]？{newfact}。",
        "我刚刚才看到，{newfact}。",
        "（凑近看了看）奇怪，{newfact}。",
        "等等，{newfact}，[之前就这样吗|怎么没人说]？",
    ];

    public static readonly Phrase[] Warmer =
    [
        "{target}，你值得我信一回。",
        "是我看错你了，{target}。[对不起|以后不会了]。",
        "{target}，[谢谢你|多亏了你]，我记在心里了。",
        "（拍了拍{target}的肩）好样的，{target}。",
        Warm("{target}，有你在真好。"),
        Gruff("{target}，算你有点良心。"),
    ];

    public static readonly Phrase[] Colder =
    [
        "这笔账我记下了，{target}。",
        "{target}，出了这事，别指望我再信你。",
        "[你给我记住|记着]，{target}，我一笔一笔都算着。",
        "（冷冷看着{target}）我算是看清你了。",
        Gruff("{target}，离我远点。"),
        Dry("真有你的，{target}。"),
    ];

    public static readonly Phrase[] Leave =
    [
        "我出去透透气，去{dest}一下。",
        "[失陪|先走一步]，我去{dest}看看。",
        "这儿待不下去了，我去{dest}。",
        "（起身）我去趟{dest}，[很快回来|你们先聊]。",
    ];

    public static readonly Phrase[] Wait =
    [
        "咱们[再等等|别急|等一等]吧。",
        "[坐会儿|歇口气]，[跑不了的|时间还够]。",
        "（靠着墙坐下）等吧，总会有动静的。",
        "急也没用，先等等看。",
    ];

    public static readonly Phrase[] Gesture =
    [
        "{self}[在原地挪了挪脚|换了个站姿]。",
        "{self}[慢慢|深深]吸了一口气。",
        "{self}转过身，[面向|看着]{name}。",
        "{self}用手指[轻轻敲着桌面|敲了敲膝盖]。",
        "{self}[来回踱了几步|走到墙边]，又[停了下来|折了回来]。",
        "{self}又[看了看|摸了摸]{myitem}。",
        "{self}[朝{name}凑近了些|往前探了探身]。",
        "{self}[短促地|干巴巴地|轻轻地]笑了一声。",
        "{self}[顿了顿|停下来]，[侧耳听着|歪着头]。",
        "{self}抱起胳膊，[打量着{name}|没再说话]。",
        "{self}[瞥了{other}一眼|朝{other}那边看了看]。",
        "{self}[揉了揉眉心|抿了抿嘴唇]。",
        "{self}把目光投向{exit}。",
        "{self}[望着窗外|盯着地面]出神。",
        "{self}[拢了拢衣领|整了整袖口]。",
        "{self}[点了点头|摇了摇头]。",
        "{self}[靠在墙上|坐了下来]。",
        "{self}的视线在{item}上停了一下。",
    ];

    public static readonly Phrase[] GestureGive = ["{self}把{gift}递给{recipient}。", "{self}把{gift}塞进{recipient}手里。"];
    public static readonly Phrase[] GestureTake = ["{self}拾起{took}。", "{self}一把抄起{took}。"];
    public static readonly Phrase[] GestureReveal = ["{self}压低了声音，几乎是耳语。", "{self}犹豫了一下，还是说了出来。"];
    public static readonly Phrase[] GestureNotice = ["{self}伸手一指。", "{self}蹲下身，凑近细看。"];

    public static readonly Phrase[] GestureWarmer =
    [
        "{self}[久久地|仔细地]看了{target}一眼，点了点头。",
        "{self}冲{target}[笑了笑|微微一笑]。",
        "{self}的神色对着{target}缓和下来。",
    ];

    public static readonly Phrase[] GestureColder =
    [
        "{self}[别过脸|转过身]，不再看{target}。",
        "{self}的目光冷了下来。",
        "{self}往后退了半步，离{target}远了些。",
    ];

    public static readonly Phrase[] GestureLeave = ["{self}朝{dest}走去。", "{self}动身去了{dest}。"];
    public static readonly Phrase[] GestureWait = ["{self}静静等着，看着{place}的光影慢慢变化。", "{self}坐下来，耐心等着。"];
}
