using YamlDotNet.RepresentationModel;

namespace WorldPlay.Hosting.Tests;

/// <summary>The YAML documents of deploy/k8s, parsed, with the few paths the tests read.</summary>
internal sealed record KubernetesManifests(IReadOnlyList<(string File, YamlMappingNode Document)> Documents)
{
    public static string Folder => Path.Combine(Repository.Root, "deploy", "k8s");

    public static KubernetesManifests Load()
    {
        var documents = new List<(string, YamlMappingNode)>();
        foreach (var file in Directory.GetFiles(Folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var stream = new YamlStream();
            using (var reader = new StreamReader(file))
            {
                stream.Load(reader);
            }
            documents.AddRange(stream.Documents.Select(d => (Path.GetFileName(file), (YamlMappingNode)d.RootNode)));
        }
        return new KubernetesManifests(documents);
    }

    public YamlMappingNode Single(string kind) => Documents.Single(d => d.Document.Text("kind") == kind).Document;

    public YamlMappingNode Deployment => Single("Deployment");

    public YamlMappingNode PodTemplate => Deployment.Map("spec", "template");

    public YamlMappingNode Container => (YamlMappingNode)PodTemplate.Map("spec").Seq("containers").Single();

    public IReadOnlyDictionary<string, string> PodLabels => PodTemplate.Map("metadata", "labels").Strings();

    /// <summary>The container's environment variables, each as a literal value or the source it is read from.</summary>
    public IReadOnlyDictionary<string, YamlMappingNode> Environment =>
        Container.Seq("env").Cast<YamlMappingNode>().ToDictionary(e => e.Text("name"), StringComparer.Ordinal);

    /// <summary>The container's ports by name.</summary>
    public IReadOnlyDictionary<string, int> ContainerPorts =>
        Container.Seq("ports").Cast<YamlMappingNode>().ToDictionary(p => p.Text("name"), p => int.Parse(p.Text("containerPort")));

    /// <summary>What the pod would see in <paramref name="variable"/>: a literal, a pod label, or <paramref name="secrets"/>'
    /// value for a Secret's key; null for what only a running pod knows (its name, namespace, IP).</summary>
    public string? Resolve(string variable, Func<string, string, string> secrets)
    {
        var env = Environment[variable];
        if (env.Children.ContainsKey("value"))
        {
            return env.Text("value");
        }
        if (env.Find("valueFrom", "secretKeyRef") is YamlMappingNode secret)
        {
            return secrets(secret.Text("name"), secret.Text("key"));
        }
        var field = env.Map("valueFrom", "fieldRef").Text("fieldPath");
        const string labels = "metadata.labels['";
        return field.StartsWith(labels, StringComparison.Ordinal) ? PodLabels[field[labels.Length..^2]] : null;
    }
}

/// <summary>Paths into a parsed YAML mapping that fail with the path when it is not there.</summary>
internal static class YamlPaths
{
    public static YamlNode? Find(this YamlMappingNode node, params string[] path)
    {
        YamlNode current = node;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var next))
            {
                return null;
            }
            current = next;
        }
        return current;
    }

    public static YamlMappingNode Map(this YamlMappingNode node, params string[] path) =>
        node.Find(path) as YamlMappingNode ?? throw new InvalidDataException($"No mapping at {string.Join('.', path)}.");

    public static YamlSequenceNode Seq(this YamlMappingNode node, params string[] path) =>
        node.Find(path) as YamlSequenceNode ?? throw new InvalidDataException($"No sequence at {string.Join('.', path)}.");

    public static string Text(this YamlMappingNode node, params string[] path) =>
        (node.Find(path) as YamlScalarNode)?.Value ?? throw new InvalidDataException($"No value at {string.Join('.', path)}.");

    public static IReadOnlyDictionary<string, string> Strings(this YamlMappingNode node) =>
        node.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)c.Value).Value!, StringComparer.Ordinal);

    public static IReadOnlyList<string> Texts(this YamlMappingNode node, params string[] path) =>
        [.. node.Seq(path).Cast<YamlScalarNode>().Select(s => s.Value!)];
}
