using System.Collections.Immutable;

namespace WorldPlay.Synthesis.Preferences;

/// <summary>One line of a signal file (docs/preferences.md, "Signal file"): a choice between regenerated replies to one turn, with
/// where it was made, the context it answered, who made it, how the session went around it, and (after <c>prefs denoise</c>) how
/// much each of its pairs is worth.</summary>
/// <param name="Scenario">The scenario the session played (self-play) or the world's setting id.</param>
/// <param name="Root">The world family's root.</param>
/// <param name="Branch">The branch (world) the kept reply was played on.</param>
/// <param name="Scene">The scene the kept reply was played in; the session went on there.</param>
/// <param name="Session">The scene where the session ended (the furthest scene on the kept branch or grown from it).</param>
/// <param name="Turn">The regenerated turn.</param>
/// <param name="Speaker">The speaking character's name.</param>
/// <param name="Language">The setting's language tag (<c>en</c>, <c>zh</c>, ...).</param>
/// <param name="User">The user's character's name, when the scene has one.</param>
/// <param name="Group">The user group: the simulator profile (<c>slow-burn</c>, ...), or <c>person</c> when a person played.</param>
/// <param name="Prompt">The speaker and the last lines before the turn, as the world family recorded them.</param>
/// <param name="Context">The last lines before the turn, oldest first.</param>
/// <param name="Chosen">The reply kept.</param>
/// <param name="Rejected">The replies discarded.</param>
/// <param name="Regenerations">How many times the turn was regenerated.</param>
/// <param name="Pivot">True when the turn is a narrative pivot: the first reply or the user's line before it committed a change of
/// a pivot kind (<see cref="PivotEvents"/>).</param>
/// <param name="SessionSeconds">The session's estimated duration (<see cref="SessionClock"/>).</param>
/// <param name="SessionTurns">The session's length in turns.</param>
/// <param name="TurnsAfter">Turns played after the choice on the kept branch.</param>
/// <param name="Abandoned">True when the user never spoke again after the kept reply.</param>
/// <param name="Mind">The mind that wrote the kept reply.</param>
/// <param name="Denoise">How <c>prefs denoise</c> weighed the signal; null in a raw signal file.</param>
public sealed record ChoiceSignal(
    string Scenario,
    string Root,
    string Branch,
    string Scene,
    string Session,
    int Turn,
    string Speaker,
    string Language,
    string? User,
    string Group,
    string Prompt,
    ImmutableArray<SignalLine> Context,
    SignalReply Chosen,
    ImmutableArray<SignalReply> Rejected,
    int Regenerations,
    bool Pivot,
    ImmutableArray<string> PivotEvents,
    double SessionSeconds,
    int SessionTurns,
    int TurnsAfter,
    bool Abandoned,
    string Mind,
    SignalWeights? Denoise = null);

/// <summary>One candidate reply: its text, the branch and scene it was played on, and its place among the candidates as the user saw
/// them (0: the reply first shown, the one regenerated).</summary>
public sealed record SignalReply(string Text, string World, string Scene, int Position);

/// <summary>One line of context: its turn, speaker, role (<c>npc</c>, <c>user</c> or <c>narrator</c>) and text.</summary>
public sealed record SignalLine(int Turn, string Speaker, string Role, string Text);

/// <summary>What <c>prefs denoise</c> decided for a kept signal: the confidence from the session, the stratification factor per
/// rejected reply, and each pair's final weight (aligned with <see cref="ChoiceSignal.Rejected"/>).</summary>
public sealed record SignalWeights(double Confidence, ImmutableArray<double> Stratification, ImmutableArray<double> Weights);
