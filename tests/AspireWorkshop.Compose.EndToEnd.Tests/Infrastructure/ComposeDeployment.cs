using System.Security.Cryptography;

namespace AspireWorkshop.Compose.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One Compose file brought up under a project name no other run uses, so parallel runs never share
/// containers, networks or volumes. <see cref="DisposeAsync"/> removes all of them, the volumes and the
/// images this deployment built, whether the tests passed or not.
/// </summary>
/// <param name="composeFile">The Compose file; its folder is the project folder, where Compose reads .env.</param>
/// <param name="environment">Variables Compose interpolates, on top of this process's own.</param>
/// <param name="taggedImages">Images the file names with <c>image:</c> and builds, removed at the end.</param>
internal sealed class ComposeDeployment(
    string composeFile,
    IReadOnlyDictionary<string, string?> environment,
    IReadOnlyList<string> taggedImages) : IAsyncDisposable
{
    private bool disposed;

    /// <summary>A fresh Compose project name: lower-case letters and digits, as both CLIs accept.</summary>
    public static string NewProjectName() => $"awe2e{RandomNumberGenerator.GetHexString(10, lowercase: true)}";

    public string ProjectName { get; init; } = NewProjectName();

    private string Directory => Path.GetDirectoryName(Path.GetFullPath(composeFile))!;

    /// <summary>Builds what needs building, starts every service and waits until all report healthy.</summary>
    public async Task UpAsync(bool build, CancellationToken cancellationToken)
    {
        var up = await ComposeAsync(
            ["up", "-d", build ? "--build" : "--no-build"], TestTimeouts.BuildAndCreate, cancellationToken);
        up.EnsureSuccess();
        await WaitUntilHealthyAsync(cancellationToken);
    }

    /// <summary>Removes the containers and the network but keeps the volumes: <c>down</c> without <c>-v</c>.</summary>
    public async Task DownKeepingVolumesAsync(CancellationToken cancellationToken) =>
        (await ComposeAsync(["down", "--timeout", "10"], TestTimeouts.ComposeCommand, cancellationToken))
            .EnsureSuccess();

    /// <summary>The names of the volumes this project owns.</summary>
    public async Task<IReadOnlyList<string>> VolumesAsync(CancellationToken cancellationToken)
    {
        var listed = await ProcessRunner.RunAsync(
            "docker",
            ["volume", "ls", "--quiet", "--filter", $"label=com.docker.compose.project={ProjectName}"],
            TestTimeouts.ComposeCommand, cancellationToken, Directory, environment);

        return listed.EnsureSuccess().Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>
    /// Polls each container's health, as <c>up --wait</c> would (docker-compose 1.29 has no such flag),
    /// until every one is healthy; fails at once on an unhealthy or stopped one, with the logs.
    /// </summary>
    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TestTimeouts.Healthy);
        var states = new List<string>();
        try
        {
            while (true)
            {
                states = [.. await ContainerStatesAsync(limit.Token)];
                if (states.Count > 0 && states.All(s => s.EndsWith(" healthy", StringComparison.Ordinal)))
                {
                    return;
                }

                if (states.Any(s => s.EndsWith(" unhealthy", StringComparison.Ordinal)
                                    || s.EndsWith(" exited", StringComparison.Ordinal)))
                {
                    break;
                }

                await Task.Delay(TestTimeouts.HealthPoll, limit.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            states.Add($"(still not all healthy after {TestTimeouts.Healthy})");
        }

        var logs = await ComposeAsync(
            ["logs", "--no-color", "--tail", "40"], TestTimeouts.ComposeCommand, CancellationToken.None);
        Assert.Fail($"{composeFile} did not become healthy: {string.Join(", ", states)}\n{logs.Output}");
    }

    /// <summary>"NAME STATE" per container: the health status, or the run state where there is no check.</summary>
    private async Task<IEnumerable<string>> ContainerStatesAsync(CancellationToken cancellationToken)
    {
        var ids = (await ComposeAsync(["ps", "-q"], TestTimeouts.ComposeCommand, cancellationToken))
            .EnsureSuccess().Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ids.Length == 0)
        {
            return [];
        }

        const string format = "{{.Name}} {{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}";
        var inspect = await ProcessRunner.RunAsync(
            "docker", ["inspect", "--format", format, .. ids], TestTimeouts.ComposeCommand, cancellationToken,
            Directory, environment);

        return inspect.EnsureSuccess().Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private Task<ProcessResult> ComposeAsync(
        IReadOnlyList<string> args, TimeSpan timeout, CancellationToken cancellationToken) =>
        ComposeCli.RunAsync(
            ["-f", Path.GetFullPath(composeFile), "-p", ProjectName, .. args],
            Directory,
            environment,
            timeout,
            cancellationToken);

    /// <summary>
    /// <c>down -v --rmi local</c> removes the containers, the network, the volumes and the images Compose
    /// named itself; the images named with <c>image:</c> go by name. The base images and the build cache
    /// (the SDK stage's layers) stay, so the next run does not rebuild from nothing.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        await ComposeAsync(
            ["down", "-v", "--rmi", "local", "--timeout", "5"], TestTimeouts.ComposeCommand, CancellationToken.None);
        if (taggedImages.Count > 0)
        {
            await ProcessRunner.RunAsync(
                "docker", ["image", "rm", .. taggedImages], TestTimeouts.ComposeCommand, CancellationToken.None,
                Directory, environment);
        }
    }
}
