using WorldPlay.Core;
using WorldPlay.Core.Minds;

namespace WorldPlay.Minds.Llm;

/// <summary>The entities a perspective shows, by id and by name, so a model's reference can be read as an id: <c>mira</c>,
/// <c>[mira]</c>, <c>Mira</c> and <c>Mira Haskel</c> all mean <c>mira</c> when the perspective lists her. An id the perspective
/// does not show is kept as written (the world's laws refuse it with a reason the character hears next turn).</summary>
internal sealed class NamesInView
{
    private readonly Dictionary<string, EntityId> _byName = new(StringComparer.OrdinalIgnoreCase);

    public NamesInView(Perspective perspective)
    {
        Add(perspective.Persona.Id, perspective.Persona.Name);
        Add(perspective.Place.Id, perspective.Place.Name);
        foreach (var exit in perspective.Place.Exits.OrEmpty())
        {
            Add(exit.To, exit.Name);
        }
        foreach (var who in perspective.Present.OrEmpty())
        {
            Add(who.Id, who.Name);
        }
        foreach (var item in perspective.Items.OrEmpty())
        {
            Add(item.Id, item.Name);
        }
        foreach (var tie in perspective.Relationships.OrEmpty())
        {
            Add(tie.From, tie.FromName);
            Add(tie.To, tie.ToName);
        }
        foreach (var fact in perspective.Facts.OrEmpty())
        {
            Add(fact.Subject, fact.SubjectName);
        }
    }

    /// <summary>The id <paramref name="reference"/> stands for, or null when it is neither a listed name nor an id.</summary>
    public EntityId? Resolve(string reference)
    {
        var text = reference.Trim().Trim('[', ']', '"', '\'', '@', '`').Trim();
        if (EntityId.IsSlug(text))
        {
            return new EntityId(text);
        }
        if (_byName.TryGetValue(text, out var named))
        {
            return named;
        }
        var lower = text.ToLowerInvariant();
        return EntityId.IsSlug(lower) ? new EntityId(lower) : (EntityId?)null;
    }

    private void Add(EntityId id, string name)
    {
        if (id == default)
        {
            return;
        }
        _byName.TryAdd(name, id);
        _byName.TryAdd(id.Value, id);
    }
}
