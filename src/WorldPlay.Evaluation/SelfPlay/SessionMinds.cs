using System.Collections.Immutable;
using WorldPlay.Core;
using WorldPlay.Core.Minds;
using WorldPlay.Minds;
using WorldPlay.Minds.Llm;
using AdversarialSituation = WorldPlay.Minds.AdversarialSituation;

namespace WorldPlay.Evaluation.SelfPlay;

/// <summary>The names of the minds a session is played by, and the catalog that offers them on the embedded silo.</summary>
/// <param name="npcMind">Who plays the characters: <c>procedural</c> or <c>openai</c>.</param>
/// <param name="userMind">Who plays the user: <c>procedural</c> or <c>openai</c>.</param>
/// <param name="languageModel">The model behind <c>openai</c>; needed when either mind is <c>openai</c>.</param>
/// <param name="fromFile">The situations of a situations file, if the run plays those instead of the built-in ones.</param>
public sealed class SessionMinds(
    string npcMind, string userMind, LlmMindOptions? languageModel, ImmutableArray<AdversarialSituation>? fromFile)
{
    private const string FileSituation = "user-sim:adversarial:situation-";

    /// <summary>The mind the characters are played by.</summary>
    public string Npc { get; } = npcMind == "openai" ? $"openai:{languageModel!.Model}" : "procedural";

    private string UserSuffix { get; } = userMind == "openai" ? $":openai:{languageModel!.Model}" : "";

    /// <summary>How user minds are named in this run, for run.json.</summary>
    public string UserMindPattern => $"user-sim:<profile>{UserSuffix}";

    /// <summary>The user mind of <paramref name="session"/>: a situation from a file has its own catalog entry (its name says its place
    /// in the file); every other profile is one the silo offers by name.</summary>
    public string User(SelfPlaySession session) =>
        (fromFile is not null && session.Situation is { } i ? $"{FileSituation}{i + 1}" : $"user-sim:{session.Profile.Name}") + UserSuffix;

    /// <summary>The minds an embedded silo offers for this run: the standard ones, plus the user simulators of a situations file.</summary>
    public IMindCatalog Catalog()
    {
        var standard = languageModel is null ? new MindCatalog() : MindCatalog.WithLanguageModel(languageModel);
        if (fromFile is not { } situations)
        {
            return standard;
        }
        var endpoint = languageModel is null ? null : new LlmEndpoint(languageModel);
        var extra = situations.SelectMany((s, i) =>
        {
            var profile = UserProfile.Adversarial(s);
            IEnumerable<KeyValuePair<string, IMind>> procedural = [new($"{FileSituation}{i + 1}", new ProceduralUserSimulator(profile))];
            return endpoint is null
                ? procedural
                : procedural.Append(new($"{FileSituation}{i + 1}:openai:{languageModel!.Model}", new LlmUserSimulator(endpoint, profile)));
        }).ToImmutableDictionary();
        return new SituationMindCatalog(standard, extra);
    }

    /// <summary>A catalog that also offers the user simulators of a situations file, by the names <see cref="SessionMinds"/>
    /// gives them.</summary>
    private sealed class SituationMindCatalog(IMindCatalog standard, ImmutableDictionary<string, IMind> situations) : IMindCatalog
    {
        public IReadOnlyList<string> Names => [.. standard.Names, .. situations.Keys.Order(StringComparer.Ordinal)];

        public IMind Resolve(string name) => situations.TryGetValue(name, out var mind) ? mind : standard.Resolve(name);

        public IMind Resolve(string name, EntityId character) =>
            situations.TryGetValue(name, out var mind) ? mind : standard.Resolve(name, character);
    }
}
