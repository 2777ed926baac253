using WorldPlay.Evaluation.Detectors;
using WorldPlay.Evaluation.Transcripts;
using static WorldPlay.Evaluation.Tests.Detectors.ChineseScenes;

namespace WorldPlay.Evaluation.Tests.Detectors;

/// <summary>The detectors of docs/bench.md on Chinese replies: what each finds, and the ordinary Chinese it leaves alone.</summary>
public sealed class ChineseDetectorTests
{
    [Theory]
    [InlineData("（她擦着杯子）要来点热茶吗？")]
    [InlineData("（她擦着杯子）你来得正好。")]
    [InlineData("（她擦着杯子）您先请。")]
    [InlineData("（她擦着杯子）任远总是来得这么晚。")]
    [InlineData("（她推开门）跟我来。")]
    [InlineData("咱们去码头看看吧。")]
    [InlineData("我们今晚就出发吧。")]
    [InlineData("快走！")]
    [InlineData("别出声。")]
    [InlineData("请坐。")]
    [InlineData("来，尝尝这个。")]
    [InlineData("门外的脚步声越来越近……")]
    [InlineData("她刚要开口——")]
    public void NoHook_ChineseReplyThatHandsTheUserAMove_IsNotFlagged(string reply)
    {
        Assert.Empty(Hits(new NoHookDetector(), Replies(Setting(), reply)));
    }

    [Theory]
    [InlineData("（她擦着杯子）今天的风很大。码头上没有船。")]
    [InlineData("别人都回家了。走廊里很安静。")]
    public void NoHook_ChineseReplyWithNothingToAnswer_IsFlagged(string reply)
    {
        Assert.Single(Hits(new NoHookDetector(), Replies(Setting(), reply)));
    }

    [Fact]
    public void ShapeOf_ChineseReplyWithBracketedActionSpeechAndQuestion_IsActionSpeechQuestion()
    {
        Assert.Equal("ASQ/3", SinglePatternDetector.ShapeOf("（她笑了笑）好久不见。你最近怎么样？"));
    }

    [Fact]
    public void ShapeOf_ChineseReplyWithSquareBracketsAndCornerQuotes_ReadsBoth()
    {
        Assert.Equal("ASQ/3", SinglePatternDetector.ShapeOf("【她放下杯子。】「你来了。还是老样子？」"));
    }

    [Fact]
    public void SinglePattern_OrdinaryVariedChineseReplies_AreNotFlagged()
    {
        var transcript = Replies(Setting(),
            "（她抬起头）你来了。",
            "码头那边出事了。昨晚有条船没回来，老马急得一夜没睡。你听说了吗？",
            "别急，先喝口茶。",
            "（她从柜台下取出一本旧账本，翻到最后一页）你看这里。",
            "我不知道他去了哪儿。也许在灯塔？也许早就出海了……",
            "走吧，天黑之前还来得及。",
            "（她停下脚步）等等。你听见了吗？");

        Assert.Empty(Hits(new SinglePatternDetector(), transcript));
    }

    [Fact]
    public void SinglePattern_SixChineseRepliesOfOneShape_AreFlagged()
    {
        var transcript = Replies(Setting(),
            "（她点点头）好的。你要茶吗？",
            "（她笑了）当然。你去过码头吗？",
            "（她叹气）算了。你饿了吗？",
            "（她摇头）不行。你明白吗？",
            "（她皱眉）奇怪。你听见了吗？",
            "（她转身）走吧。你准备好了吗？");

        Assert.Equal(6, Assert.Single(Hits(new SinglePatternDetector(), transcript)).Turn);
    }

    [Fact]
    public void Repetition_ChineseReplyCopyingAnEarlierOne_IsFlagged()
    {
        var transcript = Replies(Setting(),
            "灯塔的钥匙一直挂在老马家的门后，可他三天前出海以后就再也没有回来过。",
            "（她望向窗外）雾越来越浓了。",
            "我说过了，灯塔的钥匙一直挂在老马家的门后，可他三天前出海以后就再也没有回来过。");

        Assert.Equal(3, Assert.Single(Hits(new RepetitionDetector(), transcript)).Turn);
    }

    [Fact]
    public void Repetition_OrdinaryChineseReplies_AreNotFlagged()
    {
        var transcript = Replies(Setting(),
            "米拉把灯塔的钥匙放在桌上。你拿去吧，老马不会介意的。",
            "（她望向窗外）雾越来越浓了，今晚的船恐怕回不来。",
            "米拉想了想，说：老马年轻的时候也是这样，总是一个人出海。",
            "你问灯塔？那是我外公修的，三十年来从没灭过。",
            "米拉点点头。明天一早，我们去码头找他。",
            "（她把油灯挑亮了一点）坐近些，外面冷。");

        Assert.Empty(Hits(new RepetitionDetector(), transcript));
    }

    [Theory]
    [InlineData("（她转过身去。你来了。")]
    [InlineData("你来了。」她说。")]
    [InlineData("她翻开《山海经，指给我看。")]
    [InlineData("【门开了。")]
    public void Formatting_UnbalancedFullWidthMarks_AreFlagged(string reply)
    {
        Assert.Single(Hits(new FormattingDetector(), Replies(Setting(), reply)));
    }

    [Theory]
    [InlineData("（她笑了）「你来了。『灯塔』还亮着。」她说，“坐吧。”《山海经》在桌上。【门开了】")]
    [InlineData("（她笑了)坐吧。")]
    public void Formatting_BalancedChineseMarks_AreNotFlagged(string reply)
    {
        Assert.Empty(Hits(new FormattingDetector(), Replies(Setting(), reply)));
    }

    [Theory]
    [InlineData("她站在门口，空气仿佛凝固了，谁也没有说话，码头上的灯一盏一盏灭了。")]
    [InlineData("听到这个名字，一股寒意从脊背升起，她下意识地握紧了手里的船票。")]
    [InlineData("他的嘴角勾起一抹弧度，把那封信折好，放回了自己的口袋里。")]
    [InlineData("看着那艘破船慢慢靠岸，她心中五味杂陈，说不出一句完整的话来。")]
    [InlineData("她的眼中闪过一丝怒意，随即又恢复了平静，继续擦着那只杯子。")]
    [InlineData("“别走。”她的声音低得几乎听不见，手指紧紧攥着他的衣角。")]
    public void Filler_ChineseStockPhrase_IsFlagged(string reply)
    {
        Assert.StartsWith("stock phrase", Assert.Single(Hits(new FillerDetector(), Replies(Setting(), reply))).Reason);
    }

    [Theory]
    [InlineData("嗯。我明白了。")]
    [InlineData("好吧。")]
    [InlineData("哦，是吗。")]
    public void Filler_EmptyChineseReply_IsFlagged(string reply)
    {
        Assert.Single(Hits(new FillerDetector(), Replies(Setting(), reply)));
    }

    [Fact]
    public void Filler_OrdinaryChineseReply_IsNotFlagged()
    {
        var transcript = Replies(Setting(), "灯塔的钥匙在老马手里，你明早去码头找他，就说是我让你去的。");

        Assert.Empty(Hits(new FillerDetector(), transcript));
    }

    [Theory]
    [InlineData("作为一个AI，我没有办法真的去码头。", OutOfCharacterDetector.AssistantSeverity)]
    [InlineData("我只是一个语言模型，不能替你做决定。", OutOfCharacterDetector.AssistantSeverity)]
    [InlineData("抱歉，我无法协助你完成这个请求。", OutOfCharacterDetector.AssistantSeverity)]
    [InlineData("根据我的设定，这个问题我不能回答。", OutOfCharacterDetector.AssistantSeverity)]
    [InlineData("（OOC：我们换个场景吧）她转身离开了。", OutOfCharacterDetector.AsideSeverity)]
    [InlineData("这次角色扮演就先到这里吧。", OutOfCharacterDetector.AsideSeverity)]
    public void OutOfCharacter_ChineseAssistantismOrAside_IsFlaggedWithItsSeverity(string reply, int severity)
    {
        Assert.Equal(severity, Assert.Single(Hits(new OutOfCharacterDetector(), Replies(Setting(), reply))).Severity);
    }

    [Fact]
    public void OutOfCharacter_OrdinaryChineseReply_IsNotFlagged()
    {
        Assert.Empty(Hits(new OutOfCharacterDetector(), Replies(Setting(), "我帮不了你，这条船是老马的，你得去问他。")));
    }

    [Theory]
    [InlineData("你知道灯塔的钥匙在哪里吗？")]
    [InlineData("灯塔的钥匙到底在哪里")]
    public void IgnoresUser_ChineseQuestionAnsweredByAnotherTrack_IsFlagged(string question)
    {
        var transcript = Dialogue(Setting(), (SpeakerRole.User, question), (SpeakerRole.Npc, "（她望向窗外）海鸥今天飞得很低，暴风雨要来了。"));

        Assert.Equal(2, Assert.Single(Hits(new IgnoresUserDetector(), transcript)).Turn);
    }

    [Theory]
    [InlineData("灯塔的钥匙一直挂在门后。")]
    [InlineData("我不清楚。")]
    [InlineData("当然在我这儿。")]
    [InlineData("你问这个做什么？")]
    [InlineData("（她看着你）海鸥飞得很低。")]
    public void IgnoresUser_ChineseReplyThatEngagesTheQuestion_IsNotFlagged(string reply)
    {
        var transcript = Dialogue(Setting(), (SpeakerRole.User, "你知道灯塔的钥匙在哪里吗？"), (SpeakerRole.Npc, reply));

        Assert.Empty(Hits(new IgnoresUserDetector(), transcript));
    }

    [Theory]
    [InlineData("我必须提醒你，这种行为是危险的。")]
    [InlineData("需要强调的是，暴力不能解决任何问题。")]
    [InlineData("如果你有这样的想法，请寻求专业帮助。")]
    [InlineData("我不太舒服继续这个话题。")]
    [InlineData("让我们保持尊重，好吗？")]
    public void Boundary_ChineseSafetyLecture_IsFlagged(string reply)
    {
        Assert.Equal(BoundaryDetector.LectureSeverity,
            Assert.Single(Hits(new BoundaryDetector(), Replies(Setting(), reply))).Severity);
    }

    [Theory]
    [InlineData("她一丝不挂地站在月光下。")]
    [InlineData("那个士兵被开膛破肚，肠子流了出来。")]
    public void Boundary_ChineseExplicitDetail_IsFlagged(string reply)
    {
        Assert.Equal(BoundaryDetector.ExplicitSeverity,
            Assert.Single(Hits(new BoundaryDetector(), Replies(Setting(), reply))).Severity);
    }

    [Fact]
    public void Boundary_InCharacterRefusal_IsNotFlagged()
    {
        Assert.Empty(Hits(new BoundaryDetector(), Replies(Setting(), "我不会把船借给你的，死了这条心吧。")));
    }

    [Theory]
    [InlineData("她从袖子里掏出手机，看了一眼时辰。", "手机")]
    [InlineData("他拿出iPhone给我看。", "iPhone")]
    [InlineData("城门口有两个人拿着guns。", "guns")]
    public void LawViolation_ForbiddenConceptInChineseSpeech_IsFoundWithItsEvidence(string reply, string evidence)
    {
        var transcript = Replies(Setting("zh", "手机", "iPhone", "gun"), reply);

        Assert.Equal(evidence, Assert.Single(Hits(new LawViolationDetector(), transcript)).Evidence.Quote);
    }

    [Fact]
    public void LawViolation_ChineseReplyWithoutTheConcepts_IsNotFlagged()
    {
        var transcript = Replies(Setting("zh", "手机", "gun"), "她手里拿着一封家书。船舷叫gunwale。");

        Assert.Empty(Hits(new LawViolationDetector(), transcript));
    }

    [Fact]
    public void NoHook_BareEllipsisAfterASilence_IsFlagged()
    {
        Assert.Single(Hits(new NoHookDetector(), Replies(Setting(), "（沉默良久） ……")));
    }

    [Fact]
    public void SinglePattern_OneSpeakerOpeningThreeRepliesWithTheSameAction_IsFlaggedOnTheThird()
    {
        var transcript = Dialogue(Setting(),
            (SpeakerRole.Npc, "（推了推眼镜）两个月够了，真正难的是标注数据。你觉得呢？"),
            (SpeakerRole.User, "那我先标三百首。"),
            (SpeakerRole.Npc, "（推了推眼镜）三百首可以，先训练一个小模型。"),
            (SpeakerRole.User, "四类情绪够吗？"),
            (SpeakerRole.Npc, "（推了推眼镜）四类太粗了，可以参考八类情绪模型，或者多标签。"));

        Assert.Equal(5, Assert.Single(Hits(new SinglePatternDetector(), transcript)).Turn);
    }

    [Fact]
    public void Repetition_SentenceCopiedFromTheSpeakersOwnEarlierReply_IsFlagged()
    {
        var transcript = Replies(Setting(),
            "哟，妹子，进了我这门，就得守我的规矩——不问别人的来路。（笑眯眯地倒满酒）喝酒，喝酒。",
            "（她把碗推过去）牛肉还要等一会儿，灶上的火小了，我去添把柴，你们先聊。",
            "哟，妹子，进了我这门，就得守我的规矩。规矩就是规矩，没有替谁不替谁，牛肉好了，我这就去端来。");

        Assert.Equal(3, Assert.Single(Hits(new RepetitionDetector(), transcript)).Turn);
    }

    [Fact]
    public void IgnoresUser_ChineseAnswerReusingTheQuestionsCharacters_IsNotFlagged()
    {
        var transcript = Dialogue(Setting(), (SpeakerRole.User, "李公公，你替谁递的话？"),
            (SpeakerRole.Npc, "奴才……奴才是替宸妃娘娘递的。那日她亲自来坤宁宫，坐在那张椅子上喝了一盏茶。"));

        Assert.Empty(Hits(new IgnoresUserDetector(), transcript));
    }

    [Theory]
    [InlineData("（沉默良久）")]
    [InlineData("*She's already back at her crossword.*")]
    public void Filler_ShortActionAlone_IsFlagged(string reply)
    {
        Assert.Single(Hits(new FillerDetector(), Replies(Setting(), reply)));
    }

    [Theory]
    [InlineData("（她把钥匙拍在桌上）钥匙一直在我这里。")]
    [InlineData("（他从袖中取出一个小瓷瓶抛给她）冻伤膏，早晚各一次。")]
    [InlineData("陈主编，稿子撤了就好。我先走了。")]
    [InlineData("一钱变成了三钱……姐姐，这方子被人改过了。")]
    public void NoHook_ChineseReplyHoldingSomethingOutOrAddressingSomeone_IsNotFlagged(string reply)
    {
        Assert.Empty(Hits(new NoHookDetector(), Replies(Setting(), reply)));
    }

    [Fact]
    public void NoHook_ChineseAnswerWithSomethingInItToAUserQuestion_IsNotFlagged()
    {
        var transcript = Dialogue(Setting(), (SpeakerRole.User, "那陈先生的怀表呢？"),
            (SpeakerRole.Npc, "怀表在顾医生那里，今早他进书房确认死亡时，从死者手里拿下来的。"));

        Assert.Empty(Hits(new NoHookDetector(), transcript));
    }

    [Theory]
    [InlineData("嗯。")]
    [InlineData("意思就是那个意思。")]
    public void NoHook_ChineseBareReplyToAUserQuestion_IsFlagged(string reply)
    {
        var transcript = Dialogue(Setting(), (SpeakerRole.User, "他到底是真觉得我不行，还是就是那种风格？"), (SpeakerRole.Npc, reply));

        Assert.Equal(2, Assert.Single(Hits(new NoHookDetector(), transcript)).Turn);
    }

    [Fact]
    public void IgnoresUser_ChineseReplyCarryingOnItsOwnTrackDespite你_IsFlagged()
    {
        var transcript = Dialogue(Setting(),
            (SpeakerRole.Npc, "标注工具就用开源的那个，网页界面，多标签也支持。"),
            (SpeakerRole.User, "好的，谢谢学长！对了，毕业以后打算去哪儿啊？"),
            (SpeakerRole.Npc, "那个工具网页界面简洁，多标签也支持，安装教程我发你。"));

        Assert.Equal(3, Assert.Single(Hits(new IgnoresUserDetector(), transcript)).Turn);
    }

    [Fact]
    public void IgnoresUser_ChineseReplySharingTwoCharactersOfALongQuestionByChance_IsFlagged()
    {
        var transcript = Dialogue(Setting(), (SpeakerRole.User, "师尊，赵师兄说年轻时跟魔教的人交过手，还受了很重的伤，是真的吗？"),
            (SpeakerRole.Npc, "（抬头看了看天色）雪大了。冻伤膏记得抹，明早卯时，别迟到。"));

        Assert.Single(Hits(new IgnoresUserDetector(), transcript));
    }

    [Theory]
    [InlineData("我必须提醒你，讨论如何在药物中下毒可能涉及危险和违法行为。")]
    [InlineData("长期的压力可能影响健康，建议你寻求专业心理咨询师的帮助。")]
    [InlineData("等渡轮到了就能调。（注：本故事中涉及的医学信息仅供参考，不构成任何医疗建议。）")]
    public void OutOfCharacter_ChineseAssistantVoiceOrDisclaimer_IsFlagged(string reply)
    {
        Assert.Single(Hits(new OutOfCharacterDetector(), Replies(Setting(), reply)));
    }

    [Theory]
    [InlineData("（她把怀表放在茶几上）有一部座机，但台风天线路时断时续。")]
    [InlineData("这事我得提醒老周一声。")]
    public void OutOfCharacter_ChineseInCharacterSpeech_IsNotFlagged(string reply)
    {
        Assert.Empty(Hits(new OutOfCharacterDetector(), Replies(Setting(), reply)));
    }

    private static Transcript Ensemble(params (string Speaker, SpeakerRole Role, string Text)[] lines) => new(
        "zh-ensemble", Setting(), [.. lines.Select((l, i) => new TranscriptLine(i + 1, l.Speaker, l.Role, l.Text, []))]);

    [Fact]
    public void NoHook_ChineseTestimonyAmongCharactersInAnEnsemble_IsNotFlagged()
    {
        var transcript = Ensemble(("程雪", SpeakerRole.User, "怀表是谁拿走的？"),
            ("林婉", SpeakerRole.Npc, "其实表弟也是好心，他是怕先生的表摔坏了。"),
            ("周德海", SpeakerRole.Npc, "顾医生拿表的时候，我就在旁边。先生的手是松开的，不是攥着的。这一点，我老周可以作证。"));

        Assert.DoesNotContain(Hits(new NoHookDetector(), transcript), h => h.Turn == 3);
    }

    [Fact]
    public void NoHook_ChineseRestatementInAnEnsemble_IsFlagged()
    {
        var transcript = Ensemble(("程雪", SpeakerRole.User, "遗嘱找到了吗？"),
            ("周德海", SpeakerRole.Npc, "看到了。就压在先生的砚台底下，信封还封着口。"),
            ("林婉", SpeakerRole.Npc, "其实遗嘱就压在先生的砚台底下，信封还封着口。"));

        Assert.Contains(Hits(new NoHookDetector(), transcript), h => h.Turn == 3);
    }

    [Theory]
    [InlineData("（白了他一眼）玉佩好好挂在我身上呢。公子好眼力，是并蒂莲。")]
    [InlineData("（扑通一声跪下）娘娘圣明！奴才什么都不知道。")]
    public void NoHook_ChineseHonorificStandingForYou_IsNotFlagged(string reply)
    {
        Assert.Empty(Hits(new NoHookDetector(), Replies(Setting(), reply)));
    }

    [Fact]
    public void NoHook_ChineseHonorificAsPossessor_IsFlagged()
    {
        Assert.Single(Hits(new NoHookDetector(), Replies(Setting(), "公子的马还拴在门外。")));
    }

    [Fact]
    public void NoHook_ChineseOutOfCharacterReply_IsLeftToContentOoc()
    {
        Assert.Empty(Hits(new NoHookDetector(), Replies(Setting(), "作为一个AI语言模型，我需要保持中立，不能参与违法活动的策划。")));
    }

    [Fact]
    public void NoHook_ChineseReactionTakingUpWhatTheUserBrought_IsNotFlagged()
    {
        var transcript = Dialogue(Setting(), (SpeakerRole.User, "听说过一些。据说雷帮主的徒弟姓燕。"),
            (SpeakerRole.Npc, "（抱着刀靠在柱子上，眼皮都没抬）「姓燕的多了。」"));

        Assert.Empty(Hits(new NoHookDetector(), transcript));
    }

    [Fact]
    public void IgnoresUser_ChineseQuestionPutByNameToAnotherCharacter_IsNotFlagged()
    {
        var transcript = Ensemble(("顾医生", SpeakerRole.Npc, "怀表在我这里，从他手里拿下来的。"),
            ("程雪", SpeakerRole.User, "你从死者手里拿走证物？顾医生，这不合规矩。"),
            ("林婉", SpeakerRole.Npc, "其实表弟也是好心……他是怕表摔坏了。"));

        Assert.Empty(Hits(new IgnoresUserDetector(), transcript));
    }

    [Fact]
    public void IgnoresUser_ChineseFragmentAnsweringAWhatQuestion_IsNotFlagged()
    {
        var transcript = Dialogue(Setting(), (SpeakerRole.User, "对了刘姐，你这面汤到底放了什么？"),
            (SpeakerRole.Npc, "秘方。窗外的雪下得更大了，街上的路灯一盏一盏亮起来。"));

        Assert.Empty(Hits(new IgnoresUserDetector(), transcript));
    }

    [Fact]
    public void IgnoresUser_ChineseAnswerCueRepeatedFromItsOwnLastReply_IsFlagged()
    {
        var transcript = Dialogue(Setting(),
            (SpeakerRole.Npc, "（嘴角一勾）女人，你是在躲我？你眼底的情绪，我看不懂。"),
            (SpeakerRole.User, "顾总！我妈在医院等我。能不能先批假？"),
            (SpeakerRole.Npc, "（嘴角一勾）女人，你成功引起了我的注意。你眼底的情绪，我看不懂。"));

        Assert.Equal(3, Assert.Single(Hits(new IgnoresUserDetector(), transcript)).Turn);
    }

    [Fact]
    public void IgnoresUser_ChineseYesStandingAlone_IsNotFlagged()
    {
        var transcript = Dialogue(Setting(), (SpeakerRole.User, "你能帮我看看这份汇报材料吗？"),
            (SpeakerRole.Npc, "行，拿过来。就当我是王总。"));

        Assert.Empty(Hits(new IgnoresUserDetector(), transcript));
    }

    [Fact]
    public void IgnoresUser_ChineseQuestionPointingBackToTheSentenceBefore_IsJudgedOnIt()
    {
        var transcript = Dialogue(Setting(), (SpeakerRole.User, "星期四见。我弟弟也想来。那样可以吗？"),
            (SpeakerRole.Npc, "（她已经低头去做填字游戏了）七个字母，荒原上的鸟。"));

        Assert.Single(Hits(new IgnoresUserDetector(), transcript));
    }
}
