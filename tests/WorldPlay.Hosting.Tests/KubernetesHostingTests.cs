using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Hosting.Kubernetes;

namespace WorldPlay.Hosting.Tests;

/// <summary>WorldPlay:Kubernetes wires Orleans' Kubernetes hosting into the silo; checked on the services, without a cluster.</summary>
public sealed class KubernetesHostingTests
{
    private const string Azurite =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;";

    [Fact]
    public void Kubernetes_On_AddsTheKubernetesClusterAgent()
    {
        var services = SiloServices(("WorldPlay:Kubernetes", "true"));

        Assert.Contains(services, s => s.ImplementationType == typeof(KubernetesClusterAgent));
    }

    [Fact]
    public void Kubernetes_On_ValidatesTheKubernetesHostingOptions()
    {
        var services = SiloServices(("WorldPlay:Kubernetes", "true"));

        Assert.Contains(services, s => s.ServiceType == typeof(IValidateOptions<KubernetesHostingOptions>));
    }

    [Fact]
    public void Kubernetes_Default_LeavesKubernetesHostingOut()
    {
        var services = SiloServices();

        Assert.DoesNotContain(services, s => s.ImplementationType == typeof(KubernetesClusterAgent));
    }

    [Fact]
    public void Kubernetes_NothingConfigured_IsOff()
    {
        Assert.False(OptionsTests.Read().Kubernetes);
    }

    [Fact]
    public void Kubernetes_WithLocalhostClustering_SaysToUseAzureTable()
    {
        var message = OptionsTests.Problem(("WorldPlay:Kubernetes", "true"));

        Assert.Contains("WorldPlay:Kubernetes needs WorldPlay:Clustering AzureTable", message);
    }

    [Fact]
    public void Kubernetes_NotASwitch_ListsAllowedValues()
    {
        var message = OptionsTests.Problem(("WorldPlay:Kubernetes", "yes"));

        Assert.Contains("WorldPlay:Kubernetes is 'yes'; allowed: true, false.", message);
    }

    private static IServiceCollection SiloServices(params (string Key, string Value)[] values)
    {
        var options = OptionsTests.Read(
            [("WorldPlay:Clustering", "AzureTable"), ("WorldPlay:Storage", "Azure"), ("WorldPlay:AzureStorage", Azurite), .. values]);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo => silo.AddWorldPlay(options));
        return builder.Services;
    }
}
