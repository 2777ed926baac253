using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Orleans.Hosting.Kubernetes;
using WorldPlay.Web;
using YamlDotNet.RepresentationModel;

namespace WorldPlay.Hosting.Tests;

/// <summary>No cluster runs here, so deploy/k8s is parsed and checked against what the silo and Orleans' Kubernetes hosting
/// read: the variables, ports, labels, permissions and Secrets the pods need.</summary>
public sealed partial class KubernetesManifestTests
{
    private const string Azurite =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;";

    // The API groups and versions of what deploy/k8s holds, as Kubernetes 1.25 and later serve them.
    private static readonly HashSet<(string, string)> KnownKinds =
    [
        ("v1", "ServiceAccount"),
        ("rbac.authorization.k8s.io/v1", "Role"),
        ("rbac.authorization.k8s.io/v1", "RoleBinding"),
        ("apps/v1", "Deployment"),
        ("v1", "Service"),
        ("policy/v1", "PodDisruptionBudget"),
    ];

    private static readonly KubernetesManifests Manifests = KubernetesManifests.Load();

    [Fact]
    public void Manifests_EveryDocument_IsAKnownKindWithAName()
    {
        var unknown = Manifests.Documents.Where(d => d.File != "kustomization.yaml")
            .Where(d => !KnownKinds.Contains((d.Document.Text("apiVersion"), d.Document.Text("kind")))
                || d.Document.Find("metadata", "name") is not YamlScalarNode { Value.Length: > 0 })
            .Select(d => $"{d.File}: {d.Document.Find("apiVersion")} {d.Document.Find("kind")}").ToList();

        Assert.Empty(unknown);
    }

    [Fact]
    public void Manifests_NoDocument_NamesANamespace()
    {
        var namespaced = Manifests.Documents.Where(d => d.Document.Find("metadata", "namespace") is not null).Select(d => d.File);

        Assert.Empty(namespaced);
    }

    [Fact]
    public void Kustomization_Resources_AreEveryManifestFile()
    {
        var files = Directory.GetFiles(KubernetesManifests.Folder, "*.yaml").Select(Path.GetFileName)
            .Where(f => f != "kustomization.yaml").Order(StringComparer.Ordinal);

        Assert.Equal(files, Manifests.Single("Kustomization").Texts("resources").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Deployment_Environment_SetsEveryVariableKubernetesHostingReads()
    {
        string[] read =
        [
            KubernetesHostingOptions.PodNameEnvironmentVariable, KubernetesHostingOptions.PodNamespaceEnvironmentVariable,
            KubernetesHostingOptions.PodIPEnvironmentVariable, KubernetesHostingOptions.ServiceIdEnvironmentVariable,
            KubernetesHostingOptions.ClusterIdEnvironmentVariable,
        ];

        Assert.Subset(Manifests.Environment.Keys.ToHashSet(), read.ToHashSet());
    }

    [Fact]
    public void Deployment_PodVariables_ComeFromTheDownwardApi()
    {
        var sources = new[]
            {
                KubernetesHostingOptions.PodNameEnvironmentVariable, KubernetesHostingOptions.PodNamespaceEnvironmentVariable,
                KubernetesHostingOptions.PodIPEnvironmentVariable,
            }
            .Select(v => $"{v}={Manifests.Environment[v].Text("valueFrom", "fieldRef", "fieldPath")}");

        Assert.Equal(["POD_NAME=metadata.name", "POD_NAMESPACE=metadata.namespace", "POD_IP=status.podIP"], sources);
    }

    [Fact]
    public void Deployment_WorldPlayVariables_AreKnownKeys()
    {
        var known = WorldPlayOptions.Keys.Select(k => k.EnvironmentVariable).ToHashSet(StringComparer.Ordinal);

        var unknown = Manifests.Environment.Keys.Where(v => v.StartsWith(WorldPlayOptions.EnvironmentPrefix, StringComparison.Ordinal))
            .Where(v => !known.Contains(v));

        Assert.Empty(unknown);
    }

    [Fact]
    public void Deployment_Environment_IsAKubernetesSiloOnAzure()
    {
        var options = PodOptions();

        Assert.Equal((true, ClusteringKind.AzureTable, StorageKind.Azure), (options.Kubernetes, options.Clustering, options.Storage));
    }

    [Fact]
    public void Deployment_OrleansIds_AreTheSiloIdsAndThePodLabels()
    {
        var options = PodOptions();
        var labels = Manifests.PodLabels;

        IEnumerable<string?> ids =
        [
            Resolve(KubernetesHostingOptions.ServiceIdEnvironmentVariable), Resolve(KubernetesHostingOptions.ClusterIdEnvironmentVariable),
            labels[KubernetesHostingOptions.ServiceIdLabel], labels[KubernetesHostingOptions.ClusterIdLabel],
        ];

        Assert.Equal([options.ServiceId, options.ClusterId, options.ServiceId, options.ClusterId], ids);
    }

    [Fact]
    public void Deployment_ContainerPorts_AreTheConfiguredPorts()
    {
        var options = PodOptions();

        Assert.Equal(
            new Dictionary<string, int> { ["silo"] = options.SiloPort, ["gateway"] = options.GatewayPort, ["http"] = options.Http.Port },
            Manifests.ContainerPorts);
    }

    [Theory]
    [InlineData("Deployment")]
    [InlineData("Service")]
    [InlineData("PodDisruptionBudget")]
    public void Selector_OfKind_MatchesThePodLabels(string kind)
    {
        var document = Manifests.Single(kind);
        var selector = kind == "Service" ? document.Map("spec", "selector") : document.Map("spec", "selector", "matchLabels");

        Assert.Subset(Manifests.PodLabels.ToHashSet(), selector.Strings().ToHashSet());
    }

    [Fact]
    public void Service_TargetPorts_AreContainerPorts()
    {
        var targets = Manifests.Single("Service").Seq("spec", "ports").Cast<YamlMappingNode>().Select(p => p.Text("targetPort"));

        Assert.Subset(Manifests.ContainerPorts.Keys.ToHashSet(), targets.ToHashSet());
    }

    [Fact]
    public void Probes_Ports_AreContainerPorts()
    {
        var ports = new[] { "startupProbe", "readinessProbe", "livenessProbe" }
            .Select(p => Manifests.Container.Map(p))
            .Select(p => p.Find("tcpSocket", "port") ?? p.Find("httpGet", "port"))
            .Select(p => ((YamlScalarNode)p!).Value!);

        Assert.Subset(Manifests.ContainerPorts.Keys.ToHashSet(), ports.ToHashSet());
    }

    [Fact]
    public void ReadinessProbe_Path_IsTheAnonymousOpenApiDocument()
    {
        Assert.Equal(WorldPlayApi.OpenApiPath, Manifests.Container.Text("readinessProbe", "httpGet", "path"));
    }

    [Fact]
    public void Role_PodVerbs_CoverWhatKubernetesHostingDoes()
    {
        // The agent reads and labels its own pod (ReadNamespacedPod, PatchNamespacedPod), watches the silo pods
        // (WatchListNamespacedPod) and deletes the pod of a dead silo (DeleteNamespacedPod).
        string[] needed = ["get", "patch", "list", "watch", "delete"];
        var granted = Manifests.Single("Role").Seq("rules").Cast<YamlMappingNode>()
            .Where(r => r.Texts("apiGroups").Contains("") && r.Texts("resources").Contains("pods"))
            .SelectMany(r => r.Texts("verbs")).ToHashSet(StringComparer.Ordinal);

        Assert.Subset(granted, needed.ToHashSet());
    }

    [Fact]
    public void RoleBinding_BindsTheRoleToTheDeploymentsServiceAccount()
    {
        var binding = Manifests.Single("RoleBinding");
        var subject = (YamlMappingNode)binding.Seq("subjects").Single();

        var role = Manifests.Single("Role").Text("metadata", "name");
        var account = Manifests.Single("ServiceAccount").Text("metadata", "name");

        Assert.Equal(
            ("Role", role, "ServiceAccount", account, account),
            (binding.Text("roleRef", "kind"), binding.Text("roleRef", "name"), subject.Text("kind"), subject.Text("name"),
                Manifests.PodTemplate.Text("spec", "serviceAccountName")));
    }

    [Fact]
    public void Deployment_StorageConnection_IsTheSecretTheDocsCreate()
    {
        var created = SecretsCreatedInDocs().Single(s => s.Source == "literal");
        var reference = Manifests.Environment[WorldPlayOptions.EnvironmentVariable("AzureStorage")].Map("valueFrom", "secretKeyRef");

        Assert.Equal((created.Name, created.Key), (reference.Text("name"), reference.Text("key")));
    }

    [Fact]
    public void Deployment_StudioKeysFile_IsTheMountedItemOfTheSecretTheDocsCreate()
    {
        var created = SecretsCreatedInDocs().Single(s => s.Source == "file");
        var pod = Manifests.PodTemplate.Map("spec");
        var volume = pod.Seq("volumes").Cast<YamlMappingNode>().Single(v => v.Text("secret", "secretName") == created.Name);
        var item = volume.Seq("secret", "items").Cast<YamlMappingNode>().Single(i => i.Text("key") == created.Key);
        var mount = Manifests.Container.Seq("volumeMounts").Cast<YamlMappingNode>().Single(m => m.Text("name") == volume.Text("name"));

        Assert.Equal($"{mount.Text("mountPath")}/{item.Text("path")}", Resolve(WorldPlayOptions.EnvironmentVariable("Studio:KeysFile")));
    }

    [Fact]
    public void Deployment_Container_RequestsAndLimitsCpuAndMemory()
    {
        var resources = Manifests.Container.Map("resources");

        var set = new[] { "requests", "limits" }.SelectMany(k => new[] { "cpu", "memory" }.Select(r => $"{k}.{r}"))
            .Where(p => resources.Find(p.Split('.')) is YamlScalarNode);

        Assert.Equal(["requests.cpu", "requests.memory", "limits.cpu", "limits.memory"], set);
    }

    // The silo's options as the pod would read them: its WORLDPLAY_ variables (Azurite's connection string for the Secret),
    // bound the way the silo host binds them.
    private static WorldPlayOptions PodOptions()
    {
        var values = Manifests.Environment.Keys.Where(v => v.StartsWith(WorldPlayOptions.EnvironmentPrefix, StringComparison.Ordinal))
            .Select(v => KeyValuePair.Create(
                v[WorldPlayOptions.EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal), Resolve(v)));
        return WorldPlayOptions.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
    }

    private static string? Resolve(string variable) => Manifests.Resolve(variable, (_, _) => Azurite);

    private static IReadOnlyList<(string Name, string Source, string Key)> SecretsCreatedInDocs() =>
        [
            .. CreateSecret().Matches(File.ReadAllText(Path.Combine(Repository.Root, "docs", "operations.md")))
                .Select(m => (m.Groups["name"].Value, m.Groups["source"].Value, m.Groups["key"].Value)),
        ];

    [GeneratedRegex(@"kubectl create secret generic (?<name>[\w-]+)\s.*?--from-(?<source>literal|file)=(?<key>[\w.]+)=")]
    private static partial Regex CreateSecret();
}
