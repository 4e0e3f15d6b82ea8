namespace AspireWorkshop.ComposeExport.Extras;

/// <summary>
/// What an export adds to the deployment the manifest describes: running images pulled from a registry
/// instead of building them, and the standalone Aspire dashboard receiving the projects' telemetry.
/// </summary>
public sealed record DeploymentExtrasOptions
{
    /// <summary>
    /// Leave out the build sections, so Compose pulls each image by the name <c>--image-prefix</c> and
    /// <c>--tag</c> give it: what <c>eng/share.sh</c> pushed. A machine needs only compose.yaml, .env and
    /// access to the registry.
    /// </summary>
    public bool PullImages { get; init; }

    /// <summary>Add the dashboard, or <see langword="null"/> for none.</summary>
    public DashboardOptions? Dashboard { get; init; }
}

/// <summary>How the dashboard service is set up.</summary>
public sealed record DashboardOptions
{
    /// <summary>The dashboard's upstream image, the same major version as the AppHost's own dashboard.</summary>
    public const string UpstreamImage = "mcr.microsoft.com/dotnet/aspire-dashboard:13.6";

    /// <summary>The port of the dashboard UI on 127.0.0.1.</summary>
    public int HostPort { get; init; } = DashboardService.UiPort;

    /// <summary>
    /// The image used unless <c>ASPIRE_DASHBOARD_IMAGE</c> is set when Compose runs; eng/setup.sh sets that
    /// variable to a local stand-in on a machine that cannot pull the upstream image.
    /// </summary>
    public string Image { get; init; } = UpstreamImage;

    /// <summary>
    /// Open the UI and the telemetry API to anyone who reaches the port, without a login: for a
    /// single-user machine only. Telemetry intake keeps its API key either way.
    /// </summary>
    public bool Unsecured { get; init; }
}
