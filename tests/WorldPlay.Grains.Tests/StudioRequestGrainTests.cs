using WorldPlay.Contracts;

namespace WorldPlay.Grains.Tests;

/// <summary>An idempotency key runs its request once: a retry is answered the same, a retry while it runs waits, another request
/// under the key is refused.</summary>
[Collection(ClusterCollection.Name)]
public sealed class StudioRequestGrainTests(ClusterFixture fixture)
{
    private IStudioRequestGrain NewKey() => fixture.Cluster.Client.GetGrain<IStudioRequestGrain>($"acme/{Guid.NewGuid():N}");

    [Fact]
    public async Task Begin_WhileTheFirstRuns_IsRunning()
    {
        var key = NewKey();
        await key.Begin("say-hash");

        var retry = await key.Begin("say-hash");

        Assert.Equal(RequestClaimKind.Running, retry.Kind);
    }

    [Fact]
    public async Task Begin_AfterTheAnswer_IsTheAnswer()
    {
        var key = NewKey();
        await key.Begin("say-hash");
        await key.Complete("say-hash", """{"turns":[]}""");

        var retry = await key.Begin("say-hash");

        Assert.Equal(new RequestClaim(RequestClaimKind.Answered, """{"turns":[]}"""), retry);
    }

    [Fact]
    public async Task Begin_AnotherRequest_IsAMismatch()
    {
        var key = NewKey();
        await key.Begin("say-hash");
        await key.Complete("say-hash", "{}");

        var other = await key.Begin("other-hash");

        Assert.Equal(RequestClaimKind.Mismatch, other.Kind);
    }

    [Fact]
    public async Task Begin_AfterAbandon_ClaimsTheKeyAgain()
    {
        var key = NewKey();
        await key.Begin("say-hash");
        await key.Abandon("say-hash");

        var retry = await key.Begin("say-hash");

        Assert.Equal(RequestClaimKind.Claimed, retry.Kind);
    }
}

/// <summary>A tenant's open scenes are counted against its limits; closing one frees its slot.</summary>
[Collection(ClusterCollection.Name)]
public sealed class StudioTenantGrainTests(ClusterFixture fixture)
{
    private IStudioTenantGrain NewTenant() => fixture.Cluster.Client.GetGrain<IStudioTenantGrain>($"t{Guid.NewGuid():N}");

    [Fact]
    public async Task OpenScene_BeyondTheTenantsLimit_SaysWhy()
    {
        var tenant = NewTenant();
        await tenant.OpenScene("w/a", null, 1, 5);

        var refusal = await tenant.OpenScene("w/b", null, 1, 5);

        Assert.Contains("limit", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenScene_TheSameSceneAgain_TakesNoSecondSlot()
    {
        var tenant = NewTenant();
        await tenant.OpenScene("w/a", "p", 1, 1);

        var again = await tenant.OpenScene("w/a", "p", 1, 1);

        Assert.Null(again);
    }

    [Fact]
    public async Task CloseScene_AtTheLimit_FreesASlotAndMarksItClosed()
    {
        var tenant = NewTenant();
        await tenant.OpenScene("w/a", "p", 5, 1);
        await tenant.CloseScene("w/a");

        var opened = await tenant.OpenScene("w/b", "p", 5, 1);

        Assert.Equal((null, true), (opened, await tenant.IsClosed("w/a")));
    }
}
