using AspireWorkshop.ComposeExport.Extras;

namespace AspireWorkshop.ComposeExport.Cli;

/// <summary>Prints what the deployment extras added, after the conversion's own summary.</summary>
internal static class DeploymentExtrasPrinter
{
    public static async Task PrintAsync(DeploymentExtrasSummary summary, TextWriter output)
    {
        if (summary.PulledImages.Count > 0)
        {
            await output.WriteLineAsync("Pulled from their registry, not built:");
            foreach (var image in summary.PulledImages)
            {
                await output.WriteLineAsync($"  {image}");
            }
        }

        if (summary.DashboardUrl is { } url)
        {
            await output.WriteLineAsync(url.Contains("/login?t=", StringComparison.Ordinal)
                ? $"Dashboard: {url} (the token is DASHBOARD_BROWSER_TOKEN in .env)"
                : $"Dashboard: {url} (no login: --dashboard-unsecured)");
        }
    }
}
