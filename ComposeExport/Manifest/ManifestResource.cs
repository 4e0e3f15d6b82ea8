using System.Text.Json.Serialization;

namespace AspireWorkshop.ComposeExport.Manifest;

/// <summary>
/// One resource of the manifest. A single record covers every resource type the exporter understands;
/// which properties are set depends on <see cref="Type"/>.
/// </summary>
public sealed record ManifestResource
{
    /// <summary>The resource type, such as <c>container.v1</c> or <c>parameter.v0</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The container image (<c>container.v0</c>/<c>container.v1</c>).</summary>
    public string? Image { get; init; }

    /// <summary>How to build the image (<c>container.v1</c>).</summary>
    public ManifestBuild? Build { get; init; }

    /// <summary>The project file (<c>project.v0</c>/<c>project.v1</c>) or Dockerfile (<c>dockerfile.v0</c>).</summary>
    public string? Path { get; init; }

    /// <summary>The build context of a <c>dockerfile.v0</c> resource.</summary>
    public string? Context { get; init; }

    /// <summary>Build arguments of a <c>dockerfile.v0</c> resource.</summary>
    public IReadOnlyDictionary<string, string>? BuildArgs { get; init; }

    /// <summary>The executable that starts the container, replacing the image's entrypoint.</summary>
    public string? Entrypoint { get; init; }

    /// <summary>Arguments passed to the entrypoint.</summary>
    public IReadOnlyList<string>? Args { get; init; }

    /// <summary>Environment variables; values may hold <c>{resource.property}</c> expressions.</summary>
    public IReadOnlyDictionary<string, string>? Env { get; init; }

    /// <summary>Named endpoints of the resource.</summary>
    public IReadOnlyDictionary<string, ManifestBinding>? Bindings { get; init; }

    /// <summary>Volumes mounted into the container.</summary>
    public IReadOnlyList<ManifestVolume>? Volumes { get; init; }

    /// <summary>Host folders or files mounted into the container.</summary>
    public IReadOnlyList<ManifestBindMount>? BindMounts { get; init; }

    /// <summary>The connection string other resources get when they reference this one.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>The value of a <c>parameter.v0</c> or <c>annotated.string</c> resource.</summary>
    public string? Value { get; init; }

    /// <summary>The filter of an <c>annotated.string</c> resource (only <c>uri</c> exists).</summary>
    public string? Filter { get; init; }

    /// <summary>The inputs of a <c>parameter.v0</c> resource.</summary>
    public IReadOnlyDictionary<string, ParameterInput>? Inputs { get; init; }

    /// <summary>Files copied into the image from other resources; Compose has no equivalent.</summary>
    public IReadOnlyDictionary<string, System.Text.Json.JsonElement>? ContainerFiles { get; init; }
}

/// <summary>An endpoint of a resource.</summary>
/// <param name="Scheme">The URI scheme, such as <c>http</c> or <c>tcp</c>.</param>
/// <param name="Protocol"><c>tcp</c> or <c>udp</c>.</param>
/// <param name="Transport"><c>http</c>, <c>http2</c> or <c>tcp</c>.</param>
/// <param name="TargetPort">The port the workload listens on inside its container.</param>
/// <param name="Port">The port the endpoint is exposed as outside the container.</param>
/// <param name="External">Whether the endpoint is reachable from outside the application.</param>
public sealed record ManifestBinding(
    string Scheme,
    string? Protocol,
    string? Transport,
    int? TargetPort,
    int? Port,
    bool External);

/// <summary>A volume mount; a missing <paramref name="Name"/> means an anonymous volume.</summary>
/// <param name="Name">The volume name, or <see langword="null"/> for an anonymous volume.</param>
/// <param name="Target">The path inside the container.</param>
/// <param name="ReadOnly">Whether the mount is read-only.</param>
public sealed record ManifestVolume(string? Name, string Target, bool ReadOnly);

/// <summary>A bind mount of a host path.</summary>
/// <param name="Source">The host path, relative to the manifest's folder unless absolute.</param>
/// <param name="Target">The path inside the container.</param>
/// <param name="ReadOnly">Whether the mount is read-only.</param>
public sealed record ManifestBindMount(string Source, string Target, bool ReadOnly);

/// <summary>How a <c>container.v1</c> image is built.</summary>
/// <param name="Context">The build context, relative to the manifest's folder unless absolute.</param>
/// <param name="Dockerfile">The Dockerfile, relative to the manifest's folder unless absolute.</param>
/// <param name="Stage">The multi-stage target to build, if any.</param>
/// <param name="BuildOnly">Whether the image only feeds other builds and never runs as a service.</param>
/// <param name="Args">Build arguments.</param>
/// <param name="Secrets">Build secrets; not exported.</param>
public sealed record ManifestBuild(
    string Context,
    string Dockerfile,
    string? Stage,
    bool BuildOnly,
    IReadOnlyDictionary<string, string>? Args,
    IReadOnlyDictionary<string, System.Text.Json.JsonElement>? Secrets);

/// <summary>An input of a parameter: a value the deployer supplies or the exporter generates.</summary>
/// <param name="Type">The input type; only <c>string</c> exists.</param>
/// <param name="Secret">Whether the value must be kept out of <c>compose.yaml</c>.</param>
/// <param name="Default">The default value or the rules to generate one.</param>
public sealed record ParameterInput(string Type, bool Secret, ParameterDefault? Default);

/// <summary>The default of a parameter input: either a fixed value or generation rules.</summary>
/// <param name="Value">A value given in the AppHost.</param>
/// <param name="Generate">Rules to generate a value.</param>
public sealed record ParameterDefault(string? Value, GenerateRules? Generate);

/// <summary>Rules for a generated value, as the manifest states them.</summary>
/// <param name="MinLength">The minimum length.</param>
/// <param name="Lower">Whether lower-case letters are allowed.</param>
/// <param name="Upper">Whether upper-case letters are allowed.</param>
/// <param name="Numeric">Whether digits are allowed.</param>
/// <param name="Special">Whether special characters are allowed.</param>
/// <param name="MinLower">The minimum count of lower-case letters.</param>
/// <param name="MinUpper">The minimum count of upper-case letters.</param>
/// <param name="MinNumeric">The minimum count of digits.</param>
/// <param name="MinSpecial">The minimum count of special characters.</param>
public sealed record GenerateRules(
    int MinLength,
    bool Lower = true,
    bool Upper = true,
    bool Numeric = true,
    bool Special = true,
    int MinLower = 0,
    int MinUpper = 0,
    int MinNumeric = 0,
    int MinSpecial = 0);

/// <summary>Source-generated serialization metadata for the manifest model.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    AllowDuplicateProperties = false,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(AspireManifest))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
