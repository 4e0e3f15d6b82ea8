namespace AspireWorkshop.ComposeExport.Conversion;

/// <summary>What the conversion needs beyond the manifest itself.</summary>
public sealed record ConversionOptions
{
    /// <summary>The folder the manifest was read from; its relative paths start there.</summary>
    public required string ManifestDirectory { get; init; }

    /// <summary>The folder compose.yaml goes to; paths in it are written relative to this folder.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>
    /// The build context for projects. By default the nearest folder above the project holding a
    /// <c>*.sln</c> or <c>*.slnx</c>, so a Dockerfile can copy shared projects such as ServiceDefaults.
    /// </summary>
    public string? ProjectRoot { get; init; }

    /// <summary>Skip resources of types the exporter does not know, with a warning, instead of failing.</summary>
    public bool AllowSkip { get; init; }

    /// <summary>Parameter values given by the user, by parameter name; they win over every other source.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Services whose HTTP endpoint is published on 127.0.0.1 even if the AppHost keeps it internal, by
    /// service name, each with its host port or <see langword="null"/> to let the export choose one as it
    /// does for external endpoints. A port given here also replaces that of an external endpoint.
    /// </summary>
    /// <remarks>
    /// Meant for tests and debugging: the end-to-end tests publish the Api to call it from the host.
    /// </remarks>
    public IReadOnlyDictionary<string, int?> PublishedServices { get; init; } = new Dictionary<string, int?>();

    /// <summary>The entries of the <c>.env</c> a previous export left in the output folder.</summary>
    public IReadOnlyDictionary<string, string> ExistingEnv { get; init; } = new Dictionary<string, string>();

    /// <summary>Prefix of the names given to images built from projects and Dockerfiles.</summary>
    public string ImagePrefix { get; init; } = "aspireworkshop-";

    /// <summary>Tag of the images built from projects and Dockerfiles.</summary>
    public string ImageTag { get; init; } = "latest";

    /// <summary>
    /// The health check of a project container in exec form, or <see langword="null"/> for none.
    /// <c>{assembly}</c> is replaced by the project's assembly name and <c>{url}</c> by its health URL.
    /// </summary>
    /// <remarks>
    /// The ASP.NET runtime image has neither curl nor wget, so by default the app checks itself:
    /// its entry assembly, started with <c>--healthcheck URL</c>, requests the URL and exits 0 on success.
    /// </remarks>
    public IReadOnlyList<string>? ProjectHealthcheck { get; init; } =
        ["CMD", "dotnet", "{assembly}.dll", "--healthcheck", "{url}"];

    /// <summary>The path of a project's health endpoint.</summary>
    public string HealthPath { get; init; } = "/health";

    /// <summary>The SDK image a project's Dockerfile builds with, unless <c>DOTNET_SDK_IMAGE</c> is set.</summary>
    public string DotnetSdkImage { get; init; } = "mcr.microsoft.com/dotnet/sdk:10.0";

    /// <summary>The runtime image a project's Dockerfile runs on, unless <c>ASPNET_IMAGE</c> is set.</summary>
    public string AspnetImage { get; init; } = "mcr.microsoft.com/dotnet/aspnet:10.0";
}
