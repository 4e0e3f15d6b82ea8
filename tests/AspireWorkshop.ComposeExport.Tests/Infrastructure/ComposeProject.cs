using System.Text.Json;

namespace AspireWorkshop.ComposeExport.Tests.Infrastructure;

/// <summary>
/// An export brought up for real with docker-compose under a random project name, so parallel runs
/// never share containers or volumes; <see cref="DisposeAsync"/> removes it with its volumes.
/// </summary>
internal sealed class ComposeProject(string directory) : IAsyncDisposable
{
    public string Name { get; } = $"cxtest{Guid.NewGuid():N}"[..16];

    /// <summary>The first of <paramref name="candidates"/> present in the local image store, if any.</summary>
    public static async Task<string?> LocalImageAsync(
        IEnumerable<string> candidates, CancellationToken cancellationToken)
    {
        foreach (var image in candidates)
        {
            var inspect = await ProcessRunner.RunAsync(
                "docker", ["image", "inspect", image], TestTimeouts.EngineProbe, cancellationToken);
            if (inspect.ExitCode == 0)
            {
                return image;
            }
        }

        return null;
    }

    /// <summary>
    /// Exports a shared case with its <paramref name="upstreamImage"/> replaced by the first of
    /// <paramref name="localImages"/> this machine has (skipping the test when it has none or no
    /// engine runs), and brings the export up in <paramref name="workDirectory"/>.
    /// </summary>
    public static async Task<ComposeProject> StartCaseAsync(
        string caseName,
        string upstreamImage,
        IEnumerable<string> localImages,
        string workDirectory,
        CancellationToken cancellationToken)
    {
        Assert.SkipUnless(DockerCompose.IsInstalled && DockerCompose.IsEngineUp, "needs docker-compose and a running Docker engine.");
        var image = await LocalImageAsync(localImages, cancellationToken);
        Assert.SkipWhen(image is null, $"no local image to stand in for {upstreamImage} (eng/setup.sh builds one).");
        var manifest = File.ReadAllText(Export.CaseManifest(caseName)).Replace(upstreamImage, image, StringComparison.Ordinal);
        var output = Path.Combine(workDirectory, "out");
        await Export.ConvertValidAsync(Export.WriteManifest(workDirectory, manifest), output);

        var project = new ComposeProject(output);
        try
        {
            await project.UpAsync(cancellationToken);
        }
        catch
        {
            await project.DisposeAsync();
            throw;
        }

        return project;
    }

    public async Task UpAsync(CancellationToken cancellationToken)
    {
        var up = await DockerCompose.RunAsync(
            directory, ["-p", Name, "up", "-d", "--no-build"], TestTimeouts.ContainerStart, cancellationToken);
        Assert.True(up.ExitCode == 0, $"docker-compose up failed:\n{up.Error}");
    }

    /// <summary>The environment the container of <paramref name="service"/> was created with.</summary>
    public async Task<IReadOnlyDictionary<string, string>> EnvironmentAsync(
        string service, CancellationToken cancellationToken)
    {
        var ps = await DockerCompose.RunAsync(
            directory, ["-p", Name, "ps", "-q", service], TestTimeouts.ComposeCommand, cancellationToken);
        var inspect = await ProcessRunner.RunAsync(
            "docker",
            ["inspect", "--format", "{{json .Config.Env}}", ps.Output.Trim()],
            TestTimeouts.ComposeCommand,
            cancellationToken,
            directory);
        var entries = JsonSerializer.Deserialize<string[]>(inspect.Output) ?? [];

        return entries.Select(e => e.Split('=', 2)).ToDictionary(e => e[0], e => e.Length > 1 ? e[1] : "");
    }

    /// <summary>Runs a command inside the running container of <paramref name="service"/>.</summary>
    public Task<ProcessResult> ExecAsync(
        string service, IReadOnlyList<string> command, CancellationToken cancellationToken) =>
        DockerCompose.RunAsync(
            directory, ["-p", Name, "exec", "-T", service, .. command], TestTimeouts.ComposeCommand, cancellationToken);

    public async ValueTask DisposeAsync() =>
        await DockerCompose.RunAsync(
            directory,
            ["-p", Name, "down", "-v", "--timeout", "1"],
            TestTimeouts.ContainerStart,
            CancellationToken.None);
}
