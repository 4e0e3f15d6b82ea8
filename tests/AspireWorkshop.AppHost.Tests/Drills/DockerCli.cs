using AspireWorkshop.AppHost.Tests.Infrastructure;

namespace AspireWorkshop.AppHost.Tests.Drills;

/// <summary>Runs the docker CLI for the drills, each command bounded.</summary>
public static class DockerCli
{
    /// <summary>Runs <c>docker</c> with <paramref name="arguments"/>; its trimmed output, or an exception on failure.</summary>
    public static async Task<string> RunAsync(IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        var docker = await ProcessRunner.RunAsync(
            "docker", arguments, timeout ?? TestTimeouts.DockerCommand, CancellationToken.None);

        return docker.EnsureSuccess().Output.Trim();
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
