using AspireWorkshop.ComposeExport.Compose;
using AspireWorkshop.ComposeExport.Manifest;

namespace AspireWorkshop.ComposeExport.Conversion;

/// <summary>A service while the converter fills it in; frozen into a <see cref="ComposeService"/> at the end.</summary>
internal sealed class ServiceDraft(string resource, string service, ManifestResource definition)
{
    public string Resource { get; } = resource;

    public string Service { get; } = service;

    public ManifestResource Definition { get; } = definition;

    /// <summary>The project's assembly name, for projects only.</summary>
    public string? Assembly { get; set; }

    public string? Image { get; set; }

    public ComposeBuild? Build { get; set; }

    public IReadOnlyList<string>? Entrypoint { get; set; }

    public IReadOnlyList<string>? Command { get; set; }

    /// <summary>Environment values as written to compose.yaml.</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>Environment values as the container sees them, for decisions such as the Postgres user.</summary>
    public Dictionary<string, ResolvedValue> ResolvedEnv { get; } = new(StringComparer.Ordinal);

    public List<string> Ports { get; } = [];

    public List<string> Expose { get; } = [];

    public List<ComposeMount> Mounts { get; } = [];

    /// <summary>The services this one's values reach, which should start before it.</summary>
    public HashSet<string> References { get; } = new(StringComparer.Ordinal);

    public ComposeHealthcheck? Healthcheck { get; set; }

    public ComposeService ToCompose(IReadOnlyDictionary<string, ComposeDependency> dependsOn) => new()
    {
        Image = Image,
        Build = Build,
        Entrypoint = Entrypoint,
        Command = Command,
        Environment = Environment,
        Ports = Ports,
        Expose = Expose,
        Volumes = Mounts,
        DependsOn = dependsOn,
        Healthcheck = Healthcheck,
    };
}
