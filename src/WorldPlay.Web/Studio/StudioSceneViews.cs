using System.Collections.Immutable;
using WorldPlay.Core;

namespace WorldPlay.Web.Studio;

/// <summary>A world the caller created: its key, name, size and the scenes it declares (open one with
/// <c>POST /api/worlds/{key}/scenes</c>).</summary>
public sealed record StudioWorld(string Key, string Name, int Turn, int Entities, ImmutableArray<string> Scenes);

/// <summary>The alternatives of the last regenerated turn of scene <see cref="Origin"/>, the origin's own first; continue on one
/// with <c>POST /api/scenes/{key}/choose</c>.</summary>
public sealed record AlternativesView(string Origin, int Turn, ImmutableArray<AlternativeView> Candidates);

/// <summary>One candidate turn: the scene and world (a sibling branch) it was played on, and the turn.</summary>
public sealed record AlternativeView(string Scene, string World, TurnView Turn);

/// <summary>What a character remembers: the events it witnessed (the recent ones verbatim, older ones summarized), where it last
/// saw whom, and its mood.</summary>
public sealed record MemoryAnswer(
    string World, string Character, ImmutableArray<EventRef> Recent, ImmutableArray<string> Summary,
    ImmutableArray<ImpressionView> Impressions, MoodView Mood);

/// <summary>Where and at which turn the character last saw <see cref="Of"/>.</summary>
public sealed record ImpressionView(string Of, string Name, string? LastSeenAt, int LastSeenTurn);

/// <summary>A mood: valence (unhappy..happy) and arousal (calm..agitated) in [-1, 1], and a word for it.</summary>
public sealed record MoodView(double Valence, double Arousal, string Word);
