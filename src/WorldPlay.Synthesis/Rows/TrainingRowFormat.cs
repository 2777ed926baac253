namespace WorldPlay.Synthesis.Rows;

/// <summary>The JSONL shapes <see cref="TrainingRowWriter"/> writes and <see cref="TrainingRowShapes"/> checks
/// (docs/training-formats.md).</summary>
public enum TrainingRowFormat
{
    /// <summary>A chat row: <c>conversations</c> of <c>from</c> (system, human, gpt) and <c>value</c>.</summary>
    ShareGpt,

    /// <summary>A chat row: <c>messages</c> of <c>role</c> (system, user, assistant) and <c>content</c>.</summary>
    OpenAiMessages,

    /// <summary>A conversational preference pair: <c>prompt</c> messages, one-message <c>chosen</c> and <c>rejected</c>.</summary>
    Dpo,

    /// <summary>A conversational unpaired row: <c>prompt</c> messages, a one-message <c>completion</c>, a boolean <c>label</c>.</summary>
    Kto,
}
