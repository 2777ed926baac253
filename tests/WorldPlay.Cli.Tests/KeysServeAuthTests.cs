using System.Text.Json.Nodes;
using WorldPlay.Web.Studio;

namespace WorldPlay.Cli.Tests;

/// <summary><c>worldplay keys new</c> (a key printed once, only its hash kept) and <c>worldplay serve</c>'s choice between
/// <c>--dev</c> and <c>--keys</c>.</summary>
public sealed class KeysServeAuthTests
{
    [Fact]
    public async Task KeysNew_Text_PrintsOnlyTheKeyOnStandardOutput()
    {
        using var scratch = new ScratchFolder();

        var run = await CliRun.Of("keys", "new", "--tenant", "acme", "--file", scratch.File("keys.json"));

        Assert.Matches("^wpk_[A-Za-z0-9_-]{43}$", run.Output.Trim());
    }

    [Fact]
    public async Task KeysNew_File_HoldsTheKeysHashAndNotTheKey()
    {
        using var scratch = new ScratchFolder();

        var run = await CliRun.Of("keys", "new", "--tenant", "acme", "--file", scratch.File("keys.json"));

        var text = File.ReadAllText(scratch.File("keys.json"));
        Assert.Equal((true, false), (text.Contains(StudioKeys.Hash(run.Output.Trim()), StringComparison.Ordinal),
            text.Contains(run.Output.Trim(), StringComparison.Ordinal)));
    }

    [Fact]
    public async Task KeysNew_Json_NamesTenantKeyHashAndFile()
    {
        using var scratch = new ScratchFolder();

        var json = (await CliRun.Of("keys", "new", "--tenant", "acme", "--file", scratch.File("keys.json"), "--json")).Json;

        Assert.Equal(("acme", StudioKeys.Hash(json["key"]!.GetValue<string>()), scratch.File("keys.json")),
            (json["tenant"]!.GetValue<string>(), json["hash"]!.GetValue<string>(), json["file"]!.GetValue<string>()));
    }

    [Fact]
    public async Task KeysNew_ExistingFile_AppendsAndKeepsTheSigningKey()
    {
        using var scratch = new ScratchFolder();
        var path = scratch.File("keys.json");
        var first = (await CliRun.Of("keys", "new", "--tenant", "acme", "--file", path)).Output.Trim();
        var signingKey = StudioKeysFile.Read(path).TokenSigningKey;

        var second = (await CliRun.Of("keys", "new", "--tenant", "acme", "--file", path)).Output.Trim();
        var third = (await CliRun.Of("keys", "new", "--tenant", "globex", "--file", path)).Output.Trim();

        var ring = new StudioKeyRing(StudioConfiguration.FromKeysFile(path, development: false));
        Assert.Equal((signingKey, "acme", "acme", "globex"),
            (StudioKeysFile.Read(path).TokenSigningKey, ring.TenantOf(first), ring.TenantOf(second), ring.TenantOf(third)));
    }

    [Fact]
    public async Task KeysNew_TenantNotASlug_OneErrorLineExitTwo()
    {
        using var scratch = new ScratchFolder();

        var run = await CliRun.Of("keys", "new", "--tenant", "Acme Corp", "--file", scratch.File("keys.json"));

        Assert.Equal((2, 1, false), (run.ExitCode, run.ErrorLines.Length, File.Exists(scratch.File("keys.json"))));
    }

    [Fact]
    public async Task KeysNew_FileNotAKeysFile_OneErrorLineExitTwoAndFileUntouched()
    {
        using var scratch = new ScratchFolder();
        var path = scratch.Write("keys.json", "{\"something\": \"else\"}");

        var run = await CliRun.Of("keys", "new", "--tenant", "acme", "--file", path);

        Assert.Equal((2, 1, "{\"something\": \"else\"}"), (run.ExitCode, run.ErrorLines.Length, File.ReadAllText(path)));
    }

    [Fact]
    public async Task Serve_NeitherDevNorKeys_OneErrorLineNamingBothExitTwo()
    {
        var run = await CliRun.Of("serve", "--port", "0");

        Assert.Equal((2, "error: serve needs --dev (no credentials: development only) or --keys FILE (API keys from 'worldplay keys new " +
            "--tenant NAME --file FILE')."), (run.ExitCode, run.Error.Trim()));
    }

    [Fact]
    public async Task Serve_KeysFileMissing_OneErrorLineExitTwo()
    {
        using var scratch = new ScratchFolder();

        var run = await CliRun.Of("serve", "--keys", scratch.File("absent.json"), "--port", "0");

        Assert.Equal((2, 1), (run.ExitCode, run.ErrorLines.Length));
    }

    [Fact]
    public async Task Serve_WorldWithAKeysFileOfTwoTenants_OneErrorLineExitTwo()
    {
        using var scratch = new ScratchFolder();
        var path = scratch.File("keys.json");
        await CliRun.Of("keys", "new", "--tenant", "acme", "--file", path);
        await CliRun.Of("keys", "new", "--tenant", "globex", "--file", path);

        var run = await CliRun.Of("serve", "--keys", path, "--world", "harbor", "--turns", "2", "--port", "0");

        Assert.Equal((2, 1), (run.ExitCode, run.ErrorLines.Length));
    }
}
