using System.Collections;
using System.Security.Cryptography;
using AspireWorkshop.ComposeExport.Cli;

namespace AspireWorkshop.Share.Tests.Infrastructure;

/// <summary>
/// The workshop exported to compose.yaml in a folder of its own and run under a Compose project name
/// no other run uses, so its containers, network and volumes are its own; disposing runs <c>down -v</c>.
/// </summary>
public sealed class ComposeDeployment : IAsyncDisposable
{
    private readonly ComposeCli compose;
    private bool started;

    private ComposeDeployment(string directory, string exportOutput, ComposeCli compose)
    {
        Directory = directory;
        ExportOutput = exportOutput;
        this.compose = compose;
    }

    /// <summary>The folder holding compose.yaml and .env.</summary>
    public string Directory { get; }

    /// <summary>What the export printed: the summary, the dashboard URL.</summary>
    public string ExportOutput { get; }

    /// <summary>The Compose project name, unique to this deployment.</summary>
    public string ProjectName { get; } = $"share-tests-{RandomNumberGenerator.GetHexString(8, lowercase: true)}";

    /// <summary>Runs the exporter (in process) on the real AppHost with <paramref name="options"/>.</summary>
    public static async Task<ComposeDeployment> ExportAsync(IEnumerable<string> options, CancellationToken cancellationToken)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("aspireworkshop-share-tests-").FullName;
        var environment = Environment.GetEnvironmentVariables()
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(ShareTimeouts.Export);

        string[] args = ["export", "--apphost", RepositoryPaths.AppHostProject, "--output", directory, .. options];
        var exitCode = await ExportCommand.RunAsync(args, environment, output, error, bounded.Token);
        Assert.True(exitCode == ExportCommand.Success, $"export failed:\n{output}\n{error}");

        return new ComposeDeployment(directory, output.ToString(), await ComposeCli.FindAsync(cancellationToken));
    }

    /// <summary>
    /// <c>up -d</c>, then polls until every container runs and every health check passes, within
    /// <see cref="ShareTimeouts.ComposeStartup"/>. Polling rather than <c>up --wait</c>, which
    /// docker-compose 1.29 lacks.
    /// </summary>
    public async Task UpAsync(CancellationToken cancellationToken, params string[] upOptions)
    {
        started = true;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(ShareTimeouts.ComposeStartup);
        var up = await RunAsync(["up", "-d", .. upOptions], ShareTimeouts.ComposeStartup, cancellationToken);
        Assert.True(up.ExitCode == 0, $"compose up failed: {up.Transcript}");

        var states = "";
        while (!deadline.IsCancellationRequested)
        {
            states = await ContainerStatesAsync(cancellationToken);
            var lines = states.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.DoesNotContain(lines, line => line.Contains(" exited", StringComparison.Ordinal)
                || line.EndsWith(" unhealthy", StringComparison.Ordinal));
            if (lines.Length > 0 && lines.All(line => line.Contains(" running", StringComparison.Ordinal)
                    && !line.EndsWith(" starting", StringComparison.Ordinal)))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }

        var logs = await RunAsync(["logs", "--tail", "30"], TestTimeouts.DockerCommand, cancellationToken);
        Assert.Fail($"Not every container was running and healthy within {ShareTimeouts.ComposeStartup}:\n{states}\n{logs.Output}");
    }

    /// <summary>One line per container: name, state, and health where it has a check.</summary>
    public async Task<string> ContainerStatesAsync(CancellationToken cancellationToken)
    {
        var ids = await RunAsync(["ps", "-q"], TestTimeouts.DockerCommand, cancellationToken);
        var containers = ids.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (containers.Length == 0)
        {
            return "";
        }

        var inspect = await Processes.RunAsync(
            "docker",
            ["inspect", "--format", "{{.Name}} {{.State.Status}}{{if .State.Health}} {{.State.Health.Status}}{{end}}", .. containers],
            TestTimeouts.DockerCommand,
            cancellationToken);

        return inspect.Output;
    }

    /// <summary>The value of <paramref name="name"/> in the exported .env.</summary>
    public string EnvValue(string name) =>
        AspireWorkshop.ComposeExport.Compose.DotEnvFormat.Parse(File.ReadAllText(Path.Combine(Directory, ".env")))[name];

    public async ValueTask DisposeAsync()
    {
        if (started)
        {
            var down = await RunAsync(
                ["down", "-v", "--remove-orphans", "--timeout", "10"], ShareTimeouts.ComposeShutdown, CancellationToken.None);
            Assert.True(down.ExitCode == 0, $"compose down failed: {down.Transcript}");
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private Task<ProcessResult> RunAsync(string[] arguments, TimeSpan timeout, CancellationToken cancellationToken) =>
        compose.RunAsync(["--project-name", ProjectName, "--project-directory", Directory,
            "--file", Path.Combine(Directory, "compose.yaml"), .. arguments], timeout, cancellationToken);
}

/// <summary>
/// The Compose CLI on this machine: the <c>docker compose</c> plugin (v2) where it exists, else Debian's
/// docker-compose 1.29, the same choice as eng/compose.sh.
/// </summary>
public sealed record ComposeCli(string FileName, IReadOnlyList<string> Prefix)
{
    public static async Task<ComposeCli> FindAsync(CancellationToken cancellationToken)
    {
        var plugin = await Processes.RunAsync("docker", ["compose", "version"], TestTimeouts.DockerCommand, cancellationToken);

        return plugin.ExitCode == 0 ? new ComposeCli("docker", ["compose"]) : new ComposeCli("docker-compose", []);
    }

    public Task<ProcessResult> RunAsync(IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken) =>
        Processes.RunAsync(FileName, [.. Prefix, .. arguments], timeout, cancellationToken);
}
