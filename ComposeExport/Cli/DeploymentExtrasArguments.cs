using System.Globalization;
using AspireWorkshop.ComposeExport.Extras;

namespace AspireWorkshop.ComposeExport.Cli;

/// <summary>
/// The command-line options of <see cref="DeploymentExtrasOptions"/>. They are taken out of the
/// arguments before <see cref="CommandLine"/> parses the rest, since they shape what is added to the
/// conversion rather than the conversion itself.
/// </summary>
internal static class DeploymentExtrasArguments
{
    public const string Usage = """
          --no-build                    run the images --image-prefix and --tag name, pulled from their
                                        registry, instead of building them (see eng/share.sh)
          --dashboard                   add the Aspire dashboard; projects send it their telemetry
          --dashboard-port <port>       port of the dashboard UI on 127.0.0.1 (default: 18888)
          --dashboard-image <image>     dashboard image unless ASPIRE_DASHBOARD_IMAGE is set
          --dashboard-unsecured         no login for the dashboard UI: for a single-user machine only
        """;

    /// <summary>The options here that take a value.</summary>
    public static readonly string[] OptionsWithValue = ["--dashboard-image", "--dashboard-port"];

    /// <summary>Takes the extras' options out of <paramref name="args"/>; the rest is returned in order.</summary>
    public static (DeploymentExtrasOptions? Options, IReadOnlyList<string> Remaining, string? Error) Extract(
        IReadOnlyList<string> args)
    {
        var remaining = new List<string>();
        var pullImages = false;
        var wantsDashboard = false;
        var dashboard = new DashboardOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string? Next() => i + 1 < args.Count ? args[++i] : null;
            switch (args[i])
            {
                case "--no-build": pullImages = true; break;
                case "--dashboard": wantsDashboard = true; break;
                case "--dashboard-unsecured": dashboard = dashboard with { Unsecured = true }; break;
                case "--dashboard-image":
                    if (Next() is not { Length: > 0 } image)
                    {
                        return (null, remaining, "--dashboard-image needs an image name");
                    }

                    dashboard = dashboard with { Image = image };
                    break;
                case "--dashboard-port":
                    if (!int.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
                        || port is < 1 or > 65535)
                    {
                        return (null, remaining, "--dashboard-port needs a port number from 1 to 65535");
                    }

                    dashboard = dashboard with { HostPort = port };
                    break;
                case var other:
                    remaining.Add(other);
                    break;
            }
        }

        if (!wantsDashboard && dashboard != new DashboardOptions())
        {
            return (null, remaining, "the --dashboard-* options need --dashboard");
        }

        var options = new DeploymentExtrasOptions { PullImages = pullImages, Dashboard = wantsDashboard ? dashboard : null };

        return (options, remaining, null);
    }
}
