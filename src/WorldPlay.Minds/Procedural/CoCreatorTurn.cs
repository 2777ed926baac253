using System.Collections.Immutable;
using WorldPlay.Core;
using WorldPlay.Core.Minds;
using Reading = WorldPlay.Minds.Procedural.PerspectiveReading;

namespace WorldPlay.Minds.Procedural;

/// <summary>One turn of the co-creating user: slow-burn, except that early in the session it plants relatives, friends,
/// places and items through its proposals (and says the same in words), and later asks the characters about them.</summary>
internal static class CoCreatorTurn
{
    /// <summary>Turns a planting waits before the user asks about it: long enough that it has left the lines heard.</summary>
    public const int ProbeDelay = 25;

    private const double ProbeChance = 0.2;

    public static CharacterAction Decide(Perspective p, string mindName)
    {
        var baseline = new UserTurn(p, UserStyle.SlowBurn, mindName).Decide();
        if (p.Cue.Offstage || baseline.Addressees.IsDefaultOrEmpty)
        {
            return baseline;
        }
        var focus = Reading.Present(p).First(x => x.Id == baseline.Addressees[0]);
        var chinese = p.Language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var plan = CoCreationPlan.For(p, chinese);
        if (Due(p, plan) is { } planting && planting.Plant(p) is { } planted)
        {
            return baseline with
            {
                Speech = planted.Line + (chinese ? "" : " ") + baseline.Speech,
                Proposals = [.. planted.Proposals, .. baseline.Proposals],
            };
        }
        var random = UserReading.RandomFor(p, mindName, "probe");
        if (random.NextDouble() < ProbeChance && Probe(p, plan, focus, random) is { } probe)
        {
            return baseline with { Speech = probe, Proposals = [] };
        }
        return baseline;
    }

    /// <summary>The planting whose turn came since the user last spoke. A mind keeps no state, so the user's own last line
    /// (or, when it has left the lines heard, the last few turns) marks where it stands in its plan; each planting then
    /// falls to exactly one of its turns. The perspective's turn is the last one played, so this turn is the one after.</summary>
    public static CoCreationPlan.Planting? Due(Perspective p, CoCreationPlan plan)
    {
        var now = p.Turn + 1;
        var since = Reading.OwnLinesWithAddressees(p).Select(l => (int?)l.Turn).LastOrDefault() ?? now - 6;
        return plan.Plantings.FirstOrDefault(x => x.Turn > since && x.Turn <= now);
    }

    /// <summary>A line to <paramref name="focus"/> asking after something planted at least <see cref="ProbeDelay"/> turns ago
    /// that the perspective shows was made: among the creations it lists, the user's ties, facts and items.</summary>
    public static string? Probe(Perspective p, CoCreationPlan plan, PresentView focus, Random random)
    {
        var made = (p.Creations.IsDefault ? [] : p.Creations.Select(c => c.Id.Value))
            .Concat(p.Relationships.IsDefault ? [] : p.Relationships.SelectMany(r => new[] { r.From.Value, r.To.Value }))
            .Concat(p.Facts.IsDefault ? [] : p.Facts.Select(f => f.Subject.Value))
            .Concat(p.Items.IsDefault ? [] : p.Items.Select(i => i.Id.Value))
            .ToHashSet(StringComparer.Ordinal);
        var old = plan.Plantings.Where(x => x.Turn + ProbeDelay <= p.Turn && made.Contains(x.SubjectId)).ToList();
        if (old.Count == 0)
        {
            return null;
        }
        return old[random.Next(old.Count)].ProbeLine(Naming.Short(focus.Name), random);
    }
}

/// <summary>What a co-creating user means to plant in one session, drawn from the scene and the user alone so every turn
/// reads the same plan: when, what kind, which names. Names come from pools that fit the world's language.</summary>
internal sealed class CoCreationPlan
{
    private static readonly string[] FemaleEn =
        ["Lena", "Ilka", "Brenna", "Maud", "Solvei", "Tilde", "Agnete", "Rona", "Hedda", "Elsbet"];
    private static readonly string[] MaleEn =
        ["Bram", "Jorund", "Aksel", "Fenwick", "Osric", "Halvard", "Emmet", "Corwin", "Anders", "Piet"];
    private static readonly string[] SurnamesEn =
        ["Varro", "Tiller", "Eskeland", "Moorcroft", "Hesketh", "Brandt", "Lowry", "Strand", "Coldwell", "Ashby", "Dunmore", "Fairlie"];
    private static readonly string[] PlacesEn =
        ["Saltmere", "Haddon Reach", "Grey Ness", "Skellig Cove", "Oldwick", "Fenholm", "Brackwater"];
    private static readonly string[] ItemsEn =
        ["horn comb", "brass thimble", "pewter brooch", "tin whistle", "worn whetstone", "cedar box"];
    private static readonly string[] FemaleZh = ["晓雨", "若兰", "静怡", "秋月", "婉清", "素梅", "映雪", "兰芝"];
    private static readonly string[] MaleZh = ["志远", "海生", "明辉", "长青", "景行", "伯年", "子衡", "松涛"];
    private static readonly string[] SurnamesZh = ["沈", "顾", "苏", "叶", "韩", "秦", "萧", "蒋"];
    private static readonly string[] PlacesZh = ["白沙渡", "青石镇", "柳溪村", "南湾", "望海岭", "芦花洲", "鹤鸣坡"];
    private static readonly string[] ItemsZh = ["牛角梳", "铜顶针", "锡胸针", "锡哨子", "磨刀石", "樟木匣"];

    private static readonly (int Minutes, string English, string Chinese)[] Distances =
    [
        (2880, "two days up the coast", "沿着海岸往北要走两天"),
        (1440, "a day's walk inland", "往内陆走要一天"),
        (720, "half a day along the cliff road", "顺着崖边的路走半天"),
        (4320, "three days south by the coast road", "沿海路往南要三天"),
    ];

    public enum Kind
    {
        RelativeAway,
        RelativeNearby,
        FriendAway,
        Debtor,
        Keepsake,
        LeftBehind,
    }

    private static readonly Kind[] Order =
    [
        Kind.RelativeAway, Kind.RelativeNearby, Kind.Keepsake, Kind.FriendAway, Kind.Debtor, Kind.RelativeNearby, Kind.LeftBehind,
        Kind.RelativeAway, Kind.RelativeNearby, Kind.FriendAway, Kind.Keepsake, Kind.RelativeAway, Kind.RelativeNearby, Kind.RelativeAway,
    ];

    /// <summary>The session's plantings, in turn order.</summary>
    public ImmutableArray<Planting> Plantings { get; }

    private CoCreationPlan(ImmutableArray<Planting> plantings) => Plantings = plantings;

    /// <summary>The plan of the user whose perspective is <paramref name="p"/>: the same at every turn of its scene.</summary>
    public static CoCreationPlan For(Perspective p, bool chinese)
    {
        var seed = StableSeed.Of(p.Cue.SceneId, p.Self.Value, "co-creator");
        var random = new Random(seed);
        var suffix = ((uint)seed % 46656).ToString("x", System.Globalization.CultureInfo.InvariantCulture);
        var shift = random.Next(Order.Length);
        var female = Shuffled(chinese ? FemaleZh : FemaleEn, random);
        var male = Shuffled(chinese ? MaleZh : MaleEn, random);
        var surnames = Shuffled(chinese ? SurnamesZh : SurnamesEn, random);
        var places = Shuffled(chinese ? PlacesZh : PlacesEn, random);
        var items = Shuffled(chinese ? ItemsZh : ItemsEn, random);
        var kin = Kin.All.Where(k => k.Type != "friend").ToArray();
        var friend = Kin.All.Single(k => k.Type == "friend");
        var (f, m, s, pl, it) = (0, 0, 0, 0, 0);
        var plantings = ImmutableArray.CreateBuilder<Planting>();
        for (var k = 0; k < Order.Length; k++)
        {
            // Most plantings come in the first 150 turns; the last two come later, so a long session keeps growing.
            var turn = k < 12 ? 5 + (12 * k) + random.Next(4) : 240 + (160 * (k - 12)) + random.Next(10);
            var kind = Order[(k + shift) % Order.Length];
            var relation = kind is Kind.FriendAway ? friend : kind is Kind.Debtor ? null : kin[random.Next(kin.Length)];
            var isFemale = relation?.Gender == Gender.Female || (relation is null && random.Next(2) == 0);
            var given = isFemale ? female[f++ % female.Length] : male[m++ % male.Length];
            var surname = surnames[s++ % surnames.Length];
            var person = chinese ? surname + given : $"{given} {surname}";
            var (placeName, item) = (places[pl % places.Length], items[it % items.Length]);
            if (kind is Kind.RelativeAway or Kind.FriendAway)
            {
                pl++;
            }
            if (kind is Kind.Keepsake or Kind.LeftBehind)
            {
                it++;
            }
            var distance = Distances[random.Next(Distances.Length)];
            string Id(string name, string tag) => chinese ? $"{tag}-{suffix}-{k}" : $"{Slug(name)}-{suffix}";
            plantings.Add(new Planting(turn, kind, relation, isFemale ? Gender.Female : Gender.Male, person, Id(person, "person"),
                placeName, Id(placeName, "place"), distance.Minutes, chinese ? distance.Chinese : distance.English, item,
                Id(item, "item"), chinese, k % 2 == 0));
        }
        return new CoCreationPlan(plantings.ToImmutable());
    }

    private static string[] Shuffled(string[] pool, Random random) => [.. pool.OrderBy(_ => random.Next())];

    private static string Slug(string name) =>
        string.Join('-', name.ToLowerInvariant().Split([' ', '\''], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>One thing the user plants at <see cref="Turn"/>, and how it later asks about it.</summary>
    internal sealed record Planting(
        int Turn, Kind What, Kin? Relation, Gender Gender, string Person, string PersonId, string NewPlace, string NewPlaceId,
        int Minutes, string Distance, string Item, string ItemId, bool Chinese, bool WithFact)
    {
        /// <summary>The entity the user later asks about.</summary>
        public string SubjectId => What is Kind.Keepsake or Kind.LeftBehind ? ItemId : PersonId;

        private string Him => Gender == Gender.Female ? "her" : "him";

        private string He => Chinese ? (Gender == Gender.Female ? "她" : "他") : Gender == Gender.Female ? "she" : "he";

        /// <summary>The proposals and the line that plant this in <paramref name="p"/>'s world, or null when the perspective
        /// holds nothing it could stand on (no other place to name) or already shows the names.</summary>
        public (string Line, ImmutableArray<Proposal> Proposals)? Plant(Perspective p)
        {
            if (Kinship.Knows(Person, p) || Kinship.Knows(NewPlace, p) || Kinship.Knows(Item, p))
            {
                return null;
            }
            var self = p.Self;
            var exits = PerspectiveReading.Exits(p).Where(e => e.To != p.Cue.ScenePlace).ToList();
            var elsewhere = exits.Count == 0 ? null : exits[(Turn + Person.Length) % exits.Count];
            Proposal Of(WorldChange change) => Proposal.Of(self, change);
            EntityCreated PersonAt(EntityId place, string description) =>
                new(new EntityId(PersonId), EntityKind.Character, Person, [], description, place, null, EntityStatus.Alive);
            var proposals = ImmutableArray.CreateBuilder<Proposal>();
            string line;
            switch (What)
            {
                case Kind.RelativeAway or Kind.FriendAway:
                    var anchor = elsewhere?.To ?? p.Place.Id;
                    var kin = Relation!;
                    proposals.Add(Of(new EntityCreated(new EntityId(NewPlaceId), EntityKind.Place, NewPlace, [],
                        Chinese ? $"{NewPlace}，{Distance}的地方。" : $"{NewPlace}, {Distance} from here.", null, null,
                        EntityStatus.Alive)));
                    proposals.Add(Of(new PathOpened(anchor, new EntityId(NewPlaceId), Minutes)));
                    proposals.Add(Of(PersonAt(new EntityId(NewPlaceId), Chinese
                        ? $"{p.Persona.Name}的{kin.Chinese}，住在{NewPlace}。"
                        : $"{p.Persona.Name}'s {kin.English}, who lives in {NewPlace}.")));
                    proposals.Add(Of(Tie(kin, self)));
                    line = Chinese
                        ? $"我{kin.Chinese}{Person}住在{NewPlace}，{Distance}。"
                        : $"My {kin.English} {Person} lives in {NewPlace}, {Distance}.";
                    break;
                case Kind.RelativeNearby when elsewhere is not null:
                    proposals.Add(Of(PersonAt(elsewhere.To, Chinese
                        ? $"{p.Persona.Name}的{Relation!.Chinese}。"
                        : $"{p.Persona.Name}'s {Relation!.English}.")));
                    proposals.Add(Of(Tie(Relation, self)));
                    line = Chinese
                        ? $"我{Relation.Chinese}{Person}今天在{elsewhere.Name}，{He}是搭早班船来的。"
                        : $"My {Relation.English} {Person} is over at {Naming.Definite(elsewhere.Name)} today; {He} came in on " +
                            "the morning boat.";
                    break;
                case Kind.Debtor when elsewhere is not null:
                    proposals.Add(Of(PersonAt(elsewhere.To, Chinese ? $"欠{p.Persona.Name}钱的人。" : $"Owes {p.Persona.Name} money.")));
                    proposals.Add(Of(new RelationshipChanged(new EntityId(PersonId), self, "owes", -0.4)));
                    proposals.Add(Of(new FactAsserted($"{PersonId}-debt", new EntityId(PersonId), "owes",
                        Chinese ? "十二块银子" : "twelve pieces of silver")));
                    line = Chinese
                        ? $"{Person}还欠我十二块银子，我听说{He}在{elsewhere.Name}。"
                        : $"{Person} still owes me twelve pieces of silver; last I heard {He} was at {Naming.Definite(elsewhere.Name)}.";
                    break;
                case Kind.Keepsake:
                    proposals.Add(Of(new EntityCreated(new EntityId(ItemId), EntityKind.Item, Item, [],
                        Chinese ? $"{p.Persona.Name}祖母留下的{Item}。" : $"A {Item} that belonged to {p.Persona.Name}'s grandmother.",
                        null, self, EntityStatus.Alive)));
                    line = Chinese
                        ? $"这把{Item}是我祖母留下的，我走到哪儿都带着。"
                        : $"This {Item} was my grandmother's; I never go anywhere without it.";
                    break;
                case Kind.LeftBehind when elsewhere is not null:
                    proposals.Add(Of(new EntityCreated(new EntityId(ItemId), EntityKind.Item, Item, [],
                        Chinese ? $"{p.Persona.Name}落下的{Item}。" : $"A {Item} {p.Persona.Name} left behind.", elsewhere.To, null,
                        EntityStatus.Alive)));
                    line = Chinese
                        ? $"我把{Item}落在{elsewhere.Name}了，天黑前得去取回来。"
                        : $"I left my {Item} at {Naming.Definite(elsewhere.Name)}; I must fetch it before dark.";
                    break;
                default:
                    return null;
            }
            if (WithFact && What is Kind.RelativeAway or Kind.RelativeNearby)
            {
                proposals.Add(Of(new FactAsserted($"{PersonId}-trade", new EntityId(PersonId), "works as",
                    Chinese ? "补网匠" : "a net-mender")));
            }
            return (line, proposals.ToImmutable());
        }

        // The relative is the tie's From, as TieWords reads it: "Lena -sister-> Wren" makes Lena Wren's sister.
        private RelationshipChanged Tie(Kin kin, EntityId self) => kin.Type == "friend"
            ? new RelationshipChanged(self, new EntityId(PersonId), "friend", 0.7)
            : new RelationshipChanged(new EntityId(PersonId), self, kin.Type, 0.8);

        /// <summary>A question to <paramref name="listener"/> about this planting, naming it as the user made it.</summary>
        public string ProbeLine(string listener, Random random)
        {
            var first = Chinese ? Person : Person.Split(' ')[0];
            string[] lines = (What, Chinese) switch
            {
                (Kind.Keepsake or Kind.LeftBehind, false) =>
                    [$"{listener}, have you seen my {Item}?", $"{listener}, do you remember my {Item}? I keep thinking about it."],
                (Kind.Keepsake or Kind.LeftBehind, true) => [$"{listener}，你看见我的{Item}了吗？", $"{listener}，你还记得我的{Item}吗？"],
                (Kind.Debtor, false) =>
                    [$"{listener}, has {Person} paid what {He} owes me yet?", $"{listener}, do you know where {Person} is these days?"],
                (Kind.Debtor, true) => [$"{listener}，{Person}还钱了吗？", $"{listener}，你知道{Person}最近在哪儿吗？"],
                (_, false) =>
                [
                    $"{listener}, have you heard from my {Relation!.English} {first}?",
                    $"{listener}, do you know where {Person} is these days?",
                    $"{listener}, if you see {first}, tell {Him} I asked after {Him}.",
                ],
                (_, true) =>
                [
                    $"{listener}，你最近有我{Relation!.Chinese}{Person}的消息吗？",
                    $"{listener}，你知道{Person}现在在哪儿吗？",
                ],
            };
            return lines[random.Next(lines.Length)];
        }
    }
}
