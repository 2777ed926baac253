using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using WorldPlay.Hosting;

// A single silo with localhost clustering and in-memory storage. Ports come from configuration
// (appsettings.json, WORLDPLAY_ environment variables, or --Silo:SiloPort=11111 style arguments).
var builder = Host.CreateApplicationBuilder(args);
builder.Configuration.AddEnvironmentVariables("WORLDPLAY_");
var siloPort = builder.Configuration.GetValue("Silo:SiloPort", 11111);
var gatewayPort = builder.Configuration.GetValue("Silo:GatewayPort", 30000);
builder.UseOrleans(silo => silo.UseLocalhostClustering(siloPort, gatewayPort).AddWorldPlay());
using var host = builder.Build();
await host.StartAsync();
Console.WriteLine($"WorldPlay silo listening: silo port {siloPort}, gateway port {gatewayPort}, in-memory storage, procedural minds. Ctrl+C stops it.");
await host.WaitForShutdownAsync();
