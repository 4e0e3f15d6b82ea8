using System.Security.Cryptography;
using AspireWorkshop.AppHost.Tests.Infrastructure;
using AspireWorkshop.ComposeExport.Cli;

namespace AspireWorkshop.AppHost.Tests.Drills;

/// <summary>Who the containers run as, and where the database password may and may not appear.</summary>
[Collection(nameof(SharedWorkshopApp))]
public sealed class SecurityDrillTests(DevelopmentWorkshopAppFixture fixture)
{
    private readonly CancellationToken _cancellationToken = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_Postgres_server_processes_run_as_a_non_root_user()
    {
        var container = await DockerCli.FindContainerByVolumeAsync(fixture.Options.DataVolumeName);

        // docker top lists the container's processes as the host sees them: pid, user id, command.
        var processes = (await DockerCli.RunAsync(["top", container, "-eo", "pid,uid,comm"]))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Skip(1)
            .Select(line => line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();

        Assert.Contains(processes, process => process[2] == "postgres");
        Assert.All(processes, process => Assert.NotEqual("0", process[1]));
    }

    [Theory]
    [InlineData("Api")]
    [InlineData("Web")]
    public async Task The_service_image_runs_as_a_non_root_user(string service)
    {
        var tag = $"aspireworkshop-drill-{service.ToLowerInvariant()}:{RandomNumberGenerator.GetHexString(8, lowercase: true)}";
        List<string> build = ["build", "--file", Path.Combine(RepositoryRoot, service, "Dockerfile"), "--tag", tag];
        foreach (var argument in new[] { "DOTNET_SDK_IMAGE", "ASPNET_IMAGE" })
        {
            // Set by eng/setup.sh's images env file where the upstream .NET images cannot be pulled.
            if (Environment.GetEnvironmentVariable(argument) is { Length: > 0 } image)
            {
                build.AddRange(["--build-arg", $"{argument}={image}"]);
            }
        }

        await DockerCli.RunAsync([.. build, RepositoryRoot], DrillTimeouts.ImageBuild);
        try
        {
            var user = await DockerCli.RunAsync(["image", "inspect", "--format", "{{.Config.User}}", tag]);
            var uid = await DockerCli.RunAsync(["run", "--rm", "--entrypoint", "id", tag, "-u"]);

            Assert.NotEmpty(user);
            Assert.NotEqual("root", user);
            Assert.NotEqual("0", uid);
        }
        finally
        {
            await DockerCli.RunAsync(["image", "rm", tag]);
        }
    }

    [Fact]
    public async Task The_exported_compose_file_and_the_manifest_hold_no_password()
    {
        var password = RandomNumberGenerator.GetHexString(24, lowercase: true);
        var output = Directory.CreateTempSubdirectory("aspireworkshop-drill-export-");
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(_cancellationToken);
            limit.CancelAfter(DrillTimeouts.ComposeExport);
            using var errors = new StringWriter();
            var exitCode = await ExportCommand.RunAsync(
                ["export", "--apphost", Path.Combine(AppHostDirectory, "AspireWorkshop.AppHost.csproj"), "--output", output.FullName,
                    "--parameter", $"postgres-password={password}"],
                new Dictionary<string, string>(),
                TextWriter.Null,
                errors,
                limit.Token);

            Assert.True(exitCode == ExportCommand.Success, errors.ToString());
            Assert.DoesNotContain(password, await ReadAsync(output, "compose.yaml"), StringComparison.Ordinal);
            Assert.DoesNotContain(password, await ReadAsync(output, "aspire-manifest.json"), StringComparison.Ordinal);
            // The password is used, and kept where Compose reads secrets from (.env, mode 0600).
            Assert.Contains(password, await ReadAsync(output, ".env"), StringComparison.Ordinal);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private static string AppHostDirectory => Projects.AspireWorkshop_AppHost.ProjectPath;

    private static string RepositoryRoot => Path.GetDirectoryName(AppHostDirectory.TrimEnd(Path.DirectorySeparatorChar))!;

    private Task<string> ReadAsync(DirectoryInfo output, string file) =>
        File.ReadAllTextAsync(Path.Combine(output.FullName, file), _cancellationToken);
}
