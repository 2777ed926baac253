namespace WorldPlay.Evaluation.Scenarios;

/// <summary>What to do with a record that cannot become a scenario.</summary>
public enum BadRecords
{
    /// <summary>The whole load fails with a <see cref="ScenarioImportException"/> listing every problem of every bad record.</summary>
    Fail,
    /// <summary>Bad records are left out and listed in <see cref="ScenarioSet.Skipped"/>; the good ones load.</summary>
    Skip,
}

/// <summary>Choices an import cannot read from the source files.</summary>
/// <param name="Language">The language of the imported worlds; the RPBench-Auto files and cards do not state one.</param>
/// <param name="UserName">The name of the user's character, which the sources only call "you" or <c>{{user}}</c>.</param>
public sealed record ScenarioImportOptions(string Language = "en", string UserName = "User", BadRecords BadRecords = BadRecords.Fail)
{
    public static ScenarioImportOptions Default { get; } = new();
}
