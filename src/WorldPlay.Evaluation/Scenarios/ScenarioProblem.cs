namespace WorldPlay.Evaluation.Scenarios;

/// <summary>Why one record (or a whole file) cannot become a scenario: where, which field, and what is wrong.</summary>
/// <param name="File">The file's name as shown to people (no directory).</param>
/// <param name="Line">The 1-based line of the record in a JSON Lines file; null for whole-file formats.</param>
/// <param name="RecordId">The record's own id when it has one.</param>
/// <param name="Field">The dotted path of the field, such as <c>npc_profile.name</c>; empty for the record as a whole.</param>
public sealed record ScenarioProblem(string File, int? Line, string? RecordId, string Field, string Message)
{
    /// <summary>Where the record is, as people read it: <c>scenes.jsonl line 13 (id 12)</c>.</summary>
    public string Where =>
        File + (Line is { } line ? $" line {line}" : "") + (RecordId is { } id ? $" (id {id})" : "");

    public override string ToString() => Field.Length == 0 ? $"{Where}: {Message}" : $"{Where}: {Field} {Message}";
}

/// <summary>Scenarios that could not be imported, with every problem found in them.</summary>
public sealed class ScenarioImportException(IReadOnlyList<ScenarioProblem> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<ScenarioProblem> Problems { get; } = problems;
}
