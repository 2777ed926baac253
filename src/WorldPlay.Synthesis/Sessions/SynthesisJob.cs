using WorldPlay.Evaluation.Scenarios;

namespace WorldPlay.Synthesis.Sessions;

/// <summary>One session to synthesize: the scenario to play in a fresh world, the style of the mind that plays its characters, the
/// user-simulator profile that plays the user's side, and the seed that makes the whole session reproducible.</summary>
/// <param name="Name">A name unique within a run, such as <c>rpbench-scenes-12-s3</c>; the session's world is named after it.</param>
/// <param name="Scenario">The setting to play (possibly enriched before synthesis).</param>
/// <param name="Style">A style-profile name the mind catalog resolves, such as <c>procedural:lyrical</c> or an OpenAI model name
/// (<c>openai:gpt-4o-mini</c>).</param>
/// <param name="User">A user-simulator profile name, such as <c>cooperative</c> or <c>curious</c>.</param>
/// <param name="Seed">Seeds the minds, the planner and the user simulator.</param>
public sealed record SynthesisJob(string Name, Scenario Scenario, string Style, string User, int Seed);
