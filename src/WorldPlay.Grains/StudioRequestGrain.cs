using WorldPlay.Contracts;

namespace WorldPlay.Grains;

/// <summary>The grain-storage record of an idempotency key: the request it was used for and its answer.</summary>
[GenerateSerializer, Alias("worldplay.StudioRequestRecord")]
public sealed class StudioRequestRecord
{
    [Id(0)] public string? RequestHash { get; set; }

    [Id(1)] public string? AnswerJson { get; set; }
}

/// <summary>An idempotency key. Only answers are stored: a request that is running is known in memory only, so if the silo dies
/// mid-request a retry runs it again, which is safe because the scene's turns are committed idempotently by turn number.</summary>
public sealed class StudioRequestGrain(
    [PersistentState("studio-request", WorldPlayStorage.Grains)] IPersistentState<StudioRequestRecord> record) : Grain, IStudioRequestGrain
{
    private string? _running;

    Task<RequestClaim> IStudioRequestGrain.Begin(string requestHash)
    {
        var known = record.State.RequestHash ?? _running;
        if (known is not null && known != requestHash)
        {
            return Task.FromResult(new RequestClaim(RequestClaimKind.Mismatch));
        }
        if (record.State.AnswerJson is { } answer)
        {
            return Task.FromResult(new RequestClaim(RequestClaimKind.Answered, answer));
        }
        if (_running is not null)
        {
            return Task.FromResult(new RequestClaim(RequestClaimKind.Running));
        }
        _running = requestHash;
        return Task.FromResult(new RequestClaim(RequestClaimKind.Claimed));
    }

    async Task IStudioRequestGrain.Complete(string requestHash, string answerJson)
    {
        if (_running != requestHash && record.State.RequestHash != requestHash)
        {
            throw new InvalidOperationException("The idempotency key was not claimed for this request.");
        }
        record.State.RequestHash = requestHash;
        record.State.AnswerJson = answerJson;
        await record.WriteStateAsync();
        _running = null;
    }

    Task IStudioRequestGrain.Abandon(string requestHash)
    {
        if (_running == requestHash)
        {
            _running = null;
        }
        return Task.CompletedTask;
    }
}
