using WorldPlay.Core.Minds;

namespace WorldPlay.Minds.Llm;

/// <summary>The user of a scene played by a language model, for self-play: it plays the user's own character only, speaks to a
/// character present by name, in the profile asked for (slow-burn, fast-plot, terse, adversarial with its situation, language-switching),
/// and never speaks for anyone else. Same
/// prompt rules, structured action, repair, streaming and resilience as <see cref="LlmMind"/>. Like the procedural
/// simulator, a user away from the scene stays silent (and costs no call).</summary>
public sealed class LlmUserSimulator : IMind
{
    private readonly ActionDecider _decider;

    public LlmUserSimulator(LlmEndpoint endpoint, UserStyle style, string? model = null)
        : this(endpoint, new UserProfile(style), model)
    {
    }

    public LlmUserSimulator(LlmEndpoint endpoint, UserProfile profile, string? model = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        Profile = profile ?? throw new ArgumentNullException(nameof(profile));
        Model = string.IsNullOrWhiteSpace(model) ? endpoint.Options.Model : model;
        Name = $"user-sim:{profile.Name}:openai:{Model}";
        _decider = new ActionDecider(endpoint, Model, Name, new Role.User(profile));
    }

    /// <summary><c>user-sim:{profile}:openai:{model}</c>, e.g. <c>user-sim:adversarial:fight:openai:gpt-4o-mini</c>.</summary>
    public string Name { get; }

    public UserProfile Profile { get; }

    public UserStyle Style => Profile.Style;

    public string Model { get; }

    public Task<CharacterAction> DecideAsync(Perspective perspective, CancellationToken cancellationToken) =>
        DecideOrStayAsync(perspective, null, cancellationToken);

    public Task<CharacterAction> DecideAsync(Perspective perspective, IProgress<SpeechDelta> speech, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(speech);
        return DecideOrStayAsync(perspective, speech, cancellationToken);
    }

    private Task<CharacterAction> DecideOrStayAsync(Perspective perspective, IProgress<SpeechDelta>? speech,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(perspective);
        return perspective.Cue.Offstage
            ? Task.FromResult(new CharacterAction("", "", [], [], MindUsage.Free(Name)))
            : _decider.DecideAsync(perspective, speech, cancellationToken);
    }
}
