using System.Collections.Immutable;
using MessagePack;
using WorldPlay.Core.Minds;

namespace WorldPlay.Core.Scenes;

/// <summary>Whose turn is next.</summary>
public enum NextUpKind
{
    /// <summary>Nobody can act: no one of the cast or the user is at the scene's place.</summary>
    Nobody,
    User,
    Character,
    /// <summary>A cast member away from the scene's place takes a step back toward it.</summary>
    Offstage,
}

public readonly record struct NextUp(NextUpKind Kind, EntityId? Who);

/// <summary>Who walked in to the scene's place and who walked out of it during one turn.</summary>
public sealed record Presence(ImmutableArray<EntityId> Arrived, ImmutableArray<EntityId> Departed)
{
    /// <summary>The difference between those present <paramref name="before"/> and <paramref name="after"/>, in their order.</summary>
    public static Presence Between(IReadOnlyCollection<EntityId> before, IReadOnlyCollection<EntityId> after) =>
        new([.. after.Where(a => !before.Contains(a))], [.. before.Where(b => !after.Contains(b))]);
}

/// <summary>The pure state of a scene between turns: who is present, who spoke since the user, who was addressed,
/// how tense it is and how long since the world last changed. The cast follows presence: a character who walks in joins it
/// (<see cref="Joined"/>) and leaves it again on walking out, while the designer's cast and added participants stay and, when away,
/// step back. The scene grain stores it and calls <see cref="Next"/> and <see cref="After"/>; everything here is deterministic for a
/// seed.</summary>
[MessagePackObject]
public sealed record SceneProgress(
    [property: Key(0)] SceneSpec Spec,
    [property: Key(1)] ImmutableArray<EntityId> Cast,
    [property: Key(2)] TurnTakingPolicy Policy,
    [property: Key(3)] int Seed,
    [property: Key(4)] int Turn,
    [property: Key(5)] ImmutableArray<EntityId> Present,
    [property: Key(6)] ImmutableSortedSet<EntityId> SpokeSinceUser,
    [property: Key(7)] EntityId? LastSpeaker,
    [property: Key(8)] HeardLine? LastLine,
    [property: Key(9)] ImmutableArray<EntityId> Addressed,
    [property: Key(10)] int RepliesUntilUser,
    [property: Key(11)] double Tension,
    [property: Key(12)] int TurnsSinceChange,
    [property: Key(13)] ImmutableSortedDictionary<EntityId, ImmutableArray<string>> Refused,
    [property: Key(14)] ImmutableSortedDictionary<EntityId, double> Talkativeness,
    [property: Key(15)] ImmutableSortedSet<EntityId>? Joined = null,
    [property: Key(16)] Alternation Alternation = Alternation.Ensemble)
{
    /// <summary>Turns without any change to the world before the scene asks for escalation.</summary>
    public const int StagnationTurns = 5;

    /// <summary>Tension above which the scene asks to slow down.</summary>
    public const double HighTension = 0.75;

    /// <summary>A scene before its first turn. The cast is the characters the scene's minds play: the user is not one of them,
    /// even when the scene lists it among the cast. With <see cref="Alternation.Strict"/> the characters have the floor first.</summary>
    public static SceneProgress Open(SceneSpec spec, TurnTakingPolicy policy, int seed, IReadOnlyDictionary<EntityId, double> talkativeness,
        IEnumerable<EntityId> present, Alternation alternation = Alternation.Ensemble) =>
        new(spec, [.. spec.Cast.Where(c => c != spec.User)], policy, seed, 0, [.. present], [], null, null, [],
            alternation == Alternation.Strict ? 1 : 0, 0.2, 0,
            ImmutableSortedDictionary<EntityId, ImmutableArray<string>>.Empty, talkativeness.ToImmutableSortedDictionary(), null,
            alternation);

    [IgnoreMember]
    public EntityId? User => Spec.User;

    [IgnoreMember]
    public Pacing Pacing => TurnsSinceChange >= StagnationTurns ? Pacing.Escalate : Tension > HighTension ? Pacing.SlowDown : Pacing.Steady;

    /// <summary>Cast members at the scene's place, in cast order.</summary>
    [IgnoreMember]
    public ImmutableArray<EntityId> CastPresent => [.. Cast.Where(Present.Contains)];

    /// <summary>The turn of <paramref name="speaker"/>, named by the caller. Only a cast member at the scene's place may speak; anyone
    /// else (the user, a character away or unknown) is refused with an <see cref="ArgumentException"/> naming who can.</summary>
    public NextUp Directed(EntityId speaker, Func<EntityId, string> name)
    {
        var onStage = CastPresent;
        if (onStage.Contains(speaker))
        {
            return new NextUp(NextUpKind.Character, speaker);
        }
        var why = speaker == User ? "is the user, who speaks through Say"
            : Cast.Contains(speaker) || Present.Contains(speaker) ? "is not here to speak"
            : "is not a character of this scene";
        var who = onStage.Length == 0 ? "nobody is here" : string.Join(", ", onStage.Select(c => $"{c} ({name(c)})"));
        throw new ArgumentException(
            $"'{speaker}' cannot speak next in scene '{Spec.Id}': {speaker} {why}; who can speak: {who}.", nameof(speaker));
    }

    /// <summary>The cast after <paramref name="presence"/>: a character of <paramref name="joinable"/> (those with a persona, and their
    /// talkativeness) who walked in joins, and one who joined that way and walked out leaves.</summary>
    public SceneProgress Following(Presence presence, IReadOnlyDictionary<EntityId, double> joinable)
    {
        var joined = Joined ?? [];
        var joins = presence.Arrived.Where(a => a != User && !Cast.Contains(a) && joinable.ContainsKey(a)).ToList();
        var leaves = presence.Departed.Where(joined.Contains).ToList();
        if (joins.Count == 0 && leaves.Count == 0)
        {
            return this;
        }
        return this with
        {
            Cast = [.. Cast.Where(c => !leaves.Contains(c)), .. joins],
            Joined = joined.Except(leaves).Union(joins),
            Talkativeness = Talkativeness.SetItems(joins.Select(j => KeyValuePair.Create(j, joinable[j]))),
        };
    }

    /// <summary>Who acts next. With <paramref name="userPlays"/> false the user's turns are skipped (a person speaks through the scene's
    /// Say).</summary>
    public NextUp Next(bool userPlays)
    {
        var random = new Random(StableSeed.Of(Seed, Turn, "next"));
        var onStage = CastPresent;
        var away = Cast.Where(c => !Present.Contains(c)).ToList();
        var userHere = User is { } u && Present.Contains(u);
        if (Alternation == Alternation.Strict && userPlays && User is { } user && RepliesUntilUser <= 0)
        {
            // The user's turn is the user's wherever the user is: away, it is a step back, as for a character.
            return new NextUp(userHere ? NextUpKind.User : NextUpKind.Offstage, user);
        }
        // With none of the cast on stage, the user and those away take turns, so someone away gets the chance to come back.
        var castAwayWhileUserWaits = onStage.Length == 0 && away.Count > 0 && LastSpeaker == User;
        if (userPlays && userHere && (RepliesUntilUser <= 0 || onStage.Length == 0) && !castAwayWhileUserWaits)
        {
            return new NextUp(NextUpKind.User, User);
        }
        if (away.Count > 0 && (onStage.Length < 2 || random.NextDouble() < 0.3))
        {
            return new NextUp(NextUpKind.Offstage, away[Turn % away.Count]);
        }
        var speaker = TurnTaking.Next(Policy, onStage, Addressed, SpokeSinceUser, LastSpeaker, Talkativeness, Turn, random);
        return speaker is { } s ? new NextUp(NextUpKind.Character, s) : new NextUp(NextUpKind.Nobody, null);
    }

    /// <summary>What the scene tells <paramref name="who"/> for the coming turn.</summary>
    public SceneCue CueFor(EntityId who, bool offstage, string placeName) => new(
        Spec.Id,
        Spec.Place,
        placeName,
        offstage,
        Pacing,
        Spec.Objectives,
        LastLine is { } line && line.Speaker != who ? line : null,
        Refused.TryGetValue(who, out var refused) ? refused : [],
        StableSeed.Of(Seed, Turn + 1, who.Value),
        Alternation);

    /// <summary>The progress after <paramref name="record"/>, with <paramref name="presentAfter"/> at the scene's place.</summary>
    /// <param name="candidates">Entities whose names count as addressing them when spoken.</param>
    public SceneProgress After(TurnRecord record, ImmutableArray<EntityId> presentAfter, IEnumerable<Entity> candidates)
    {
        var spoke = record.Accepted.FirstOrDefault(e => e.Change is Spoke);
        var changed = record.Accepted.Any(e => e.Change is not Spoke);
        var tension = Tension * 0.92 + record.Accepted.Sum(TensionOf) + 0.05 * record.Rejected.Length;
        var next = this with
        {
            Turn = record.Turn,
            Present = presentAfter,
            LastSpeaker = record.Role == TurnRole.Narrator ? LastSpeaker : record.Speaker,
            Tension = Math.Clamp(tension, 0, 1),
            TurnsSinceChange = changed ? 0 : TurnsSinceChange + 1,
            Refused = Refused.SetItem(record.Speaker, [.. record.Rejected.Select(r => r.Reason)]),
        };
        var strict = Alternation == Alternation.Strict;
        if (strict && record.Role != TurnRole.Narrator)
        {
            // Every turn passes the floor, a silent one too: one character turn for each user turn.
            next = next with { RepliesUntilUser = record.Role == TurnRole.User ? 1 : 0 };
        }
        if (spoke is null)
        {
            return next;
        }
        var text = ((Spoke)spoke.Change).Text;
        var line = new HeardLine(spoke.Seq, spoke.Turn, record.Speaker, record.SpeakerName, text, ((Spoke)spoke.Change).Addressees);
        var addressed = TurnTaking.AddressedBy(text, line.Addressees, candidates)
            .Where(a => a != record.Speaker && Cast.Contains(a))
            .ToImmutableArray();
        if (record.Role == TurnRole.User)
        {
            var random = new Random(StableSeed.Of(Seed, record.Turn, "replies"));
            var replies = Math.Min(3, 1 + random.Next(2) + (addressed.Length > 1 ? 1 : 0));
            return next with
            {
                LastLine = line, SpokeSinceUser = [], Addressed = addressed,
                RepliesUntilUser = strict ? next.RepliesUntilUser : replies,
            };
        }
        return next with
        {
            LastLine = line,
            SpokeSinceUser = SpokeSinceUser.Add(record.Speaker),
            Addressed = [.. addressed, .. Addressed.Where(a => a != record.Speaker && !addressed.Contains(a))],
            RepliesUntilUser = strict ? next.RepliesUntilUser : RepliesUntilUser - 1,
        };
    }

    private static double TensionOf(WorldEvent e) => e.Change switch
    {
        RelationshipChanged r => 0.08 + Math.Max(0, -r.Strength) * 0.1,
        FactAsserted => 0.1,
        StatusChanged => 0.3,
        Gave or Took => 0.03,
        _ => 0,
    };
}
