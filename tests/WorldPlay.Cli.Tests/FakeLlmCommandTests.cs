using WorldPlay.FakeLlm;

namespace WorldPlay.Cli.Tests;

/// <summary><c>worldplay fake-llm</c> refuses bad values with one clear message and exit code 2, before it listens.</summary>
public sealed class FakeLlmCommandTests
{
    [Theory]
    [InlineData("--fault-rate", "2", "--fault-rate must be between 0 and 1")]
    [InlineData("--fault-rate", "-0.1", "--fault-rate must be between 0 and 1")]
    [InlineData("--port", "70000", "--port must be between 0")]
    [InlineData("--faults", "429,gremlins", "Unknown fault 'gremlins'")]
    [InlineData("--latency-ms", "-5", "--latency-ms cannot be negative")]
    [InlineData("--tokens-per-second", "-1", "--tokens-per-second must be 0")]
    public async Task FakeLlm_BadValue_ExitsWithOneMessage(string option, string value, string message)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await WorldPlayCommand.RunAsync(["fake-llm", option, value], output, error);

        Assert.Equal((2, true, ""), (code, error.ToString().Contains(message, StringComparison.Ordinal), output.ToString()));
    }

    [Fact]
    public async Task FakeLlm_Help_TeachesEveryFault()
    {
        var output = new StringWriter();

        await WorldPlayCommand.RunAsync(["fake-llm", "--help"], output, new StringWriter());

        Assert.All(FaultNames.All.Select(FaultNames.NameOf),
            name => Assert.Contains($"{name} = ", output.ToString(), StringComparison.Ordinal));
    }
}
