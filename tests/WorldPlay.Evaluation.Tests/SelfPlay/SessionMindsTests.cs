using WorldPlay.Evaluation.Scenarios;
using WorldPlay.Evaluation.SelfPlay;
using WorldPlay.Evaluation.Tests.Scenarios;
using WorldPlay.Minds.Llm;
using AdversarialSituation = WorldPlay.Minds.AdversarialSituation;

namespace WorldPlay.Evaluation.Tests.SelfPlay;

/// <summary>The mind names a bench run gives its sessions, and the catalog that must offer every one of them.</summary>
public sealed class SessionMindsTests
{
    private static readonly Scenario Scene = ScenarioSource.Load(TestData.Scenes, limit: 1).Scenarios[0];

    private static readonly LlmMindOptions Model = new() { Endpoint = new Uri("http://127.0.0.1:9/v1"), Model = "m" };

    private static readonly AdversarialSituation[] FromFile = [.. SelfPlayPlan.Playable(AdversarialSituations.Load(TestData.Situations))];

    [Fact]
    public void User_SituationFromFile_NamedByItsPlaceInTheFile()
    {
        var session = SelfPlayPlan.Sessions([Scene], ["adversarial"], 1, FromFile)[0];

        Assert.Equal($"user-sim:adversarial:situation-{session.Situation + 1}:openai:m",
            new SessionMinds("procedural", "openai", Model, [.. FromFile]).User(session));
    }

    [Fact]
    public void User_BuiltInProfile_NamedByProfile() =>
        Assert.Equal("user-sim:terse", new SessionMinds("procedural", "procedural", null, null)
            .User(SelfPlayPlan.Sessions([Scene], ["terse"], 1, AdversarialSituation.BuiltIn)[0]));

    [Fact]
    public void Npc_OpenAi_NamesTheModel() =>
        Assert.Equal("openai:m", new SessionMinds("openai", "procedural", Model, null).Npc);

    [Fact]
    public void Catalog_SituationsFromFile_OffersEveryUserMindOfTheRun()
    {
        var minds = new SessionMinds("openai", "openai", Model, [.. FromFile]);
        var sessions = SelfPlayPlan.Sessions([Scene], ["adversarial", "slow-burn"], 3, FromFile);

        Assert.Empty(sessions.Select(minds.User).Append(minds.Npc).Except(minds.Catalog().Names));
    }
}
