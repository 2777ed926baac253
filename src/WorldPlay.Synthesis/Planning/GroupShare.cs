namespace WorldPlay.Synthesis.Planning;

/// <summary>One group of a distribution: how many scenarios (or drawn jobs) it holds and its share of all.</summary>
public sealed record GroupShare(string Group, int Count, double Share);
