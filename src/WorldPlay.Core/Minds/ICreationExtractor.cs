using System.Collections.Immutable;

namespace WorldPlay.Core.Minds;

/// <summary>A mind that can read what a person's free-text line creates or declares ("Lena, my sister, lives in Vask") and
/// propose it, with the person as the actor, for the world's laws to judge like any other proposal. Only minds backed by a
/// language model extract; nothing enters the world that the model did not propose.</summary>
public interface ICreationExtractor
{
    /// <summary>The proposals the line backs (none when it creates nothing or the reply cannot be read) and what asking cost.
    /// Throws <see cref="OperationCanceledException"/> when cancelled; an endpoint that cannot answer yields no proposals.</summary>
    Task<Extraction> ExtractAsync(CreationRequest request, CancellationToken cancellationToken);
}

/// <summary>What an extractor was given: the line, who said it where, the world's language, and the entities the speaker knows
/// (so a name already in the world is referred to, not created again).</summary>
public sealed record CreationRequest(
    EntityId Speaker,
    string SpeakerName,
    string Text,
    string Language,
    EntityId Place,
    string PlaceName,
    ImmutableArray<KnownEntity> Known)
{
    /// <summary>The most entities shown to the extractor, so the request does not grow with the world.</summary>
    public const int MaxKnown = 80;

    /// <summary>The request for <paramref name="text"/> said by <paramref name="speaker"/> at <paramref name="place"/> in
    /// <paramref name="state"/>: the entities the speaker knows, those nearest to the speaker first (the place, the speaker's
    /// ties, who and what is here, then places, then the rest), at most <see cref="MaxKnown"/>.</summary>
    public static CreationRequest Of(WorldState state, EntityId speaker, EntityId place, string text)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(text);
        var tied = state.RelationshipsOf(speaker).SelectMany(r => new[] { r.From, r.To }).ToHashSet();
        int Nearness(Entity e) =>
            e.Id == place ? 0
            : tied.Contains(e.Id) ? 1
            : state.WhereIs(e.Id) == place ? 2
            : e.Kind == EntityKind.Place ? 3
            : 4;
        var known = state.Entities.Values
            .Where(e => e.Id != speaker && e.IsKnownBy(speaker))
            .OrderBy(Nearness)
            .ThenBy(e => e.Id)
            .Take(MaxKnown)
            .Select(e => new KnownEntity(e.Id, e.Kind, e.Name))
            .ToImmutableArray();
        return new CreationRequest(speaker, state.Find(speaker)?.Name ?? speaker.Value, text, state.Setting.Language, place,
            state.Find(place)?.Name ?? place.Value, known);
    }
}

/// <summary>An entity as an extractor sees it: its id, kind and name.</summary>
public sealed record KnownEntity(EntityId Id, EntityKind Kind, string Name);

/// <summary>What an extraction proposes (actor: the speaker) and what it cost; <see cref="MindUsage.ParseFailures"/> counts a
/// reply that could not be read.</summary>
public sealed record Extraction(ImmutableArray<Proposal> Proposals, MindUsage Usage);
