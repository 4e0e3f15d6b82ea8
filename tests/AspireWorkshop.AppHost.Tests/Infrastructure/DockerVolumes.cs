namespace AspireWorkshop.AppHost.Tests.Infrastructure;

/// <summary>Removes the Docker volumes the tests create, so a test run leaves nothing behind.</summary>
public static class DockerVolumes
{
    /// <summary>Removes a named volume; a volume that does not exist is not an error.</summary>
    public static async Task RemoveAsync(string volumeName)
    {
        var docker = await ProcessRunner.RunAsync(
            "docker", ["volume", "rm", "--force", volumeName], TestTimeouts.DockerCommand, CancellationToken.None);
        docker.EnsureSuccess();
    }
}
