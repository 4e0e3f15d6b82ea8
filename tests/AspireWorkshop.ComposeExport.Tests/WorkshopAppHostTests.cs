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
            Assert.Equal(
                File.ReadAllText(export.ManifestPath), File.ReadAllText(Path.Combine(folder, "aspire-manifest.json")));
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

    [Theory]
    [InlineData("Api/AspireWorkshop.Api.csproj", "is not an Aspire AppHost project")]
    [InlineData("README.md", "is neither a project nor an assembly")]
    [InlineData("tests", "is a folder with 0 project files")]
    [InlineData("AppHost/no-such.csproj", "does not exist")]
    public async Task An_input_that_is_not_an_apphost_is_refused_without_being_run(string input, string reason)
    {
        await AssertRefusedAsync(Path.Combine(WorkshopAppHostExport.RepositoryRoot, input), reason);
    }

    [Fact]
    public async Task Assemblies_that_are_not_apphosts_are_refused_without_being_run()
    {
        // The exporter itself, and a test assembly that references Aspire.Hosting through the testing
        // package: programs that would run, but that no AppHost manifest comes from.
        var binary = Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory);
        var configuration = Path.GetFileName(Path.GetDirectoryName(binary))!;
        var testAssembly = Path.Combine(
            WorkshopAppHostExport.RepositoryRoot,
            "tests",
            "AspireWorkshop.AppHost.Tests",
            "bin",
            configuration,
            "net10.0",
            "AspireWorkshop.AppHost.Tests.dll");
        var exporter = Path.Combine(binary, "AspireWorkshop.ComposeExport.dll");

        await AssertRefusedAsync(exporter, "is not a built Aspire AppHost");
        await AssertRefusedAsync(testAssembly, "is not a built Aspire AppHost");
    }

    [Fact]
    public async Task A_project_that_only_mentions_the_apphost_sdk_in_a_comment_is_refused()
    {
        var project = Path.Combine(Path.GetTempPath(), $"not-an-apphost-{Guid.NewGuid():N}.csproj");
        await File.WriteAllTextAsync(
            project,
            """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <!-- Copied from the Aspire.AppHost.Sdk sample. -->
            </Project>
            """,
            _cancellationToken);
        try
        {
            await AssertRefusedAsync(project, "is not an Aspire AppHost project");
        }
        finally
        {
            File.Delete(project);
        }
    }

    [Fact]
    public async Task Compare_checks_the_compose_file_before_running_the_apphost()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var missing = Path.Combine(export.Folder + "-missing", "compose.yaml");
        var appHostFolder = Path.Combine(WorkshopAppHostExport.RepositoryRoot, "AppHost");

        var exitCode = await CompareCommand.RunAsync(
            ["compare", "--apphost", appHostFolder, "--compose", missing],
            new Dictionary<string, string>(),
            output,
            error,
            _cancellationToken);

        Assert.Equal(ExportCommand.InvalidInput, exitCode);
        Assert.Equal($"error: Compose file '{missing}' does not exist.", error.ToString().Trim());
    }

    private async Task AssertRefusedAsync(string appHost, string reason)
    {
        var folder = export.Folder + "-not-an-apphost";
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = await ExportCommand.RunAsync(
            ["export", "--apphost", appHost, "--output", folder],
            new Dictionary<string, string>(),
            output,
            error,
            _cancellationToken);

        Assert.Equal(ExportCommand.InvalidInput, exitCode);
        Assert.Contains(reason, error.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
        Assert.False(Directory.Exists(folder));
    }
}
