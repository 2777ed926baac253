using Orleans.Concurrency;

namespace WorldPlay.Contracts;

/// <summary>One idempotency key of one tenant (key: <c>{tenant}/{idempotency key}</c>): the request it was first used for (a hash
/// of what was asked) and, once that request is answered, the answer, so a retry is answered the same and plays nothing again.
/// </summary>
[Alias("worldplay.studio-request")]
public interface IStudioRequestGrain : IGrainWithStringKey
{
    /// <summary>Claims the key for the request hashed <paramref name="requestHash"/>, or says why the request must not run: it ran
    /// (with its answer), it is running, or the key was used for another request.</summary>
    [Alias("begin")]
    Task<RequestClaim> Begin(string requestHash);

    /// <summary>Keeps <paramref name="answerJson"/> as the answer of the request hashed <paramref name="requestHash"/>.</summary>
    [Alias("complete")]
    Task Complete(string requestHash, string answerJson);

    /// <summary>The request failed before it was answered: the key is free again, so a retry runs it anew.</summary>
    [Alias("abandon")]
    Task Abandon(string requestHash);
}

/// <summary>What becomes of a request under its idempotency key.</summary>
public enum RequestClaimKind
{
    /// <summary>The key is the caller's: run the request, then complete or abandon it.</summary>
    Claimed,

    /// <summary>The same request was answered already: <see cref="RequestClaim.AnswerJson"/>.</summary>
    Answered,

    /// <summary>The same request is still running.</summary>
    Running,

    /// <summary>The key was used for another request.</summary>
    Mismatch,
}

[GenerateSerializer, Immutable, Alias("worldplay.RequestClaim")]
public sealed record RequestClaim([property: Id(0)] RequestClaimKind Kind, [property: Id(1)] string? AnswerJson = null);

/// <summary>A tenant of the studio service (key: the tenant): its open scenes, counted against its limits per tenant and per
/// player, and the scenes it closed.</summary>
[Alias("worldplay.studio-tenant")]
public interface IStudioTenantGrain : IGrainWithStringKey
{
    /// <summary>Counts scene <paramref name="sceneKey"/> as open for <paramref name="player"/> (null: the tenant's own key), unless
    /// the tenant has <paramref name="perTenant"/> open or the player <paramref name="perPlayer"/>: then it answers why not.
    /// Opening one that is open already changes nothing.</summary>
    [Alias("open-scene")]
    Task<string?> OpenScene(string sceneKey, string? player, int perTenant, int perPlayer);

    /// <summary>Closes scene <paramref name="sceneKey"/>: it no longer counts and may not be played. False when it was not open.
    /// </summary>
    [Alias("close-scene")]
    Task<bool> CloseScene(string sceneKey);

    /// <summary>True when scene <paramref name="sceneKey"/> was closed.</summary>
    [Alias("is-closed"), ReadOnly]
    Task<bool> IsClosed(string sceneKey);
}
