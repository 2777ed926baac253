using WorldPlay.Core.Minds;

namespace WorldPlay.Minds.Llm;

/// <summary>A character mind played by a language model on an OpenAI-compatible endpoint. The prompt is built from the
/// character's perspective only; the reply is a structured action (<see cref="ActionSchema"/>), read tolerantly and repaired
/// once; streamed speech is reported as it arrives. A turn the endpoint cannot serve throws
/// <see cref="MindUnavailableException"/> and proposes nothing. It also reads what a person's free-text line creates
/// (<see cref="ICreationExtractor"/>), with the same model.</summary>
public sealed class LlmMind : IMind, ICreationExtractor
{
    private readonly ActionDecider _decider;
    private readonly CreationExtractor _extractor;

    /// <param name="endpoint">The endpoint, shared by every mind that uses it.</param>
    /// <param name="model">A model other than the endpoint's default (a cheaper one for minor characters, say).</param>
    public LlmMind(LlmEndpoint endpoint, string? model = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        Model = string.IsNullOrWhiteSpace(model) ? endpoint.Options.Model : model;
        Name = $"openai:{Model}";
        _decider = new ActionDecider(endpoint, Model, Name, new Role.Character());
        _extractor = new CreationExtractor(endpoint, Model, Name);
    }

    /// <summary><c>openai:{model}</c>.</summary>
    public string Name { get; }

    public string Model { get; }

    public Task<CharacterAction> DecideAsync(Perspective perspective, CancellationToken cancellationToken) =>
        _decider.DecideAsync(perspective, null, cancellationToken);

    public Task<CharacterAction> DecideAsync(Perspective perspective, IProgress<SpeechDelta> speech, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(speech);
        return _decider.DecideAsync(perspective, speech, cancellationToken);
    }

    public Task<Extraction> ExtractAsync(CreationRequest request, CancellationToken cancellationToken) =>
        _extractor.ExtractAsync(request, cancellationToken);
}
