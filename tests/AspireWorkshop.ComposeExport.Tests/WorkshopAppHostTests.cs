using AspireWorkshop.ComposeExport.Cli;
using AspireWorkshop.ComposeExport.Tests.Infrastructure;

namespace AspireWorkshop.ComposeExport.Tests;

/// <summary>
/// This repository's AppHost exported for real: the reviewed snapshot of its compose.yaml, what the real
/// consumers say of it and of the hand-written compose.yaml, and the comparison of the two with the AppHost.
/// </summary>
public sealed class WorkshopAppHostTests(WorkshopAppHostExport export) : IClassFixture<WorkshopAppHostExport>
{
    private readonly CancellationToken _cancellationToken = TestContext.Current.CancellationToken;

    [Fact]
    public void The_exported_compose_file_of_this_app_matches_its_snapshot()
    {
        // Stable by construction: a fixed output folder, Aspire's default image, a volume name without
        // the AppHost's path hash and a host port derived from the service name; the secrets are in .env.
        Snapshot.AssertMatches("aspireworkshop-apphost", File.ReadAllText(export.ComposePath));
    }

    [Fact]
    public async Task The_exported_compose_file_is_valid_for_the_schema_and_docker_compose()
    {
        ComposeSchema.AssertValid(YamlJson.Parse(File.ReadAllText(export.ComposePath)));
        Assert.SkipUnless(DockerCompose.IsInstalled, DockerCompose.SkipReason);

        await DockerCompose.ConfigAsync(export.Folder, _cancellationToken);
    }

    [Fact]
    public async Task The_hand_written_compose_file_is_valid_with_the_example_env_file()
    {
        ComposeSchema.AssertValid(YamlJson.Parse(File.ReadAllText(WorkshopAppHostExport.HandWrittenComposePath)));
        Assert.SkipUnless(DockerCompose.IsInstalled, DockerCompose.SkipReason);

        // --env-file instead of a .env the developer may have made from the example with a real password.
        var config = await DockerCompose.RunAsync(
            WorkshopAppHostExport.RepositoryRoot,
            ["--env-file", ".env.example", "-f", "compose.yaml", "config"],
            TestTimeouts.ComposeCommand,
            _cancellationToken);

        Assert.True(config.ExitCode == 0, $"docker-compose config failed:\n{config.Error}");
        Assert.Contains("ChangeMeToALongRandomPassword", config.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_comparison_finds_no_unexplained_difference_for_this_app()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = await CompareCommand.RunAsync(
            ["compare", "--manifest", export.ManifestPath, "--compose", WorkshopAppHostExport.HandWrittenComposePath],
            new Dictionary<string, string>(),
            output,
            error,
            _cancellationToken);

        Assert.True(exitCode == CompareCommand.NoUnexplainedDifference, $"{output}\n{error}");
        Assert.Contains("unexplained: 0", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("expected: HTTPS needs a development certificate", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exporting_the_built_apphost_assembly_writes_what_exporting_its_project_writes()
    {
        // The fixture's export ran the project through `dotnet run`, which builds it in Debug.
        var assembly = Path.Combine(
            WorkshopAppHostExport.RepositoryRoot, "AppHost", "bin", "Debug", "net10.0", "AspireWorkshop.AppHost.dll");
        // A sibling of the fixture's folder, so the relative build contexts in compose.yaml are the same.
        var folder = export.Folder + "-from-assembly";
        try
        {
            var run = await WorkshopAppHostExport.RunExportAsync(assembly, folder, _cancellationToken);

            Assert.True(run.ExitCode == ExportCommand.Success, run.Transcript);
            Assert.Equal(File.ReadAllText(export.ManifestPath), File.ReadAllText(Path.Combine(folder, "aspire-manifest.json")));
            Assert.Equal(File.ReadAllText(export.ComposePath), File.ReadAllText(Path.Combine(folder, "compose.yaml")));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task An_assembly_that_is_not_an_apphost_is_refused_without_being_run()
    {
        // The exporter itself: a program that would run, but that no AppHost manifest comes from.
        var notAnAppHost = Path.Combine(AppContext.BaseDirectory, "AspireWorkshop.ComposeExport.dll");
        var folder = export.Folder + "-not-an-apphost";
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = await ExportCommand.RunAsync(
            ["export", "--apphost", notAnAppHost, "--output", folder],
            new Dictionary<string, string>(),
            output,
            error,
            _cancellationToken);

        Assert.Equal(ExportCommand.InvalidInput, exitCode);
        Assert.Contains("is not a built Aspire AppHost", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
        Assert.False(Directory.Exists(folder));
    }
}
