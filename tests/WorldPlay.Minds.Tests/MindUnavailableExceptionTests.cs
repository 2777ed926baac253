using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace WorldPlay.Minds.Tests;

/// <summary>A failed turn's exception crosses a grain call with its type, message and reason, as Orleans' serializer carries
/// it once the silo allows the <c>WorldPlay.Minds</c> namespace.</summary>
public sealed class MindUnavailableExceptionTests
{
    [Fact]
    public void OrleansSerializer_ThrownException_ArrivesWithTypeMessageAndReason()
    {
        var serializer = new ServiceCollection()
            .AddSerializer()
            .Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("WorldPlay.Minds"))
            .BuildServiceProvider()
            .GetRequiredService<Serializer>();
        Exception thrown;
        try
        {
            throw new MindUnavailableException(MindUnavailableReason.RateLimited, "The LLM endpoint kept answering 429.",
                new HttpRequestException("refused"));
        }
        catch (MindUnavailableException e)
        {
            thrown = e;
        }

        var arrived = Assert.IsType<MindUnavailableException>(serializer.Deserialize<object>(serializer.SerializeToArray<object>(thrown)));

        Assert.Equal((MindUnavailableReason.RateLimited, "The LLM endpoint kept answering 429."), (arrived.Reason, arrived.Message));
    }
}
