using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace AspireWorkshop.ComposeExport.Comparison;

/// <summary>
/// The topology of a Compose file, in any syntax a person writes (short or long ports, volumes,
/// environment and depends_on). Only the image is interpolated, with the given environment, since it is
/// the only compared value; everything else compared is a name.
/// </summary>
internal static partial class ComposeTopology
{
    /// <summary>Reads the topology of <paramref name="yaml"/>; errors call the file <paramref name="file"/>.</summary>
    public static Topology Read(string yaml, string file, IReadOnlyDictionary<string, string> environment)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        if (stream.Documents is not [{ RootNode: YamlMappingNode root }, ..])
        {
            throw new ComposeExportException(
                $"The Compose file {file} is not a mapping at its root; it must start with keys such as 'services:'.");
        }

        var services = new SortedDictionary<string, ServiceTopology>(StringComparer.Ordinal);
        foreach (var (name, node) in Entries(Child(root, "services") as YamlMappingNode))
        {
            var service = node as YamlMappingNode;
            services[name] = new ServiceTopology(
                Source(service, environment),
                Items(Child(service, "ports")).Select(ContainerPort).ToHashSet(StringComparer.Ordinal),
                Keys(Child(service, "environment")).ToHashSet(StringComparer.Ordinal),
                Keys(Child(service, "depends_on")).ToHashSet(StringComparer.Ordinal),
                Items(Child(service, "volumes")).Select(NamedVolume).OfType<string>()
                    .ToHashSet(StringComparer.Ordinal));
        }

        var volumes = Entries(Child(root, "volumes") as YamlMappingNode)
            .Select(e => e.Key)
            .ToHashSet(StringComparer.Ordinal);

        return new Topology(services, volumes);
    }

    /// <summary><c>docker.io/library/postgres:18.3</c> and <c>postgres:18.3</c> name the same image.</summary>
    public static string NormalizeImage(string image)
    {
        const string hub = "docker.io/", official = "library/";
        var normalized = image.StartsWith(hub, StringComparison.Ordinal) ? image[hub.Length..] : image;

        return normalized.StartsWith(official, StringComparison.Ordinal) ? normalized[official.Length..] : normalized;
    }

    private static string Source(YamlMappingNode? service, IReadOnlyDictionary<string, string> environment)
    {
        switch (Child(service, "build"))
        {
            case YamlScalarNode:
                return "build Dockerfile";
            case YamlMappingNode build:
                var dockerfile = (Child(build, "dockerfile") as YamlScalarNode)?.Value ?? "Dockerfile";
                return $"build {dockerfile.TrimStart('.', '/')}";
        }

        return Child(service, "image") is YamlScalarNode { Value: { } image }
            ? $"image {NormalizeImage(Interpolate(image, environment))}"
            : "unknown";
    }

    /// <summary>The container port of <c>[IP:][HOST:]CONTAINER[/PROTOCOL]</c>, or of a long-syntax entry.</summary>
    private static string ContainerPort(YamlNode entry)
    {
        if (entry is YamlMappingNode mapping)
        {
            return (Child(mapping, "target") as YamlScalarNode)?.Value ?? "?";
        }

        var text = ((YamlScalarNode)entry).Value ?? "";
        var container = text[(text.LastIndexOf(':') + 1)..];

        return container.Split('/')[0];
    }

    /// <summary>
    /// The volume of <c>NAME:/path[:mode]</c> or of a long-syntax volume entry; null for bind mounts and
    /// anonymous volumes.
    /// </summary>
    private static string? NamedVolume(YamlNode entry)
    {
        if (entry is YamlMappingNode mapping)
        {
            return (Child(mapping, "type") as YamlScalarNode)?.Value == "volume"
                ? (Child(mapping, "source") as YamlScalarNode)?.Value
                : null;
        }

        var parts = (((YamlScalarNode)entry).Value ?? "").Split(':');

        return parts.Length > 1 && parts[0].Length > 0 && parts[0][0] is not ('.' or '/' or '~') ? parts[0] : null;
    }

    /// <summary>
    /// Replaces <c>${NAME}</c>, <c>${NAME:-default}</c>, <c>${NAME-default}</c> and <c>${NAME:?error}</c> as
    /// Compose does.
    /// </summary>
    private static string Interpolate(string text, IReadOnlyDictionary<string, string> environment) =>
        Variable().Replace(text, match =>
        {
            var value = environment.GetValueOrDefault(match.Groups["name"].Value);
            var emptyCounts = match.Groups["colon"].Success;
            var unset = value is null || (emptyCounts && value.Length == 0);

            return unset && match.Groups["operator"].Value == "-" ? match.Groups["default"].Value : value ?? "";
        });

    private static YamlNode? Child(YamlMappingNode? mapping, string key) =>
        mapping is not null && mapping.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static IEnumerable<(string Key, YamlNode Value)> Entries(YamlMappingNode? mapping) =>
        mapping?.Children.Select(c => (((YamlScalarNode)c.Key).Value ?? "", c.Value)) ?? [];

    private static IEnumerable<YamlNode> Items(YamlNode? node) =>
        node is YamlSequenceNode sequence ? sequence.Children : [];

    /// <summary>The keys of a mapping, or of a list of <c>KEY=value</c> / <c>KEY</c> entries.</summary>
    private static IEnumerable<string> Keys(YamlNode? node) => node switch
    {
        YamlMappingNode mapping => Entries(mapping).Select(e => e.Key),
        YamlSequenceNode sequence =>
            sequence.Children.OfType<YamlScalarNode>().Select(s => (s.Value ?? "").Split('=', 2)[0]),
        _ => [],
    };

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<colon>:)?(?<operator>[-?])(?<default>[^}]*))?\}")]
    private static partial Regex Variable();
}
