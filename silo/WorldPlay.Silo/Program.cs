using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;
using Orleans.Runtime;
using WorldPlay.Hosting;
using WorldPlay.Web;
using WorldPlay.Web.Studio;

// A WorldPlay silo. Configuration, later sources winning: appsettings.json beside the program, WORLDPLAY_ environment
// variables (WORLDPLAY_WorldPlay__Storage=Azure), then the command line (--WorldPlay:Storage Azure). --help lists the keys.
// Exit codes: 0 stopped normally, 1 failed to start, 2 configuration error, 4 storage unreachable.

if (args.Any(a => a is "--help" or "-h" or "-?" or "/?"))
{
    PrintHelp();
    return 0;
}

var configuration = new ConfigurationManager();
WorldPlayOptions options;
StudioOptions studio;
try
{
    configuration
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables(WorldPlayOptions.EnvironmentPrefix)
        .AddCommandLine(args);
    options = WorldPlayOptions.FromConfiguration(configuration);
    studio = StudioConfiguration.FromConfiguration(configuration, required: options.Http.Enabled);
}
catch (Exception e) when (e is WorldPlayConfigurationException or FormatException or InvalidDataException)
{
    foreach (var line in e.Message.Split(Environment.NewLine))
    {
        Console.Error.WriteLine($"configuration error: {line}");
    }
    Console.Error.WriteLine("Run with --help to see every key.");
    return 2;
}

try
{
    await WorldPlaySilo.CheckStorageAsync(options);
}
catch (StorageUnreachableException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 4;
}

IHostApplicationBuilder builder;
if (options.Dashboard.Enabled || options.Http.Enabled)
{
    var web = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    int[] ports =
    [
        .. new[] { options.Dashboard.Enabled ? options.Dashboard.Port : 0, options.Http.Enabled ? options.Http.Port : 0 }
            .Where(p => p > 0).Distinct()
    ];
    web.WebHost.UseUrls([.. ports.Select(p => $"http://*:{p}")]);
    if (options.Http.Enabled)
    {
        web.Services.AddWorldPlayApi();
        web.Services.AddWorldPlayStudio(studio);
    }
    builder = web;
}
else
{
    builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
}
builder.Configuration.AddConfiguration(configuration);
builder.Services.AddWorldPlayTelemetry("worldplay-silo", builder.Configuration);
builder.UseOrleans(silo =>
{
    silo.AddWorldPlay(options).AddWorldPlayTracing();
    if (options.Dashboard.Enabled)
    {
        silo.AddDashboard();
    }
});

using var host = builder is WebApplicationBuilder webBuilder ? BuildWeb(webBuilder, options) : ((HostApplicationBuilder)builder).Build();
try
{
    await host.StartAsync();
}
catch (Exception e) when (Find<StorageUnreachableException>(e) is { } unreachable)
{
    Console.Error.WriteLine($"error: {unreachable.Message}");
    return 4;
}
catch (Exception e)
{
    Console.Error.WriteLine($"error: the silo did not start: {e.GetBaseException().Message}");
    return 1;
}

Console.WriteLine(WorldPlaySilo.Describe(options, host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress));
Console.WriteLine("Ctrl+C or SIGTERM stops it gracefully.");
await host.WaitForShutdownAsync();
return 0;

static IHost BuildWeb(WebApplicationBuilder builder, WorldPlayOptions options)
{
    var app = builder.Build();
    if (options.Http.Enabled)
    {
        app.UseWorldPlayStudio();
    }
    if (options.Dashboard.Enabled)
    {
        // The dashboard has no authentication of its own (its port is kept private); the studio's fallback policy is not its.
        app.MapOrleansDashboard().AllowAnonymous();
    }
    if (options.Http.Enabled)
    {
        app.MapWorldPlayApi();
        app.MapWorldPlayStudio();
        app.MapWorldPlayViewer();
    }
    return app;
}

static T? Find<T>(Exception? e)
    where T : Exception => e switch
    {
        null => null,
        T found => found,
        AggregateException aggregate => aggregate.InnerExceptions.Select(Find<T>).FirstOrDefault(f => f is not null),
        _ => Find<T>(e.InnerException),
    };

static void PrintHelp()
{
    Console.WriteLine("WorldPlay silo: hosts worlds, characters and scenes for a WorldPlay cluster.");
    Console.WriteLine();
    Console.WriteLine("Configuration, later sources winning: appsettings.json beside the program, environment variables, command line.");
    Console.WriteLine("  dotnet WorldPlay.Silo.dll --WorldPlay:Storage Azure --WorldPlay:AzureStorage \"<connection string>\"");
    Console.WriteLine("  WORLDPLAY_WorldPlay__Storage=Azure dotnet WorldPlay.Silo.dll");
    Console.WriteLine();
    const string connectionStrings = "ConnectionStrings:AzureStorage";
    var width = WorldPlayOptions.Keys.Max(k => k.Path.Length);
    foreach (var key in WorldPlayOptions.Keys)
    {
        Console.WriteLine($"  {key.Path.PadRight(width)}  default {key.Default}");
        Console.WriteLine($"  {"".PadRight(width)}  env {key.EnvironmentVariable}");
        Console.WriteLine($"  {"".PadRight(width)}  {key.Meaning}");
    }
    Console.WriteLine($"  {connectionStrings}");
    Console.WriteLine($"  {"".PadRight(width)}  env {WorldPlayOptions.EnvironmentPrefix}ConnectionStrings__AzureStorage");
    Console.WriteLine($"  {"".PadRight(width)}  Read when {WorldPlayOptions.Section}:AzureStorage is unset.");
    Console.WriteLine();
    Console.WriteLine("Exit codes: 0 stopped normally, 1 failed to start, 2 configuration error, 4 storage unreachable.");
}
