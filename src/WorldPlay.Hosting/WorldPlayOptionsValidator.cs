using Microsoft.Extensions.Options;
using static WorldPlay.Hosting.WorldPlayOptions;

namespace WorldPlay.Hosting;

/// <summary>Checks <see cref="WorldPlayOptions"/> as a whole, with one message per problem that names the key to change.</summary>
public sealed class WorldPlayOptionsValidator : IValidateOptions<WorldPlayOptions>
{
    public ValidateOptionsResult Validate(string? name, WorldPlayOptions options)
    {
        var problems = new List<string>();
        foreach (var (key, id) in new[] { ("ClusterId", options.ClusterId), ("ServiceId", options.ServiceId) })
        {
            // Orleans stores these in Azure Table keys, which refuse / \ # ? and control characters.
            if (id.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)))
            {
                problems.Add($"{Section}:{key} is '{id}'; it may not contain / \\ # ? or control characters.");
            }
        }
        var (azureTable, azure) = (options.Clustering == ClusteringKind.AzureTable, options.Storage == StorageKind.Azure);
        if (options.AzureStorage is null && (azureTable || azure))
        {
            var needs = azureTable && azure ? "Clustering AzureTable and Storage Azure need"
                : azureTable ? "Clustering AzureTable needs" : "Storage Azure needs";
            problems.Add($"{needs} an Azure Storage connection string: set {Section}:AzureStorage " +
                $"(environment: {EnvironmentVariable("AzureStorage")}) or ConnectionStrings:AzureStorage.");
        }
        else if (options.AzureStorage is not null && AzureStorageAccount.Problem(options.AzureStorage) is { } problem)
        {
            problems.Add($"{Section}:AzureStorage {problem}");
        }
        if (options.Kubernetes && !azureTable)
        {
            // Kubernetes hosting names and watches silos; finding each other still takes a membership table.
            problems.Add($"{Section}:Kubernetes needs {Section}:Clustering AzureTable: pods find each other through the " +
                "membership table.");
        }
        if (options.SiloPort == options.GatewayPort)
        {
            problems.Add($"{Section}:SiloPort and {Section}:GatewayPort are both {options.SiloPort}; they need two different ports.");
        }
        if (options.Dashboard.Enabled && (options.Dashboard.Port == options.SiloPort || options.Dashboard.Port == options.GatewayPort))
        {
            problems.Add($"{Section}:Dashboard:Port {options.Dashboard.Port} is also the silo or gateway port; choose another.");
        }
        if (options.Http.Enabled && (options.Http.Port == options.SiloPort || options.Http.Port == options.GatewayPort))
        {
            problems.Add($"{Section}:Http:Port {options.Http.Port} is also the silo or gateway port; choose another.");
        }
        if (options.TurnGate.MaxRunning < 1 || options.TurnGate.MaxWaiting < 0 || options.TurnGate.MaxWaitMs < 0)
        {
            problems.Add($"{Section}:TurnGate needs MaxRunning above 0 and MaxWaiting and MaxWaitMs of 0 or more; got " +
                $"{options.TurnGate.MaxRunning}, {options.TurnGate.MaxWaiting} and {options.TurnGate.MaxWaitMs}.");
        }
        var minds = options.Mind.Catalog().Names;
        if (!minds.Contains(options.Mind.Default))
        {
            problems.Add($"{Section}:Mind:Default '{options.Mind.Default}' is not a known mind; known: {string.Join(", ", minds)}.");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
