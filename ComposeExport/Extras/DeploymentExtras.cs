using AspireWorkshop.ComposeExport.Compose;
using AspireWorkshop.ComposeExport.Conversion;
using AspireWorkshop.ComposeExport.Manifest;

namespace AspireWorkshop.ComposeExport.Extras;

/// <summary>Applies <see cref="DeploymentExtrasOptions"/> to a finished conversion.</summary>
public static class DeploymentExtras
{
    /// <summary>
    /// Returns <paramref name="result"/> with pulled images and the dashboard as <paramref name="options"/>
    /// ask; with neither it is returned unchanged.
    /// </summary>
    /// <exception cref="ComposeExportException">The additions clash with what the manifest already holds.</exception>
    public static (ConversionResult Result, DeploymentExtrasSummary Summary) Apply(
        ConversionResult result,
        AspireManifest manifest,
        DeploymentExtrasOptions options,
        IReadOnlyDictionary<string, string> existingEnv)
    {
        var services = new Dictionary<string, ComposeService>(result.Compose.Services, StringComparer.Ordinal);
        var pulled = new List<string>();
        if (options.PullImages)
        {
            foreach (var (name, service) in result.Compose.Services.Where(s => s.Value.Build is not null))
            {
                services[name] = service with { Build = null };
                pulled.Add($"{name}: {service.Image}");
            }
        }

        var dotEnv = result.DotEnv;
        var summary = result.Summary;
        string? dashboardUrl = null;
        if (options.Dashboard is { } dashboard)
        {
            AddDashboard(services, manifest, dashboard);
            var secrets = DashboardService.Secrets(dashboard, existingEnv);
            dotEnv += DashboardEnv(secrets, DotEnvFormat.Parse(result.DotEnv));
            summary = summary with
            {
                Services = [.. summary.Services, DashboardService.Name],
                PublishedPorts =
                [
                    .. summary.PublishedPorts,
                    new PublishedPort(DashboardService.Name, "http", dashboard.HostPort, DashboardService.UiPort, false),
                ],
            };
            dashboardUrl = LoginUrl(dashboard, secrets);
        }

        if (pulled.Count == 0 && options.Dashboard is null)
        {
            return (result, new DeploymentExtrasSummary([], null));
        }

        // The conversion's own header comment is kept as it is.
        var header = result.ComposeYaml.Split('\n').TakeWhile(line => line.StartsWith("# ", StringComparison.Ordinal))
            .Select(line => line[2..]);
        var compose = result.Compose with { Services = services };
        var yaml = ComposeYamlWriter.Write(compose, header);

        return (result with { Compose = compose, ComposeYaml = yaml, DotEnv = dotEnv, Summary = summary },
            new DeploymentExtrasSummary(pulled, dashboardUrl));
    }

    private static void AddDashboard(
        Dictionary<string, ComposeService> services, AspireManifest manifest, DashboardOptions dashboard)
    {
        if (services.ContainsKey(DashboardService.Name))
        {
            throw new ComposeExportException(
                $"The AppHost already has a service named '{DashboardService.Name}'; "
                + "the dashboard cannot be added next to it.");
        }

        // Only projects use the service defaults, whose OpenTelemetry exporter reads these variables.
        var projects = manifest.Resources
            .Where(r => ResourceTypes.IsProject(r.Value.Type))
            .Select(r => Names.Service(r.Key))
            .Where(services.ContainsKey);
        foreach (var name in projects.ToList())
        {
            var service = services[name];
            var environment = new Dictionary<string, string>(
                service.Environment ?? new Dictionary<string, string>(), StringComparer.Ordinal);
            foreach (var (key, value) in DashboardService.ProjectEnvironment(name))
            {
                environment[key] = value;
            }

            services[name] = service with { Environment = environment };
        }

        services[DashboardService.Name] = DashboardService.Service(dashboard);
    }

    private static string DashboardEnv(
        IReadOnlyList<(string Variable, string Value, bool Kept)> secrets, IReadOnlyDictionary<string, string> taken)
    {
        if (secrets.FirstOrDefault(s => taken.ContainsKey(s.Variable)) is { Variable: { } clash })
        {
            throw new ComposeExportException(
                $"The AppHost already puts {clash} into .env, which the dashboard needs for itself.");
        }

        var lines = new List<string>
        {
            "",
            "# The Aspire dashboard's login token and API keys: exporting again into this folder keeps them.",
        };
        lines.AddRange(secrets.Select(s => DotEnvFormat.FormatEntry(s.Variable, s.Value)));

        return string.Join('\n', lines) + "\n";
    }

    private static string LoginUrl(
        DashboardOptions dashboard, IReadOnlyList<(string Variable, string Value, bool Kept)> secrets)
    {
        var url = $"http://127.0.0.1:{dashboard.HostPort}";

        return dashboard.Unsecured
            ? url
            : $"{url}/login?t={secrets.Single(s => s.Variable == DashboardService.BrowserTokenVariable).Value}";
    }
}

/// <summary>What the additions did, for the lines the export prints after its summary.</summary>
/// <param name="PulledImages">Services whose image Compose pulls rather than builds, each with its image.</param>
/// <param name="DashboardUrl">The dashboard's URL, with the login token unless it is unsecured.</param>
public sealed record DeploymentExtrasSummary(IReadOnlyList<string> PulledImages, string? DashboardUrl);
