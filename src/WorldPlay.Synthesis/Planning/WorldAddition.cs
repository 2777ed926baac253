namespace WorldPlay.Synthesis.Planning;

/// <summary>One piece of world-file content prompt enrichment wrote into a skeletal scenario's world: its kind
/// (<c>position</c>, <c>hook</c>, <c>place</c>, <c>relationship</c>, <c>item</c>), the id it got in the file, and what it says.</summary>
public sealed record WorldAddition(string Kind, string Id, string Text);
