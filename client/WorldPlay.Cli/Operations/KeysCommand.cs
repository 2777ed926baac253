using System.CommandLine;
using System.Text.Json;
using WorldPlay.Core;
using WorldPlay.Web.Studio;

namespace WorldPlay.Cli.Operations;

/// <summary><c>worldplay keys new</c>: makes an API key for a tenant of the studio service, prints it once and stores only its
/// hash in a keys file (with the token signing key), which <c>worldplay serve --keys</c> and the silo read.</summary>
internal static class KeysCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Create(TextWriter output, TextWriter error)
    {
        var tenant = new Option<string>("--tenant", "-t")
        {
            Description = "The tenant the key belongs to: lower-case letters, digits and '-', such as acme.",
            Required = true,
        };
        var file = new Option<FileInfo>("--file", "-f")
        {
            Description = "The keys file to add the key's hash to; made (with a new token signing key) when it does not exist.",
            Required = true,
        };
        var json = new Option<bool>("--json") { Description = "Print the key, its tenant, hash and file as JSON." };
        var create = new Command("new", "Make an API key for a tenant: the key is printed once, on standard output; the file keeps " +
            "only its SHA-256 hash and the token signing key. Keep the file private: whoever holds its signing key can mint tokens.")
        {
            tenant, file, json,
        };
        create.SetAction((result, cancellationToken) =>
        {
            var name = result.GetValue(tenant)!;
            if (!EntityId.IsSlug(name))
            {
                throw new ArgumentException($"--tenant '{name}' is not a tenant name: use lower-case letters, digits and '-' " +
                    "(at most 64), such as acme.");
            }
            var path = result.GetValue(file)!;
            var existing = path.Exists ? Read(path.FullName) : StudioKeysFile.Empty();
            var key = StudioKeys.New();
            var hash = StudioKeys.Hash(key);
            existing.WithKey(name, hash).Write(path.FullName);
            if (result.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new { tenant = name, key, hash, file = path.FullName }, Json));
            }
            else
            {
                output.WriteLine(key);
                error.WriteLine($"A new API key of tenant '{name}' (above, shown only now); {path.Name} keeps its hash {hash[..15]}... " +
                    $"Serve with: worldplay serve --keys {path.Name}");
            }
            return Task.FromResult(0);
        });
        return new Command("keys", "API keys of the studio service (docs/studio-api.md).") { create };
    }

    private static StudioKeysFile Read(string path)
    {
        try
        {
            return StudioKeysFile.Read(path);
        }
        catch (StudioKeysFileException e)
        {
            throw new ArgumentException(e.Message + " Nothing was written.");
        }
    }
}
