using System.Collections.Immutable;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WorldPlay.Client;
using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Serialization;
using WorldPlay.Web.Studio;

namespace WorldPlay.Web;

/// <summary>The read-only HTTP API over worlds, branches, state at a turn, diffs, causal chains and transcripts, per tenant: a
/// caller names its own worlds by their keys (<see cref="TenantKeys"/>) and never sees another tenant's, which answer 404 as if
/// absent.</summary>
public static class WorldPlayApi
{
    /// <summary>Where the OpenAPI document is served.</summary>
    public const string OpenApiPath = "/openapi/v1.json";

    /// <summary>The most turns one transcript request returns.</summary>
    public const int MaxTranscriptTurns = 500;

    /// <summary>Adds what the API needs: JSON as <see cref="CoreSerialization.Json"/> writes it, problem details and the OpenAPI
    /// document.</summary>
    public static IServiceCollection AddWorldPlayApi(this IServiceCollection services)
    {
        services.Configure<JsonOptions>(o =>
        {
            var core = CoreSerialization.Json;
            o.SerializerOptions.PropertyNamingPolicy = core.PropertyNamingPolicy;
            o.SerializerOptions.DefaultIgnoreCondition = core.DefaultIgnoreCondition;
            foreach (var converter in core.Converters)
            {
                o.SerializerOptions.Converters.Add(converter);
            }
        });
        services.AddProblemDetails();
        services.AddOpenApi();
        return services;
    }

    /// <summary>Maps <c>/api/...</c> and the OpenAPI document at <see cref="OpenApiPath"/>. Needs <see cref="AddWorldPlayApi"/>
    /// and an Orleans <see cref="IGrainFactory"/> (a silo or a client) in the services.</summary>
    public static IEndpointRouteBuilder MapWorldPlayApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi(OpenApiPath).AllowAnonymous();
        var api = endpoints.MapGroup("/api").WithTags("WorldPlay").RequireAuthorization(StudioPolicies.Read);

        api.MapGet("/worlds", (HttpContext http, IGrainFactory grains) => Answer(() => WorldsAsync(Reader.Of(http, grains))))
            .WithName("ListWorlds").WithSummary("Every root world with its branches.")
            .Produces<ImmutableArray<WorldListing>>();
        api.MapGet("/worlds/{key}",
                (string key, HttpContext http, IGrainFactory grains) => Answer(() => OverviewAsync(Reader.Of(http, grains), key)))
            .WithName("GetWorld").WithSummary("A world or branch at a glance: summary, lineage and scenes.")
            .Produces<WorldOverview>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/worlds/{key}/branches",
            (string key, HttpContext http, IGrainFactory grains) => Answer(() => BranchesAsync(Reader.Of(http, grains), key)))
            .WithName("GetBranches").WithSummary("The branch tree of the world's family, with fork points.")
            .Produces<BranchTree>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/worlds/{key}/state",
            (string key, string? turn, HttpContext http, IGrainFactory grains) =>
                Answer(() => StateAsync(Reader.Of(http, grains), key, turn)))
            .WithName("GetState")
            .WithSummary("The world just after a turn (default: now): entities, places and who is there, relationships, facts.")
            .Produces<StateAtTurn>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/worlds/{key}/diff", (string key, string? from, string? to, string? against, HttpContext http, IGrainFactory grains) =>
                Answer(() => DiffAsync(Reader.Of(http, grains), key, from, to, against)))
            .WithName("GetDiff")
            .WithSummary(
                    "What changed between two turns, or between the ends of this branch and another (against), with the events " +
                    "responsible.")
            .Produces<DiffAnswer>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/worlds/{key}/why",
            (string key, string? relationship, string? type, string? fact, string? status, string? turn, HttpContext http,
                IGrainFactory grains) => Answer(() => WhyAsync(Reader.Of(http, grains), key, relationship, type, fact, status, turn)))
            .WithName("GetWhy")
            .WithSummary("The causal chain behind a relationship (A:B), a fact or an entity's status, as of a turn (default: now).")
            .Produces<CausalAnswer>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/scenes/{key}/transcript", (string key, string? from, string? count, HttpContext http, IGrainFactory grains) =>
                Answer(() => TranscriptAsync(Reader.Of(http, grains), Uri.UnescapeDataString(key), from, count)))
            .WithName("GetTranscript").WithSummary("Recorded turns of a scene (key: world/scene, URL-encoded), from a turn on.")
            .Produces<TranscriptPage>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<IResult> Answer<T>(Func<Task<T>> answer)
    {
        try
        {
            return TypedResults.Ok(await answer());
        }
        catch (ApiProblemException e)
        {
            return TypedResults.Problem(e.Message, statusCode: e.Status,
                title: e.Status == StatusCodes.Status404NotFound ? "Not found" : "Bad request");
        }
        catch (ArgumentException e)
        {
            // Grains and the core refuse bad input (an id that is not a slug, a turn out of range) with an ArgumentException that says what
            // is wrong.
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
        }
    }

    private static async Task<ImmutableArray<WorldListing>> WorldsAsync(Reader reader)
    {
        var listings = ImmutableArray.CreateBuilder<WorldListing>();
        foreach (var key in await reader.WorldsAsync())
        {
            var world = reader.Client.World(reader.Internal(key));
            var summary = await world.SummaryAsync();
            listings.Add(new WorldListing(key, summary.Name, summary.Turn, summary.Version,
                reader.External(await world.BranchesAsync())));
        }
        return listings.ToImmutable();
    }

    private static async Task<WorldOverview> OverviewAsync(Reader reader, string key)
    {
        var (world, summary) = await OpenAsync(reader, key);
        var definition = await world.DefinitionAsync();
        var scenes = ImmutableArray.CreateBuilder<SceneListing>();
        foreach (var spec in definition.Scenes)
        {
            // Scenes are kept under world/scene (a branch's continuation too); a declared scene nobody opened is left out.
            var scene = reader.Client.Scene($"{world.Key}/{spec.Id}");
            try
            {
                var status = await scene.StatusAsync();
                scenes.Add(new SceneListing(spec.Id, $"{key}/{spec.Id}", status.Place.Value, status.Turn));
            }
            catch (InvalidOperationException)
            {
            }
        }
        return new WorldOverview(
            key, summary.Name, summary.Turn, summary.Version, summary.StoryMinute, summary.Entities, summary.Relationships, summary.Facts,
            reader.External(await world.LineageAsync()), scenes.ToImmutable());
    }

    private static async Task<BranchTree> BranchesAsync(Reader reader, string key)
    {
        var (world, _) = await OpenAsync(reader, key);
        var lineage = reader.External(await world.LineageAsync());
        return new BranchTree(lineage.Root, lineage, reader.External(await world.BranchesAsync()));
    }

    private static async Task<StateAtTurn> StateAsync(Reader reader, string key, string? turnText)
    {
        var (world, summary) = await OpenAsync(reader, key);
        var turn = Turn(turnText, "turn", summary) ?? summary.Turn;
        return StateAtTurn.Of(key, turn, summary.Turn, await world.StateAsync(turn));
    }

    private static async Task<DiffAnswer> DiffAsync(Reader reader, string key, string? fromText, string? toText, string? against)
    {
        var (world, summary) = await OpenAsync(reader, key);
        if (against is not null)
        {
            var (other, otherSummary) = await OpenAsync(reader, against);
            return new DiffAnswer(key, against, summary.Turn, otherSummary.Turn, await world.DiffAsync(other));
        }
        var from = Turn(fromText, "from", summary) ?? 0;
        var to = Turn(toText, "to", summary) ?? summary.Turn;
        if (from > to)
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, $"from {from} is after to {to}; give the earlier turn first.");
        }
        return new DiffAnswer(key, null, from, to, await world.DiffAsync(from, to));
    }

    private static async Task<CausalAnswer> WhyAsync(
        Reader reader, string key, string? relationship, string? type, string? fact, string? status, string? turnText)
    {
        var asked = new[] { relationship, fact, status }.Count(q => !string.IsNullOrWhiteSpace(q));
        if (asked != 1)
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest,
                "Ask about exactly one thing: relationship=FROM:TO (with type=TYPE to pick one), fact=FACT-ID or status=ENTITY.");
        }
        var (world, summary) = await OpenAsync(reader, key);
        // The grain answers as of an event; a turn ends with the last event committed in it.
        long? atEvent = Turn(turnText, "turn", summary) is { } turn ? (await world.StateAsync(turn)).State.Version : null;
        var request = relationship is not null
            ? relationship.Split(':') is [var from, var to] && EntityId.IsSlug(from) && EntityId.IsSlug(to)
                ? WhyRequest.Relationship(new EntityId(from), new EntityId(to), string.IsNullOrWhiteSpace(type) ? null : type, atEvent)
                : throw new ApiProblemException(StatusCodes.Status400BadRequest,
                    $"relationship '{relationship}' is not FROM:TO with two entity ids, such as mira:tomas.")
            : fact is not null ? WhyRequest.Fact(fact, atEvent)
            : EntityId.IsSlug(status!) ? WhyRequest.Status(new EntityId(status!), atEvent)
            : throw new ApiProblemException(StatusCodes.Status400BadRequest, $"status '{status}' is not an entity id, such as mira.");
        try
        {
            return await world.WhyAsync(request);
        }
        catch (KeyNotFoundException e)
        {
            throw new ApiProblemException(StatusCodes.Status404NotFound, e.Message);
        }
    }

    private static async Task<TranscriptPage> TranscriptAsync(Reader reader, string key, string? fromText, string? countText)
    {
        var from = Number(fromText, "from", 1, int.MaxValue) ?? 1;
        var count = Number(countText, "count", 1, MaxTranscriptTurns) ?? 50;
        var scene = reader.Client.Scene(reader.Internal(key));
        SceneStatus status;
        try
        {
            status = await scene.StatusAsync();
        }
        catch (InvalidOperationException)
        {
            throw new ApiProblemException(StatusCodes.Status404NotFound,
                $"Unknown scene '{key}': no scene was opened under that key. Scene keys are world/scene, as GET /api/worlds/{{key}} " +
                    "lists them.");
        }
        // As state?turn=N beyond the end is a 400, so is a transcript page that starts past the next turn to be played.
        if (from > status.Turn + 1)
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest,
                $"from {from} is beyond the end of scene '{key}', which has played {status.Turn} turns; " +
                $"give a turn from 1 to {status.Turn + 1} " +
                $"({status.Turn + 1} is the next turn to be played: an empty page until it is).");
        }
        var state = (await reader.Client.World(status.WorldKey).StateAsync()).State;
        string Name(EntityId id) => state.Find(id)?.Name ?? id.Value;
        var turns = await scene.TurnsAsync(from, count);
        return new TranscriptPage(key, reader.External(status.WorldKey), status.Turn, [.. turns.Select(t => TurnView.Of(t, Name))]);
    }

    /// <summary>The world under <paramref name="key"/> and its summary; a 404 naming it (and the known worlds) when there is
    /// none.</summary>
    private static async Task<(WorldHandle World, WorldSummary Summary)> OpenAsync(Reader reader, string key)
    {
        var world = reader.Client.World(reader.Internal(key));
        try
        {
            return (world, await world.SummaryAsync() with { Key = key });
        }
        catch (InvalidOperationException)
        {
            var known = await reader.WorldsAsync();
            throw new ApiProblemException(StatusCodes.Status404NotFound,
                $"Unknown world '{key}'; known worlds: {(known.IsEmpty ? "none yet" : string.Join(", ", known))} (branches: GET " +
                    $"/api/worlds/{{key}}/branches).");
        }
    }

    private static int? Turn(string? text, string name, WorldSummary summary)
    {
        var turn = Number(text, name, 0, int.MaxValue);
        if (turn > summary.Turn)
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest,
                $"{name} {turn} is beyond the end of world '{summary.Key}', which has played {summary.Turn} turns; give a turn from 0 to " +
                    $"{summary.Turn}.");
        }
        return turn;
    }

    private static int? Number(string? text, string name, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest,
                $"{name} '{text}' is not a whole number from {min}{(max == int.MaxValue ? " up" : $" to {max}")}.");
        }
        return value;
    }
}

/// <summary>A request the API cannot answer, with its HTTP status and a message that says what to do.</summary>
internal sealed class ApiProblemException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}

/// <summary>The grains as one tenant reads them: its keys in, its keys out, other tenants' worlds left out.</summary>
internal sealed record Reader(WorldPlayClient Client, string Tenant)
{
    public static Reader Of(HttpContext http, IGrainFactory grains) => new(new WorldPlayClient(grains), StudioCaller.From(http).Tenant);

    public string Internal(string key) => TenantKeys.Internal(Tenant, key);

    public string External(string internalKey) => TenantKeys.External(Tenant, internalKey)
        ?? throw new InvalidOperationException($"A key of another tenant reached tenant '{Tenant}'s answer.");

    /// <summary>The tenant's root worlds, by its keys.</summary>
    public async Task<ImmutableArray<string>> WorldsAsync() =>
        [.. (await Client.WorldsAsync()).Select(k => TenantKeys.External(Tenant, k)).OfType<string>()];

    public WorldLineage External(WorldLineage lineage) => new(
        External(lineage.Key), External(lineage.Root), [.. lineage.Ancestors.Select(External)]);

    public ImmutableArray<BranchEntry> External(ImmutableArray<BranchEntry> branches) =>
        [.. branches.Select(b => b with { Key = External(b.Key), Origin = External(b.Origin) })];

    private ForkPoint External(ForkPoint point) => point with { Parent = External(point.Parent) };
}
