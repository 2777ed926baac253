using System.Collections.Immutable;

namespace WorldPlay.Synthesis.Planning;

/// <summary>The words prompt enrichment looks for in a scenario's own text, in English and Chinese: places a scene can move to,
/// things a character can hold, and words that name the tie between the NPC and the user. Chinese words are of two characters
/// or more, since a single Han character is too often part of another word (家 in 大家).</summary>
internal static class EnrichmentLexicon
{
    public static readonly ImmutableArray<string> EnglishPlaces =
    [
        "doorstep", "porch", "balcony", "rooftop", "house", "home", "apartment", "mansion", "estate", "manor", "dorm", "dormitory",
        "school", "classroom", "campus", "academy", "university", "library", "office", "studio", "laboratory", "lab", "hospital",
        "cafe", "café", "coffee shop", "bar", "pub", "tavern", "inn", "nightclub", "club", "restaurant", "kitchen", "bedroom",
        "garden", "park", "street", "alley", "market", "shop", "store", "castle", "palace", "throne room", "temple", "church",
        "shrine", "forest", "woods", "village", "town", "city", "harbor", "harbour", "port", "ship", "station", "camp",
        "battlefield", "cave", "tower", "hall", "gym", "arena", "beach", "lake", "river", "mountain", "hotel", "prison",
        "dungeon", "stage", "gallery", "museum", "farm", "ranch", "bridge", "courtyard",
    ];

    public static readonly ImmutableArray<string> ChinesePlaces =
    [
        "家门口", "家里", "学校", "教室", "校园", "学院", "大学", "图书馆", "办公室", "工作室", "实验室", "医院", "咖啡馆", "咖啡店",
        "酒吧", "酒馆", "客栈", "夜店", "餐厅", "厨房", "卧室", "花园", "公园", "街道", "小巷", "市场", "商店", "城堡", "宫殿",
        "皇宫", "寺庙", "神社", "森林", "村庄", "小镇", "城市", "港口", "码头", "车站", "营地", "战场", "山洞", "高塔", "大厅",
        "体育馆", "海边", "湖边", "山顶", "天台", "酒店", "监狱", "地牢", "舞台", "博物馆", "农场", "庭院",
    ];

    public static readonly ImmutableArray<string> EnglishItems =
    [
        "letter", "key", "ring", "necklace", "sword", "dagger", "knife", "gun", "pistol", "phone", "photo", "photograph", "map",
        "diary", "journal", "locket", "amulet", "potion", "scroll", "bottle", "flowers", "bouquet", "gift", "box", "note",
        "coin", "watch", "badge", "crown", "wand", "staff", "bracelet", "pendant", "umbrella", "guitar", "camera", "notebook",
        "ticket", "envelope", "contract", "medal", "lantern", "book",
    ];

    public static readonly ImmutableArray<string> ChineseItems =
    [
        "信件", "信封", "钥匙", "戒指", "项链", "宝剑", "长剑", "匕首", "手枪", "手机", "照片", "地图", "日记", "护身符", "药水",
        "卷轴", "酒瓶", "花束", "礼物", "盒子", "纸条", "硬币", "手表", "徽章", "王冠", "法杖", "手镯", "吊坠", "雨伞", "吉他",
        "相机", "笔记本", "车票", "合同", "奖牌", "灯笼",
    ];

    /// <summary>Words naming the tie between the NPC and the user, the relationship type they stand for and its strength; the
    /// first listed that the text uses wins, so specific ties come before general ones.</summary>
    public static readonly ImmutableArray<(string Word, string Type, double Strength)> Ties =
    [
        ("rivalry", "rival-of", -0.4), ("rival", "rival-of", -0.4), ("nemesis", "rival-of", -0.6), ("competitor", "rival-of", -0.3),
        ("ex-girlfriend", "former-partner-of", 0.1), ("ex-boyfriend", "former-partner-of", 0.1), ("ex-wife", "former-partner-of", 0.1),
        ("ex-husband", "former-partner-of", 0.1), ("fiancé", "loves", 0.7), ("fiance", "loves", 0.7), ("husband", "loves", 0.7),
        ("wife", "loves", 0.7), ("girlfriend", "loves", 0.6), ("boyfriend", "loves", 0.6), ("lover", "loves", 0.6),
        ("crush", "loves", 0.5), ("affection", "loves", 0.5), ("obsessive love", "loves", 0.6),
        ("brother", "sibling-of", 0.5), ("sister", "sibling-of", 0.5), ("sibling", "sibling-of", 0.5), ("twin", "sibling-of", 0.6),
        ("mentor", "mentor-of", 0.4), ("teacher", "mentor-of", 0.3), ("tutor", "mentor-of", 0.3), ("coach", "mentor-of", 0.3),
        ("enemy", "distrusts", -0.7), ("adversary", "distrusts", -0.6), ("foe", "distrusts", -0.7),
        ("bodyguard", "serves", 0.5), ("butler", "serves", 0.4), ("maid", "serves", 0.4), ("servant", "serves", 0.4),
        ("knight", "serves", 0.5), ("best friend", "friend-of", 0.7), ("childhood friend", "friend-of", 0.6),
        ("friend", "friend-of", 0.5), ("colleague", "colleague-of", 0.2), ("coworker", "colleague-of", 0.2),
        ("roommate", "lives-with", 0.3), ("housemate", "lives-with", 0.3), ("neighbor", "neighbour-of", 0.2),
        ("neighbour", "neighbour-of", 0.2),
        ("宿敌", "rival-of", -0.6), ("对手", "rival-of", -0.4), ("竞争", "rival-of", -0.3), ("前任", "former-partner-of", 0.1),
        ("未婚夫", "loves", 0.7), ("未婚妻", "loves", 0.7), ("丈夫", "loves", 0.7), ("妻子", "loves", 0.7), ("恋人", "loves", 0.6),
        ("男友", "loves", 0.6), ("女友", "loves", 0.6), ("男朋友", "loves", 0.6), ("女朋友", "loves", 0.6), ("暗恋", "loves", 0.5),
        ("哥哥", "sibling-of", 0.5), ("姐姐", "sibling-of", 0.5), ("弟弟", "sibling-of", 0.5), ("妹妹", "sibling-of", 0.5),
        ("师父", "mentor-of", 0.5), ("导师", "mentor-of", 0.4), ("老师", "mentor-of", 0.3), ("敌人", "distrusts", -0.7),
        ("仇人", "distrusts", -0.8), ("护卫", "serves", 0.5), ("管家", "serves", 0.4), ("侍从", "serves", 0.4), ("骑士", "serves", 0.5),
        ("青梅竹马", "friend-of", 0.6), ("朋友", "friend-of", 0.5), ("同事", "colleague-of", 0.2), ("室友", "lives-with", 0.3),
        ("邻居", "neighbour-of", 0.2),
    ];
}
