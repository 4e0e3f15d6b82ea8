using System.Diagnostics;
using AspireWorkshop.AppHost.Tests.Infrastructure;

namespace AspireWorkshop.AppHost.Tests.Drills;

/// <summary>Runs the docker CLI for the drills, each command bounded.</summary>
public static class DockerCli
{
    /// <summary>Runs <c>docker</c> with <paramref name="arguments"/>; its trimmed output, or an exception on failure.</summary>
    public static async Task<string> RunAsync(IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        var argumentList = arguments.ToList();
        using var docker = Process.Start(new ProcessStartInfo("docker", argumentList)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("Could not start the docker CLI.");

        using var limit = new CancellationTokenSource(timeout ?? TestTimeouts.DockerCommand);
        var errors = docker.StandardError.ReadToEndAsync(limit.Token);
        string output;
        try
        {
            output = await docker.StandardOutput.ReadToEndAsync(limit.Token);
            await docker.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            docker.Kill(entireProcessTree: true);
            throw new TimeoutException($"docker {string.Join(' ', argumentList)} did not finish in time.");
        }

        return docker.ExitCode == 0
            ? output.Trim()
            : throw new InvalidOperationException($"docker {string.Join(' ', argumentList)} failed: {await errors}");
    }

    /// <summary>
    /// The id of the running container that mounts <paramref name="volumeName"/>. Every test run
    /// gets its own random data volume, so this finds that run's Postgres and no one else's.
    /// </summary>
    public static async Task<string> FindContainerByVolumeAsync(string volumeName)
    {
        var id = await RunAsync(["ps", "--quiet", "--filter", $"volume={volumeName}"]);

        return id.Length > 0 && !id.Contains('\n', StringComparison.Ordinal)
            ? id
            : throw new InvalidOperationException($"Expected one running container with volume {volumeName}, found '{id}'.");
    }
}
