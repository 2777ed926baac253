namespace WorldPlay.Evaluation.Calibration;

/// <summary>A labelled corpus that cannot be read: the file (relative to the corpus folder) and the field that are wrong, and
/// what to do about it.</summary>
public sealed class LabelledCorpusException(string file, string? field, string problem)
    : Exception($"{file}{(field is null ? "" : $", field '{field}'")}: {problem}")
{
    /// <summary>The file at fault, relative to the corpus folder (or the folder itself).</summary>
    public string File { get; } = file;

    public string? Field { get; } = field;
}
