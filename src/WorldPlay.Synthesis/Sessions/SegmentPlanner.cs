using System.Collections.Immutable;
using WorldPlay.Core;
using WorldPlay.Evaluation.Scenarios;

namespace WorldPlay.Synthesis.Sessions;

/// <summary>Dynamic chat planning: for each segment of a round the planner draws, from the job's seed, the round and the
/// segment's first turn alone (so the same job always plans the same way), a direction and an emotional tone, and steers the
/// scene with what the scene already offers: a user-side planning agent says, at the user's turn, one line that brings new plot
/// in that direction, drawn from the world's own people, places, items and facts the user may know (a complication, a
/// revelation, a confrontation, a reconciliation or a respite), phrased as the accusation, question or thanks the characters'
/// minds read the tone from; and in an ensemble it may give one character two or three consecutive turns (named next speaker),
/// so the rhythm varies beyond the turn-taking's own.</summary>
public sealed class SegmentPlanner
{
    private static readonly (string Direction, string Tone)[] Directions =
    [
        ("complication", "urgent"), ("revelation", "tense"), ("confrontation", "tense"), ("reconciliation", "warm"),
        ("respite", "wistful"),
    ];

    private readonly Scenario _scenario;
    private readonly int _seed;
    private readonly bool _chinese;
    private readonly string _npc;
    private readonly ImmutableArray<string> _items;
    private readonly ImmutableArray<string> _places;
    private readonly ImmutableArray<string> _others;
    private readonly ImmutableArray<string> _facts;

    /// <summary>A planner for <paramref name="scenario"/> seeded by <paramref name="seed"/>.</summary>
    public SegmentPlanner(Scenario scenario, int seed)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        _scenario = scenario;
        _seed = seed;
        var world = scenario.World;
        _chinese = world.Setting.Language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        string NameOf(EntityId id) => world.Entities.FirstOrDefault(e => e.Id == id)?.Name ?? id.Value;
        _npc = Short(NameOf(scenario.Npc));
        _items = [.. world.Entities.Where(e => e.Kind == EntityKind.Item).Select(e => e.Name)];
        _places = [.. world.Entities.Where(e => e.Kind == EntityKind.Place).Select(e => e.Name)];
        _others = [.. world.Entities.Where(e => e.Kind == EntityKind.Character && e.Id != scenario.Npc && e.Id != scenario.User)
            .Select(e => Short(e.Name))];
        // Only what the user may know: a secret of a character's stays the character's to reveal.
        _facts = [.. world.Facts.Where(f => f.KnownBy.IsEmpty || f.KnownBy.Contains(scenario.User))
            .Select(f => $"{NameOf(f.Subject)} {f.Predicate} {f.Value}".Trim())];
    }

    /// <summary>The plan of the segment of round <paramref name="round"/> from turn <paramref name="from"/> to turn
    /// <paramref name="to"/>.</summary>
    public SegmentPlan Plan(int round, int from, int to)
    {
        var random = new Random(StableSeed.Of(_seed, "plan", round, from));
        var (direction, tone) = Directions[random.Next(Directions.Length)];
        var length = Math.Max(1, to - from + 1);
        var lineTurn = from + 1 + random.Next(Math.Max(1, length / 2));
        var line = Line(direction, random);
        var cast = _scenario.Scene.Cast.Where(c => c != _scenario.User).ToList();
        if (_scenario.Alternation == Core.Scenes.Alternation.Ensemble && cast.Count > 1 && random.NextDouble() < 0.5)
        {
            var speaker = cast[random.Next(cast.Count)];
            var runFrom = from + random.Next(Math.Max(1, length - 2));
            return new SegmentPlan(from, to, direction, tone, line, lineTurn, speaker, runFrom, 2 + random.Next(2));
        }
        return new SegmentPlan(from, to, direction, tone, line, lineTurn, null, 0, 0);
    }

    private string Line(string direction, Random random)
    {
        string Pick(ImmutableArray<string> pool, string fallback) => pool.IsEmpty ? fallback : pool[random.Next(pool.Length)];
        var item = Pick(_items, _chinese ? "那封信" : "the letter");
        var place = Pick(_places, _chinese ? "这里" : "this place");
        var other = Pick(_others, _chinese ? "那个陌生人" : "the stranger");
        var fact = Pick(_facts, _chinese ? $"{other}一直在打听你" : $"{other} has been asking about you");
        var npc = _npc;
        string[] lines = (direction, _chinese) switch
        {
            ("complication", false) =>
            [
                $"{npc}, {Definite(item)} is gone. Someone took it while we talked, and I think I saw who.",
                $"{npc}, there's trouble at {Definite(place)}: they say {other} never came back from there.",
            ],
            ("revelation", false) =>
            [
                $"{npc}, I have to tell you something I learned: {fact}. What does that mean for us?",
                $"I found out why {other} keeps away from {Definite(place)}, {npc}. Do you want to hear it?",
            ],
            ("confrontation", false) =>
            [
                $"You lied to me, {npc}, about {Definite(item)}. Why?",
                $"{npc}, you knew about {other} all along and said nothing. How could you?",
            ],
            ("reconciliation", false) =>
            [
                $"Thank you, {npc}. I was wrong about you, and about {other}.",
                $"{npc}, I'm sorry for before. Can we start again, here at {Definite(place)}?",
            ],
            ("respite", false) =>
            [
                $"Let's sit a moment, {npc}. Tell me about {Definite(place)}, how it was before all this?",
                $"{npc}, what do you remember of {other}, back when things were quiet?",
            ],
            ("complication", true) =>
            [
                $"{npc}，{item}不见了。我们说话的时候有人拿走了，我好像看见是谁了。",
                $"{npc}，{place}出事了：听说{other}去了那里就再没回来。",
            ],
            ("revelation", true) =>
            [
                $"{npc}，我得告诉你一件事：{fact}。这对我们意味着什么？",
                $"{npc}，我知道{other}为什么一直躲着{place}了。你想听吗？",
            ],
            ("confrontation", true) =>
            [
                $"{npc}，你骗了我，关于{item}的事。为什么？",
                $"{npc}，你早就知道{other}的事，却一句话也不说。你怎么能这样？",
            ],
            ("reconciliation", true) =>
            [
                $"谢谢你，{npc}。我错怪你了，也错看了{other}。",
                $"{npc}，之前是我不对。我们能不能在{place}重新开始？",
            ],
            _ when _chinese =>
            [
                $"{npc}，我们歇一会儿吧。跟我说说{place}，以前是什么样子？",
                $"{npc}，你还记得从前安静的时候，{other}是什么样的人吗？",
            ],
            _ =>
            [
                $"Let's sit a moment, {npc}. Tell me about {Definite(place)}, how it was before all this?",
                $"{npc}, what do you remember of {other}, back when things were quiet?",
            ],
        };
        return lines[random.Next(lines.Length)];
    }

    /// <summary>A first name for English, the whole name for Chinese (where a name is not split on spaces).</summary>
    private string Short(string name) => _chinese ? name : name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? name;

    private static string Definite(string name) =>
        name.StartsWith("the ", StringComparison.OrdinalIgnoreCase) || name.Length == 0 || char.IsUpper(name[0]) ? name : "the " + name;
}
