using AspireWorkshop.ComposeExport.Conversion;
using AspireWorkshop.ComposeExport.Output;

namespace AspireWorkshop.ComposeExport.Cli;

/// <summary>Prints what an export did, in a few lines a person reads after running it.</summary>
internal static class SummaryPrinter
{
    public static async Task PrintAsync(ExportSummary summary, string outputDirectory, TextWriter output)
    {
        var compose = Path.Combine(outputDirectory, ExportWriter.ComposeFileName);
        await output.WriteLineAsync($"Wrote {compose} and {ExportWriter.EnvFileName} (mode 0600) next to it.");
        await output.WriteLineAsync($"Services ({summary.Services.Count}): {string.Join(", ", summary.Services)}");

        await output.WriteLineAsync(summary.PublishedPorts.Count == 0 ? "Published ports: none" : "Published ports:");
        foreach (var port in summary.PublishedPorts)
        {
            var chosen = port.Chosen ? " (chosen by the export: the manifest gives no port)" : "";
            await output.WriteLineAsync(
                $"  {port.Service} {port.Binding}: 127.0.0.1:{port.HostPort} -> {port.ContainerPort}{chosen}");
        }

        await output.WriteLineAsync(summary.Secrets.Count == 0 ? "Secrets in .env: none" : "Secrets in .env:");
        foreach (var secret in summary.Secrets)
        {
            var origin = Describe(secret.Origin);
            await output.WriteLineAsync($"  {secret.Variable} (parameter '{secret.Parameter}'): {origin}");
        }

        foreach (var (title, lines) in new[] { ("Dropped", summary.Dropped), ("Warnings", summary.Warnings) })
        {
            if (lines.Count > 0)
            {
                await output.WriteLineAsync($"{title}:");
                foreach (var line in lines)
                {
                    await output.WriteLineAsync($"  {line}");
                }
            }
        }
    }

    private static string Describe(ValueOrigin origin) => origin switch
    {
        ValueOrigin.Supplied => "given on the command line or in Parameters__*",
        ValueOrigin.Kept => "kept from the existing .env",
        ValueOrigin.Default => "the AppHost's default",
        ValueOrigin.Generated => "generated",
        _ => origin.ToString(),
    };
}
