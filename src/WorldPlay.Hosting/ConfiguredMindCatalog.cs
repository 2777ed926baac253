using WorldPlay.Core;
using WorldPlay.Core.Minds;

namespace WorldPlay.Hosting;

/// <summary>The minds a silo offers, plus <c>default</c>: whichever mind the silo's operator configured
/// (<c>WorldPlay:Mind:Default</c>), so a game can leave the choice to the cluster it runs on.</summary>
internal sealed class ConfiguredMindCatalog(IMindCatalog minds, string defaultMind) : IMindCatalog
{
    /// <summary>The name that stands for the configured mind.</summary>
    public const string Default = "default";

    public IReadOnlyList<string> Names => [.. minds.Names, Default];

    public IMind Resolve(string name) => minds.Resolve(name == Default ? defaultMind : name);

    public IMind Resolve(string name, EntityId character) => minds.Resolve(name == Default ? defaultMind : name, character);
}
