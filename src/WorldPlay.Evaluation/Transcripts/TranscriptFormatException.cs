namespace WorldPlay.Evaluation.Transcripts;

/// <summary>A transcript that cannot be read, naming the file, the line and the field that is wrong.</summary>
public sealed class TranscriptFormatException(string source, int lineNumber, string? field, string problem)
    : Exception($"{source}: line {lineNumber}{(field is null ? "" : $", field '{field}'")}: {problem}")
{
    public string SourceName { get; } = source;

    /// <summary>The 1-based line number in the file.</summary>
    public int LineNumber { get; } = lineNumber;

    public string? Field { get; } = field;
}
