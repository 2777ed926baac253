using WorldPlay.Core.Minds;

namespace WorldPlay.Minds.Llm;

/// <summary>The user of a scene played by a language model, for self-play: it plays the user's own character only, speaks to a
/// character present by name, in the style asked for (slow-burn or fast-plot), and never speaks for anyone else. Same
/// prompt rules, structured action, repair, streaming and resilience as <see cref="LlmMind"/>. Like the procedural
/// simulator, a user away from the scene stays silent (and costs no call).</summary>
public sealed class LlmUserSimulator : IMind
{
    private readonly ActionDecider _decider;

    public LlmUserSimulator(LlmEndpoint endpoint, UserStyle style, string? model = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        Style = style;
        Model = string.IsNullOrWhiteSpace(model) ? endpoint.Options.Model : model;
        Name = $"user-sim:{(style == UserStyle.SlowBurn ? "slow-burn" : "fast-plot")}:openai:{Model}";
        _decider = new ActionDecider(endpoint, Model, Name, new Role.User(style));
    }

    /// <summary><c>user-sim:{style}:openai:{model}</c>.</summary>
    public string Name { get; }

    public UserStyle Style { get; }

    public string Model { get; }

    public Task<CharacterAction> DecideAsync(Perspective perspective, CancellationToken cancellationToken) =>
        DecideOrStayAsync(perspective, null, cancellationToken);

    public Task<CharacterAction> DecideAsync(Perspective perspective, IProgress<SpeechDelta> speech, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(speech);
        return DecideOrStayAsync(perspective, speech, cancellationToken);
    }

    private Task<CharacterAction> DecideOrStayAsync(Perspective perspective, IProgress<SpeechDelta>? speech, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(perspective);
        return perspective.Cue.Offstage
            ? Task.FromResult(new CharacterAction("", "", [], [], MindUsage.Free(Name)))
            : _decider.DecideAsync(perspective, speech, cancellationToken);
    }
}
