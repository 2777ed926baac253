using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace WorldPlay.LocalClusters;

/// <summary>What a local cluster runs: Azurite (installed with npm into the repository's .worldplay/tools) and the silo
/// host (built from silo/WorldPlay.Silo), both found from the WorldPlay repository the command runs in.</summary>
public sealed class LocalTools(string repositoryRoot)
{
    /// <summary>The Azurite version the repository pins in its .env file (read at build time).</summary>
    public static string AzuriteVersion { get; } = typeof(LocalTools).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == nameof(AzuriteVersion)).Value!;

    public string RepositoryRoot { get; } = repositoryRoot;

    public string ToolsFolder => Path.Combine(RepositoryRoot, ".worldplay", "tools");

    public string AzuriteScript => Path.Combine(ToolsFolder, "node_modules", "azurite", "dist", "src", "azurite.js");

    /// <summary>The WorldPlay repository holding <paramref name="start"/> or one of its parents.</summary>
    public static LocalTools Find(string start) => WorldPlayRepository.Above(start) is { } root
        ? new LocalTools(root)
        : throw new LocalClusterException($"A local cluster runs the silo built from the WorldPlay repository, and '{start}' is not " +
            "inside one (no WorldPlay.sln with silo/WorldPlay.Silo in it or above it). Run the command from a clone of the repository.");

    /// <summary>Installs Azurite with npm unless that version is already there; returns node's path and the script.</summary>
    public async Task<(string Node, string Script)> AzuriteAsync(Action<string> progress, CancellationToken cancellationToken)
    {
        var node = OnPath("node") ?? throw new LocalClusterException("Node.js ('node') was not found on PATH; a local cluster runs " +
            "Azurite on it. Install Node.js 20 or later (it brings npm) and try again.");
        if (InstalledAzuriteVersion() == AzuriteVersion)
        {
            return (node, AzuriteScript);
        }
        var npm = OnPath("npm") ?? throw new LocalClusterException($"npm was not found on PATH, and Azurite {AzuriteVersion} is not " +
            $"installed in {ToolsFolder}. Install Node.js with npm, or run 'npm install --prefix {ToolsFolder} azurite@{AzuriteVersion}' " +
            "where npm is available.");
        Directory.CreateDirectory(ToolsFolder);
        // Two commands starting clusters at once would install over each other; the second waits for the first.
        await using var installLock = await LockAsync(Path.Combine(ToolsFolder, ".install.lock"), cancellationToken);
        if (InstalledAzuriteVersion() == AzuriteVersion)
        {
            return (node, AzuriteScript);
        }
        progress($"Installing Azurite {AzuriteVersion} with npm into {ToolsFolder}...");
        var (code, output) = await RunAsync(
            npm, ["install", "--prefix", ToolsFolder, "--no-audit", "--no-fund", "--loglevel=error", $"azurite@{AzuriteVersion}"],
            RepositoryRoot, cancellationToken);
        if (code != 0 || InstalledAzuriteVersion() != AzuriteVersion)
        {
            throw new LocalClusterException(
                $"'npm install azurite@{AzuriteVersion}' into {ToolsFolder} failed (exit {code}): {Tail(output, 5)}");
        }
        return (node, AzuriteScript);
    }

    /// <summary>The built silo host (the configuration this command was built in first), building it when it is missing.</summary>
    public async Task<string> SiloAsync(Action<string> progress, CancellationToken cancellationToken)
    {
        var release = $"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}";
        var own = AppContext.BaseDirectory.Contains(release, StringComparison.Ordinal) ? "Release" : "Debug";
        string Dll(string configuration) =>
            Path.Combine(RepositoryRoot, "silo", "WorldPlay.Silo", "bin", configuration, "net10.0", "WorldPlay.Silo.dll");
        foreach (var configuration in new[] { own, own == "Release" ? "Debug" : "Release" })
        {
            if (File.Exists(Dll(configuration)))
            {
                return Dll(configuration);
            }
        }
        progress($"Building the silo host (silo/WorldPlay.Silo, {own})...");
        var project = Path.Combine(RepositoryRoot, "silo", "WorldPlay.Silo", "WorldPlay.Silo.csproj");
        var (code, output) = await RunAsync(
            Dotnet, ["build", project, "-c", own, "--nologo", "-v", "quiet"], RepositoryRoot, cancellationToken);
        if (code != 0 || !File.Exists(Dll(own)))
        {
            throw new LocalClusterException($"Building {project} failed (exit {code}): {Tail(output, 8)}");
        }
        return Dll(own);
    }

    /// <summary>The dotnet host that runs this command (set by the SDK), or the one on PATH.</summary>
    public static string Dotnet =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : OnPath("dotnet") ?? "dotnet";

    private string? InstalledAzuriteVersion()
    {
        var package = Path.Combine(ToolsFolder, "node_modules", "azurite", "package.json");
        try
        {
            return File.Exists(package) && File.Exists(AzuriteScript)
                ? JsonSerializer.Deserialize<NpmPackage>(File.ReadAllText(package), PackageJson)?.Version
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);

    private sealed record NpmPackage(string? Version);

    private static readonly JsonSerializerOptions PackageJson = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private static async Task<(int Code, string Output)> RunAsync(
        string program, IEnumerable<string> arguments, string folder, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, (await output) + (await error));
    }

    private static async Task<FileStream> LockAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                await Task.Delay(500, cancellationToken);
            }
        }
    }

    internal static string Tail(string text, int lines) =>
        string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(lines));
}

/// <summary>Something about a local cluster the user can fix: one already up, nothing to stop, a missing tool.</summary>
public sealed class LocalClusterException(string message) : Exception(message);
