namespace WorldPlay.Core.Laws;

/// <summary>A relationship's strength stays within [-1, 1].</summary>
public sealed class RelationshipStrengthBounds : Law
{
    public override string Kind => "relationship-strength-bounds";

    public override string? Judge(WorldState state, WorldEvent proposed, EntityId? scenePlace) =>
        proposed.Change is RelationshipChanged r && !InBounds(r.Strength)
            ? $"Strength {r.Strength} of {NameOf(state, r.From)}'s '{r.Type}' toward {NameOf(state, r.To)} is outside [-1, 1]."
            : null;

    public override IEnumerable<string> Audit(WorldState state) =>
        state.Relationships.Values
            .Where(r => !InBounds(r.Strength))
            .Select(r => $"Strength {r.Strength} of '{r.Key}' is outside [-1, 1].");

    private static bool InBounds(double s) => double.IsFinite(s) && s is >= -1 and <= 1;
}
