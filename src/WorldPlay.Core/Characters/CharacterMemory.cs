using System.Collections.Immutable;
using System.Text.Json.Serialization;
using MessagePack;
using WorldPlay.Core.Scenes;

namespace WorldPlay.Core.Characters;

/// <summary>A character's own memory: only the events it witnessed. Recent events are kept verbatim; older ones fold into a
/// rolling summary of bounded length, so a character's memory does not grow with the session.
/// <see cref="Witnessed"/> holds the event numbers of the <see cref="Recent"/> window (the last one tells which events were
/// taken in already); records written before it was bounded held every number, and are trimmed on their next event.</summary>
[MessagePackObject]
public sealed record CharacterMemory(
    [property: Key(0)] EntityId Self,
    [property: Key(1)] ImmutableArray<WorldEvent> Recent,
    [property: Key(2)] ImmutableArray<string> Summary,
    [property: Key(3)] ImmutableList<long> Witnessed,
    [property: Key(4)] ImmutableSortedDictionary<EntityId, Impression> Impressions,
    [property: Key(5)] Mood Mood,
    [property: Key(6)] ImmutableSortedDictionary<EntityId, string> Names)
{
    /// <summary>How many witnessed events stay verbatim.</summary>
    public const int RecentWindow = 12;

    /// <summary>How many summary lines are kept.</summary>
    public const int SummaryWindow = 8;

    public static CharacterMemory Empty(EntityId self, IReadOnlyDictionary<EntityId, string> names) =>
        new(self, [], [], [], ImmutableSortedDictionary<EntityId, Impression>.Empty, Mood.Calm, names.ToImmutableSortedDictionary());

    /// <summary>The memory after witnessing <paramref name="events"/>. Events the character did not witness are ignored:
    /// a character never learns what it did not perceive.</summary>
    public CharacterMemory Witness(IEnumerable<WorldEvent> events)
    {
        var recent = Recent.ToBuilder();
        var summary = Summary.ToBuilder();
        var witnessed = Witnessed.ToBuilder();
        var impressions = Impressions.ToBuilder();
        var mood = Mood;
        foreach (var e in events)
        {
            if (!e.WitnessedBy(Self) || (witnessed.Count > 0 && witnessed[^1] >= e.Seq))
            {
                continue;
            }
            witnessed.Add(e.Seq);
            recent.Add(e);
            if (recent.Count > RecentWindow)
            {
                var old = recent[0];
                recent.RemoveAt(0);
                summary.Add(Summarize(old));
                if (summary.Count > SummaryWindow)
                {
                    summary.RemoveAt(0);
                }
            }
            if (e.Actor != Self)
            {
                var seen = impressions.TryGetValue(e.Actor, out var i) ? i : Impression.None;
                impressions[e.Actor] = seen with { LastSeenAt = Destination(e) ?? e.Place, LastSeenTurn = e.Turn };
            }
            mood = mood.After(e, Self);
        }
        if (witnessed.Count > RecentWindow)
        {
            witnessed.RemoveRange(0, witnessed.Count - RecentWindow);
        }
        return this with
        {
            Recent = recent.ToImmutable(),
            Summary = summary.ToImmutable(),
            Witnessed = witnessed.ToImmutable(),
            Impressions = impressions.ToImmutable(),
            Mood = mood,
        };
    }

    /// <summary>The lines this character heard most recently, oldest first.</summary>
    [IgnoreMember, JsonIgnore]
    public IEnumerable<WorldEvent> RecentSpeech => Recent.Where(e => e.Change is Spoke);

    public string NameOf(EntityId id) => Names.TryGetValue(id, out var n) ? n : id.Value;

    private static EntityId? Destination(WorldEvent e) => e.Change switch
    {
        Moved m => m.To,
        Travelled t => t.To,
        _ => (EntityId?)null,
    };

    private string Summarize(WorldEvent e) => $"(turn {e.Turn}) {EventText.Describe(e, NameOf)}";
}

/// <summary>A character's view of someone else: where and when it last saw them.</summary>
[MessagePackObject]
public sealed record Impression(
    [property: Key(0)] EntityId? LastSeenAt,
    [property: Key(1)] int LastSeenTurn)
{
    public static readonly Impression None = new(null, 0);
}

/// <summary>A character's mood: valence (unhappy..happy) and arousal (calm..agitated), both in [-1, 1].</summary>
[MessagePackObject]
public sealed record Mood([property: Key(0)] double Valence, [property: Key(1)] double Arousal)
{
    public static readonly Mood Calm = new(0, 0);

    /// <summary>The mood after witnessing <paramref name="e"/>: changes toward oneself move it; everything else lets it settle.</summary>
    public Mood After(WorldEvent e, EntityId self)
    {
        var (dv, da) = e.Change switch
        {
            RelationshipChanged r when r.To == self => (r.Strength * 0.3, Math.Abs(r.Strength) * 0.2),
            Gave g when g.To == self => (0.15, 0.05),
            StatusChanged { Status: EntityStatus.Dead } => (-0.4, 0.4),
            FactAsserted => (0, 0.1),
            _ => (0.0, 0.0),
        };
        return new Mood(Math.Clamp(Valence * 0.95 + dv, -1, 1), Math.Clamp(Arousal * 0.9 + da, -1, 1));
    }

    /// <summary>A word for the mood, for prompts and voices.</summary>
    [IgnoreMember, JsonIgnore]
    public string Word => (Valence, Arousal) switch
    {
        ( > 0.3, > 0.3) => "elated",
        ( > 0.3, _) => "warm",
        ( < -0.3, > 0.3) => "angry",
        ( < -0.3, _) => "low",
        (_, > 0.3) => "tense",
        _ => "calm",
    };
}
