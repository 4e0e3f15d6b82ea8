using YamlDotNet.Serialization;

namespace AspireWorkshop.ComposeExport.Compose;

// The Compose model holds strings exactly as they go into compose.yaml: a literal '$' is already '$$'
// and a secret is already a '${NAME}' reference (see ComposeText). Only keys both Compose CLIs accept
// are modelled; docker-compose 1.29 rejects a top-level 'name', 'start_interval' and 'depends_on.required'.

/// <summary>A Compose file, limited to what Compose v2 and docker-compose 1.29 both accept.</summary>
/// <param name="Services">The services by name.</param>
/// <param name="Volumes">The named volumes the services mount.</param>
public sealed record ComposeFile(
    [property: YamlMember(Alias = "services")] IReadOnlyDictionary<string, ComposeService> Services,
    [property: YamlMember(Alias = "volumes")] IReadOnlyDictionary<string, ComposeVolume>? Volumes);

/// <summary>One service of a Compose file.</summary>
public sealed record ComposeService
{
    /// <summary>The image to run, or the name given to the built image.</summary>
    [YamlMember(Alias = "image")]
    public string? Image { get; init; }

    /// <summary>How to build the image.</summary>
    [YamlMember(Alias = "build")]
    public ComposeBuild? Build { get; init; }

    /// <summary>The entrypoint in exec form.</summary>
    [YamlMember(Alias = "entrypoint")]
    public IReadOnlyList<string>? Entrypoint { get; init; }

    /// <summary>The command in exec form.</summary>
    [YamlMember(Alias = "command")]
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>Environment variables.</summary>
    [YamlMember(Alias = "environment")]
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>Ports published on the host, in short syntax <c>"127.0.0.1:HOST:CONTAINER"</c>.</summary>
    [YamlMember(Alias = "ports")]
    public IReadOnlyList<string>? Ports { get; init; }

    /// <summary>Container ports reachable only by other services.</summary>
    [YamlMember(Alias = "expose")]
    public IReadOnlyList<string>? Expose { get; init; }

    /// <summary>Volume and bind mounts in long syntax.</summary>
    [YamlMember(Alias = "volumes")]
    public IReadOnlyList<ComposeMount>? Volumes { get; init; }

    /// <summary>Services to start first, and the state they must reach.</summary>
    [YamlMember(Alias = "depends_on")]
    public IReadOnlyDictionary<string, ComposeDependency>? DependsOn { get; init; }

    /// <summary>How Compose tells whether the service is ready.</summary>
    [YamlMember(Alias = "healthcheck")]
    public ComposeHealthcheck? Healthcheck { get; init; }
}

/// <summary>The build section of a service.</summary>
/// <param name="Context">The build context, relative to the Compose file.</param>
/// <param name="Dockerfile">The Dockerfile, relative to the context.</param>
/// <param name="Target">The multi-stage target, if any.</param>
/// <param name="Args">Build arguments.</param>
public sealed record ComposeBuild(
    [property: YamlMember(Alias = "context")] string Context,
    [property: YamlMember(Alias = "dockerfile")] string? Dockerfile,
    [property: YamlMember(Alias = "target")] string? Target,
    [property: YamlMember(Alias = "args")] IReadOnlyDictionary<string, string>? Args);

/// <summary>A mount in long syntax, which needs no parsing of ':' in paths.</summary>
/// <param name="Type"><c>volume</c> or <c>bind</c>.</param>
/// <param name="Source">The volume name or host path; <see langword="null"/> for an anonymous volume.</param>
/// <param name="Target">The path inside the container.</param>
/// <param name="ReadOnly"><see langword="true"/> for a read-only mount, otherwise omitted.</param>
public sealed record ComposeMount(
    [property: YamlMember(Alias = "type")] string Type,
    [property: YamlMember(Alias = "source")] string? Source,
    [property: YamlMember(Alias = "target")] string Target,
    [property: YamlMember(Alias = "read_only")] bool? ReadOnly);

/// <summary>A dependency in long syntax.</summary>
/// <param name="Condition"><c>service_healthy</c> or <c>service_started</c>.</param>
public sealed record ComposeDependency([property: YamlMember(Alias = "condition")] string Condition);

/// <summary>A health check.</summary>
/// <param name="Test">The check in exec form, starting with <c>CMD</c> or <c>CMD-SHELL</c>.</param>
/// <param name="Interval">Time between checks.</param>
/// <param name="Timeout">Time one check may take.</param>
/// <param name="Retries">Failures in a row that make the service unhealthy.</param>
/// <param name="StartPeriod">Time during which failures do not count.</param>
public sealed record ComposeHealthcheck(
    [property: YamlMember(Alias = "test")] IReadOnlyList<string> Test,
    [property: YamlMember(Alias = "interval")] string Interval,
    [property: YamlMember(Alias = "timeout")] string Timeout,
    [property: YamlMember(Alias = "retries")] int Retries,
    [property: YamlMember(Alias = "start_period")] string StartPeriod);

/// <summary>A top-level named volume; Compose creates it with its defaults.</summary>
public sealed record ComposeVolume;
