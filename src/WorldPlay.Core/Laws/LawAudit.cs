using System.Collections.Immutable;

namespace WorldPlay.Core.Laws;

/// <summary>A re-check of a whole timeline: the final state against every law, and every committed event against the laws
/// as they stood before it (scene presence is not re-checked: the timeline does not record which scene an event was in).</summary>
public sealed record LawAudit(ImmutableArray<string> Violations, int RelationshipsChanged)
{
    public static LawAudit Of(Timeline timeline, LawBook laws)
    {
        var violations = ImmutableArray.CreateBuilder<string>();
        var state = timeline.Initial;
        var relationshipsChanged = 0;
        foreach (var e in timeline.Events)
        {
            if (laws.Judge(state, e, scenePlace: null) is { } refusal)
            {
                violations.Add($"event {e.Seq} ({e.Change.Kind}): {refusal.Law}: {refusal.Reason}");
            }
            if (e.Change is RelationshipChanged)
            {
                relationshipsChanged++;
            }
            state = state.Apply(e);
        }
        violations.AddRange(laws.Audit(timeline.Current));
        return new LawAudit(violations.ToImmutable(), relationshipsChanged);
    }
}
