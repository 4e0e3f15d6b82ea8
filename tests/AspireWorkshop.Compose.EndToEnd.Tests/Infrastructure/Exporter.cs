namespace AspireWorkshop.Compose.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The exporter's command line, run as its own process: the AppHost it starts to write the manifest
/// inherits that process's environment, which the tests choose (the images, for one).
/// </summary>
internal static class Exporter
{
    private static string Assembly => Path.Combine(AppContext.BaseDirectory, "AspireWorkshop.ComposeExport.dll");

    /// <summary>
    /// <c>export --apphost AppHost/AspireWorkshop.AppHost.csproj --output DIR</c> plus <paramref name="options"/>.
    /// </summary>
    public static async Task ExportAsync(
        string outputDirectory,
        IReadOnlyList<string> options,
        IReadOnlyDictionary<string, string?> environment,
        CancellationToken cancellationToken)
    {
        var run = await ProcessRunner.RunAsync(
            "dotnet",
            [Assembly, "export", "--apphost", Repository.AppHostProject, "--output", outputDirectory, .. options],
            TestTimeouts.Export,
            cancellationToken,
            Repository.Root,
            environment);
        run.EnsureSuccess();
    }
}
