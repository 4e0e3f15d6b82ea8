using System.Text.RegularExpressions;
using AspireWorkshop.ComposeExport.Conversion;
using AspireWorkshop.ComposeExport.Manifest;

namespace AspireWorkshop.ComposeExport.Comparison;

/// <summary>The topology of an AppHost, read from its manifest.</summary>
internal static partial class ManifestTopology
{
    public static Topology Read(AspireManifest manifest)
    {
        var services = new SortedDictionary<string, ServiceTopology>(StringComparer.Ordinal);
        var volumes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (name, resource) in manifest.Resources.Where(r => ResourceTypes.IsService(r.Value.Type)))
        {
            var serviceVolumes = (resource.Volumes ?? [])
                .Where(v => !string.IsNullOrEmpty(v.Name))
                .Select(v => Names.ComposeVolume(v.Name!))
                .ToHashSet(StringComparer.Ordinal);
            volumes.UnionWith(serviceVolumes);

            // The manifest has no WaitFor; a service needs what its environment refers to, as in the export.
            var needs = (resource.Env ?? new Dictionary<string, string>()).Values
                .SelectMany(value => ServicesReferencedBy(manifest, value, []))
                .Where(service => service != name)
                .ToHashSet(StringComparer.Ordinal);

            services[name] = new ServiceTopology(
                Source(resource),
                PublishedPorts(resource),
                (resource.Env?.Keys ?? []).ToHashSet(StringComparer.Ordinal),
                needs,
                serviceVolumes);
        }

        return new Topology(services, volumes);
    }

    private static string Source(ManifestResource resource) => resource switch
    {
        { Type: var type, Path: { } path } when ResourceTypes.IsProject(type) =>
            $"project {Path.GetFileName(Path.GetDirectoryName(path))}/{Path.GetFileName(path)}",
        { Image: { } image } => $"image {ComposeTopology.NormalizeImage(image)}",
        { Build.Dockerfile: { } dockerfile } => $"build {Path.GetFileName(dockerfile)}",
        { Path: { } dockerfile } => $"build {Path.GetFileName(dockerfile)}",
        _ => "unknown",
    };

    /// <summary>
    /// The container ports of external endpoints. A project's first HTTP endpoint has no target port in the
    /// manifest: it listens where HTTP_PORTS says, 8080 in an ASP.NET container.
    /// </summary>
    private static HashSet<string> PublishedPorts(ManifestResource resource)
    {
        var ports = new HashSet<string>(StringComparer.Ordinal);
        var bindings = resource.Bindings ?? new Dictionary<string, ManifestBinding>();
        foreach (var binding in bindings.Values.Where(b => b.External))
        {
            int? port = binding.TargetPort ?? (binding.Scheme == "http" ? EndpointPlan.AspNetHttpPort : null);
            ports.Add(port?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? binding.Scheme);
        }

        return ports;
    }

    /// <summary>
    /// The services an expression reaches, following connection strings and values through other resources.
    /// </summary>
    private static IEnumerable<string> ServicesReferencedBy(
        AspireManifest manifest, string expression, HashSet<string> seen)
    {
        foreach (Match reference in Reference().Matches(expression))
        {
            var name = reference.Groups["resource"].Value;
            if (!seen.Add(name) || !manifest.Resources.TryGetValue(name, out var resource))
            {
                continue;
            }

            if (ResourceTypes.IsService(resource.Type))
            {
                yield return name;
                continue;
            }

            foreach (var inner in ServicesReferencedBy(manifest, $"{resource.ConnectionString} {resource.Value}", seen))
            {
                yield return inner;
            }
        }
    }

    [GeneratedRegex(@"\{(?<resource>[A-Za-z0-9][A-Za-z0-9_-]*)\.")]
    private static partial Regex Reference();
}
