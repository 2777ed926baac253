using WorldPlay.Core;
using static WorldPlay.Hosting.Tests.OptionsTests;

namespace WorldPlay.Hosting.Tests;

/// <summary>The <c>WorldPlay:Mind</c> keys: a language model for the silo's characters, with per-character models.</summary>
public sealed class MindOptionsTests
{
    private static readonly (string Key, string Value)[] Model =
        [("WorldPlay:Mind:Endpoint", "http://127.0.0.1:8089/v1"), ("WorldPlay:Mind:Model", "big")];

    [Fact]
    public void Mind_EndpointAndModel_OfferTheModelAsDefault()
    {
        var options = Read([.. Model, ("WorldPlay:Mind:Default", "openai")]);

        Assert.Equal(
            ("openai:big", "http://127.0.0.1:8089/v1", true),
            (options.Mind.Default, options.Mind.LanguageModel!.Endpoint.ToString(), options.Mind.Catalog().Names.Contains("openai:big")));
    }

    [Fact]
    public void Mind_CharacterModels_CastTheCharacterWithItsOwnModel()
    {
        var options = Read(
            [.. Model, ("WorldPlay:Mind:Characters:hald", "small"), ("WorldPlay:Mind:MaxConcurrentRequests", "4"),
             ("WorldPlay:Mind:TimeoutSeconds", "5")]);
        var catalog = options.Mind.Catalog();

        Assert.Equal(
            ("openai:small", "openai:big", 4, TimeSpan.FromSeconds(5)),
            (catalog.Resolve("openai:big", new EntityId("hald")).Name, catalog.Resolve("openai:big", new EntityId("mira")).Name,
             options.Mind.LanguageModel!.MaxConcurrentRequests, options.Mind.LanguageModel.AttemptTimeout));
    }

    [Fact]
    public void Mind_EndpointWithoutModel_SaysBothAreNeeded()
    {
        var message = Problem(("WorldPlay:Mind:Endpoint", "http://127.0.0.1:8089/v1"));

        Assert.Contains("WorldPlay:Mind:Endpoint and WorldPlay:Mind:Model go together", message);
    }

    [Fact]
    public void Mind_CharactersWithoutModel_AsksForAModel()
    {
        var message = Problem(("WorldPlay:Mind:Characters:hald", "small"));

        Assert.Contains("WorldPlay:Mind:Characters needs a language model", message);
    }

    [Fact]
    public void Mind_RelativeEndpoint_IsRefused()
    {
        var message = Problem(("WorldPlay:Mind:Endpoint", "localhost/v1"), ("WorldPlay:Mind:Model", "big"));

        Assert.Contains("WorldPlay:Mind:Endpoint 'localhost/v1' is not an absolute address", message);
    }

    [Fact]
    public void Mind_BadConcurrency_IsRefused()
    {
        var message = Problem([.. Model, ("WorldPlay:Mind:MaxConcurrentRequests", "none")]);

        Assert.Contains("WorldPlay:Mind:MaxConcurrentRequests is 'none'", message);
    }

    [Fact]
    public void Mind_TimeoutZero_AsksForAWholeNumberAboveZero()
    {
        var message = Problem([.. Model, ("WorldPlay:Mind:TimeoutSeconds", "0")]);

        Assert.Contains("WorldPlay:Mind:TimeoutSeconds is '0'; it takes a whole number above 0.", message);
    }

    [Fact]
    public void Mind_CharacterIdNotASlug_IsRefused()
    {
        var message = Problem([.. Model, ("WorldPlay:Mind:Characters:Old Hald", "small")]);

        Assert.Contains(
            "WorldPlay:Mind: LLM mind setting 'CharacterModels' must map character ids to model names (got 'Old Hald' = 'small').",
            message);
    }

    [Fact]
    public void Mind_FtpEndpoint_IsRefused()
    {
        var message = Problem(("WorldPlay:Mind:Endpoint", "ftp://127.0.0.1/v1"), ("WorldPlay:Mind:Model", "big"));

        Assert.Contains("WorldPlay:Mind: LLM mind setting 'Endpoint' must be an absolute http(s) address", message);
    }

    [Fact]
    public void Mind_DefaultOpenAiWithoutModel_IsUnknown()
    {
        var message = Problem(("WorldPlay:Mind:Default", "openai"));

        Assert.Contains("WorldPlay:Mind:Default 'openai' is not a known mind", message);
    }
}
