using System.Diagnostics;

namespace AspireWorkshop.AppHost.Tests.Infrastructure;

/// <summary>Removes the Docker volumes the tests create, so a test run leaves nothing behind.</summary>
public static class DockerVolumes
{
    /// <summary>Removes a named volume; a volume that does not exist is not an error.</summary>
    public static async Task RemoveAsync(string volumeName)
    {
        using var docker = Process.Start(new ProcessStartInfo("docker", ["volume", "rm", "--force", volumeName])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("Could not start the docker CLI.");

        using var timeout = new CancellationTokenSource(TestTimeouts.DockerCommand);
        var errors = docker.StandardError.ReadToEndAsync(timeout.Token);
        await docker.StandardOutput.ReadToEndAsync(timeout.Token);
        await docker.WaitForExitAsync(timeout.Token);
        if (docker.ExitCode != 0)
        {
            throw new InvalidOperationException($"docker volume rm {volumeName} failed: {await errors}");
        }
    }
}
