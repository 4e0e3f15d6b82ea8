namespace AspireWorkshop.ComposeExport.Tests.Infrastructure;

/// <summary>
/// This repository's own AppHost, exported once per test class into the fixed folder
/// <c>artifacts/compose-export-snapshot</c>, so the build context in compose.yaml (<c>../..</c>) is the
/// same on every machine. The export runs as its own process without <c>WorkshopImages__Postgres</c>,
/// so the AppHost names Aspire's default Postgres image, as on any machine that can pull it, rather than
/// the stand-in eng/setup.sh may have recorded here.
/// </summary>
public sealed class WorkshopAppHostExport : IAsyncLifetime
{
    // The export builds the AppHost and its projects before writing the manifest; on a cold CI machine
    // that is a minute or two, and a parallel export of the same AppHost is waited for.
    private static readonly TimeSpan ExportTimeout = TimeSpan.FromMinutes(10);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public string Folder { get; } = Path.Combine(RepositoryRoot, "artifacts", "compose-export-snapshot");

    public string ComposePath => Path.Combine(Folder, "compose.yaml");

    public string ManifestPath => Path.Combine(Folder, "aspire-manifest.json");

    public static string HandWrittenComposePath => Path.Combine(RepositoryRoot, "compose.yaml");

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        var project = Path.Combine(RepositoryRoot, "AppHost", "AspireWorkshop.AppHost.csproj");
        var export = await RunExportAsync(project, Folder, TestContext.Current.CancellationToken);
        Assert.True(export.ExitCode == 0, $"The export of the AppHost failed:\n{export.Transcript}");
    }

    /// <summary>
    /// Runs the exporter as its own process on <paramref name="appHost"/> (the project, or its built
    /// assembly) into <paramref name="folder"/>, with Aspire's default Postgres image.
    /// </summary>
    public static Task<ProcessResult> RunExportAsync(
        string appHost, string folder, CancellationToken cancellationToken) =>
        ProcessRunner.RunAsync(
            "dotnet",
            [
                Path.Combine(AppContext.BaseDirectory, "AspireWorkshop.ComposeExport.dll"),
                "export",
                "--apphost",
                appHost,
                "--output",
                folder,
            ],
            ExportTimeout,
            cancellationToken,
            RepositoryRoot,
            new Dictionary<string, string?> { ["WorkshopImages__Postgres"] = null });

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    private static string FindRepositoryRoot()
    {
        var start = AppContext.BaseDirectory;
        for (var folder = start; !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(Path.Combine(folder, "AspireWorkshop.sln")))
            {
                return folder;
            }
        }

        throw new InvalidOperationException($"No AspireWorkshop.sln above {AppContext.BaseDirectory}.");
    }
}
