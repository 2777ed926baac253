using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WorldPlay.Core.Scenes;
using WorldPlay.Evaluation.Judging;
using WorldPlay.FakeLlm;
using WorldPlay.Hosting;
using WorldPlay.Minds;
using WorldPlay.Minds.Llm;
using WorldPlay.Synthesis.Sessions;

namespace WorldPlay.Synthesis.Tests.Sessions;

/// <summary>The engine with <c>openai</c> minds and an LLM judge against the fake OpenAI-compatible server: the same code path as
/// the procedural minds.</summary>
public sealed class FakeModelSynthesisTests
{
    [Fact]
    public async Task OpenAiMindsAndJudge_AgainstTheFakeModel_PlayRankReviewAndFork()
    {
        await using var server = await FakeLlmServer.StartAsync(new FakeLlmOptions());
        var model = new LlmMindOptions
        {
            Endpoint = server.Endpoint, Model = FakeLlmServer.DefaultModel, Streaming = false, MaxRetries = 0, Temperature = 0,
            AttemptTimeout = TimeSpan.FromSeconds(10),
        };
        using var host = await WorldPlaySilo.StartEmbeddedAsync(minds: MindCatalog.WithLanguageModel(model));
        try
        {
            var engine = new SynthesisEngine(host.Services.GetRequiredService<IGrainFactory>(), new LlmJudge(new LlmEndpoint(model)));
            var scenario = SynthesisScenarios.RpBench();
            var job = new SynthesisJob("fake-model", scenario, $"openai:{model.Model}", $"slow-burn:openai:{model.Model}", 1);

            var session = await engine.RunAsync(job, new SynthesisOptions(8, 2, 4, 2), CancellationToken.None);

            var first = session.Rounds[0];
            Assert.Equal(
                (2, true, true),
                (session.Rounds.Length,
                    first.Transcript.Where(t => t.Role == TurnRole.Npc && t.Usage.Mind != "script")
                        .All(t => t.Usage.Mind == $"openai:{model.Model}"),
                    first.Candidates.Count(c => c.Rejected.Length == 1) > 0));
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
