namespace WorldPlay.Testing;

/// <summary>The Azurite that ./test.sh starts on free ports and names in <see cref="Variable"/>.</summary>
public static class AzuriteAccount
{
    public const string Variable = "WORLDPLAY_TEST_AZURE_STORAGE";

    /// <summary>True when ./test.sh (or the caller) provided Azurite's connection string.</summary>
    public static bool IsProvided => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 };

    /// <summary>Azurite's connection string; fails the test, saying how to run it, when ./test.sh did not provide one.</summary>
    public static string ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException(
            $"{Variable} is not set. The Azure storage and cluster tests need the Azurite that ./test.sh starts: run them " +
            "through ./test.sh (./test.sh --filter FullyQualifiedName~WorldPlay.Storage runs only the storage tests).");

    /// <summary>The endpoint a connection string gives for <paramref name="service"/> ("Table", "Blob" or "Queue").</summary>
    public static Uri Endpoint(string connectionString, string service) =>
        new(connectionString.Split(';').First(p => p.StartsWith($"{service}Endpoint=", StringComparison.Ordinal))
            [$"{service}Endpoint=".Length..]);
}
