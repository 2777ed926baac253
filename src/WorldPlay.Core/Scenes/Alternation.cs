using System.Text.Json.Serialization;

namespace WorldPlay.Core.Scenes;

/// <summary>How the floor passes between the user and the characters of a scene.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Alternation>))]
public enum Alternation
{
    /// <summary>The ensemble's pacing: the user opens, and the characters reply one to three times between the user's turns.</summary>
    Ensemble,
    /// <summary>Strict turns, as one-to-one role-play benchmarks play them: the characters open, then exactly one character turn
    /// follows every user turn and one user turn every character turn, whether or not the turn said anything.</summary>
    Strict,
}
