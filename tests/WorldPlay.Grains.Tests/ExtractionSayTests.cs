using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WorldPlay.Client;
using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Scenes;
using WorldPlay.Core.Worlds;
using WorldPlay.FakeLlm;
using WorldPlay.Hosting;
using WorldPlay.Minds.Llm;

namespace WorldPlay.Grains.Tests;

/// <summary>A person's free-text line in a scene played by a language model (the fake OpenAI-compatible server on a free port):
/// what the model extracts from it is proposed with the person as the actor and judged by the world's laws, and the line is
/// said whatever becomes of the extraction.</summary>
public sealed class ExtractionSayTests
{
    [Theory]
    [InlineData("My sister Lena lives in Vask, and I miss her.", "Lena", "Vask")]
    [InlineData("我的妹妹莲娜住在维斯克。", "莲娜", "维斯克")]
    public async Task Say_LineNamingASisterAndHerTown_CommitsBothCreationsAndTheTieAsTheUsers(string line, string sister, string town)
    {
        await using var model = await FakeLlmServer.StartAsync(new FakeLlmOptions { Seed = 2 });

        var run = await SayAsync(model, line);

        Assert.Equal("", string.Join("; ", run.UserTurn.Rejected.Select(r => $"{r.Proposal.Change.Kind}: {r.Reason}")));
        var created = run.UserTurn.Accepted.Where(e => e.Change is EntityCreated).ToDictionary(e => ((EntityCreated)e.Change).Name);
        var place = (EntityCreated)created[town].Change;
        var person = (EntityCreated)created[sister].Change;
        var tie = run.UserTurn.Accepted.Select(e => e.Change).OfType<RelationshipChanged>().Single();
        Assert.Equal((EntityKind.Place, EntityKind.Character, place.Id), (place.EntityKind, person.EntityKind, person.Location));
        Assert.Equal(("wren", person.Id, "sister"), (tie.From.Value, tie.To, tie.Type));
        Assert.Equal(OriginSource.User, run.State.Get(person.Id).Origin?.Source);
        Assert.Equal(OriginSource.User, run.State.RelationshipsOf(person.Id).Single(r => r.Type == "sister").Origin?.Source);
        Assert.Contains(run.UserTurn.Accepted, e => e.Change is Spoke s && s.Text == line);
    }

    [Fact]
    public async Task Say_LineThatCreatesNothing_IsSaidWithNoOtherEvent()
    {
        await using var model = await FakeLlmServer.StartAsync(new FakeLlmOptions { Seed = 2 });

        var run = await SayAsync(model, "The fog is thick tonight, isn't it?");

        Assert.Equal(["spoke"], run.UserTurn.Accepted.Select(e => e.Change.Kind));
    }

    [Fact]
    public async Task Say_ExtractionReplyOfTheWrongShape_CreatesNothingAndTheLineIsSaid()
    {
        await using var model = await FakeLlmServer.StartAsync(new FakeLlmOptions
        {
            Seed = 2, FaultRate = 1, Faults = [Fault.SchemaViolation],
        });

        var run = await SayAsync(model, "My sister Lena lives in Vask.");

        Assert.Equal(["spoke"], run.UserTurn.Accepted.Select(e => e.Change.Kind));
        Assert.Equal(("person", 1), (run.UserTurn.Usage.Mind, run.UserTurn.Usage.ParseFailures));
        Assert.Null(run.State.Entities.Values.FirstOrDefault(e => e.Name == "Lena"));
    }

    [Fact]
    public async Task Say_StructuredProposals_AreNotExtractedAgain()
    {
        await using var model = await FakeLlmServer.StartAsync(new FakeLlmOptions { Seed = 2 });

        var run = await SayAsync(model, "My sister Lena lives in Vask.", [Proposal.Of("wren", new TimeAdvanced(5))]);

        Assert.Equal(["spoke", "time-advanced"], run.UserTurn.Accepted.Select(e => e.Change.Kind));
    }

    private static async Task<Run> SayAsync(FakeLlmServer model, string line, Proposal[]? proposals = null)
    {
        var options = new LlmMindOptions
        {
            Endpoint = model.Endpoint, Model = FakeLlmServer.DefaultModel, RetryDelay = TimeSpan.FromMilliseconds(50),
        };
        using var host = await WorldPlaySilo.StartEmbeddedAsync(languageModel: options);
        try
        {
            var client = new WorldPlayClient(host.Services.GetRequiredService<IGrainFactory>());
            var definition = WorldFiles.Load("harbor");
            var key = $"harbor-extraction-{Guid.NewGuid():N}";
            await client.CreateWorldAsync(key, definition);
            var spec = definition.Scenes[0];
            var scene = await client.OpenSceneAsync($"{key}/{spec.Id}",
                new SceneOptions(key, spec.Id, 7, "openai:fake", null, null, 1200));
            var turns = await scene.SayAsync(line, proposals is null ? default : [.. proposals]);
            var state = (await host.Services.GetRequiredService<IGrainFactory>().GetGrain<IWorldGrain>(key).StateAfterTurn(-1)).State;
            return new Run(turns.First(t => t.Role == TurnRole.User), state);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private sealed record Run(TurnRecord UserTurn, WorldState State);
}
