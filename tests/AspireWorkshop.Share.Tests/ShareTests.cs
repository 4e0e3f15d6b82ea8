using System.Security.Cryptography;

namespace AspireWorkshop.Share.Tests;

/// <summary>
/// eng/share.sh pushes the Api and Web images to a registry; a compose.yaml exported with --no-build then
/// runs the app from those images alone, as on a machine that never built them.
/// </summary>
public sealed class ShareTests
{
    private static readonly string ShareScript = Path.Combine(RepositoryPaths.Root, "eng", "share.sh");

    [Fact]
    public async Task Shared_images_run_the_todo_app_from_the_registry_on_a_machine_that_never_built_them()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var registry = await LocalRegistry.StartAsync(cancellationToken);
        var prefix = $"share-tests-{RandomNumberGenerator.GetHexString(8, lowercase: true)}/";
        const string tag = "shared";
        string[] images = [$"{registry.Address}/{prefix}api:{tag}", $"{registry.Address}/{prefix}web:{tag}"];

        var share = await Processes.RunAsync(
            "bash",
            [ShareScript, "--registry", registry.Address, "--prefix", prefix, "--tag", tag],
            ShareTimeouts.Share,
            cancellationToken);
        Assert.True(share.ExitCode == 0, share.Transcript);
        Assert.Equal([tag], await registry.TagsAsync($"{prefix}api", cancellationToken));
        Assert.Equal([tag], await registry.TagsAsync($"{prefix}web", cancellationToken));

        // From here on only the registry has the images, as on another machine.
        await RemoveImagesAsync(images, cancellationToken);

        var apiPort = RepositoryPaths.FreeLoopbackPort();
        var deployment = await ComposeDeployment.ExportAsync(
            ["--image-prefix", $"{registry.Address}/{prefix}", "--tag", tag, "--no-build",
                "--publish", $"api={apiPort}", "--publish", $"web={RepositoryPaths.FreeLoopbackPort()}"],
            cancellationToken);
        try
        {
            var compose = await File.ReadAllTextAsync(Path.Combine(deployment.Directory, "compose.yaml"), cancellationToken);
            Assert.DoesNotContain("build:", compose, StringComparison.Ordinal);

            await deployment.UpAsync(cancellationToken);

            // A pulled image records the registry repository it came from; a built one has no digest.
            foreach (var image in images)
            {
                var repository = image[..image.LastIndexOf(':')];
                Assert.Contains($"{repository}@sha256:", await RepoDigestsAsync(image, cancellationToken));
            }

            using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{apiPort}"), Timeout = TestTimeouts.Request };
            var name = $"shared item {RandomNumberGenerator.GetHexString(6, lowercase: true)}";
            using var created = await api.PostAsJsonAsync("/items", new { name }, cancellationToken);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var items = await api.GetFromJsonAsync<IReadOnlyList<TodoItem>>("/items", cancellationToken);
            Assert.Contains(items ?? [], item => item.Name == name);
        }
        finally
        {
            await deployment.DisposeAsync();
            await RemoveImagesAsync(images, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Sharing_to_a_registry_that_is_down_fails_fast_with_a_clear_message()
    {
        var cancellationToken = TestContext.Current.CancellationToken;

        // Nothing listens on a port just found free, so the connection is refused.
        var downRegistry = $"127.0.0.1:{RepositoryPaths.FreeLoopbackPort()}";
        var prefix = $"share-tests-{RandomNumberGenerator.GetHexString(8, lowercase: true)}/";
        string[] images = [$"{downRegistry}/{prefix}api:down", $"{downRegistry}/{prefix}web:down"];

        try
        {
            var share = await Processes.RunAsync(
                "bash",
                [ShareScript, "--registry", downRegistry, "--prefix", prefix, "--tag", "down", "--push-timeout", "60"],
                ShareTimeouts.RefusedPush,
                cancellationToken);

            Assert.NotEqual(0, share.ExitCode);
            Assert.Contains($"error: pushing {images[0]} to {downRegistry} failed", share.Error, StringComparison.Ordinal);
            Assert.Contains("connection refused", share.Error, StringComparison.Ordinal);
            Assert.Contains("Is the registry running", share.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("==> shared", share.Output, StringComparison.Ordinal);
        }
        finally
        {
            await RemoveImagesAsync(images, CancellationToken.None);
        }
    }

    private static async Task RemoveImagesAsync(IEnumerable<string> images, CancellationToken cancellationToken)
    {
        foreach (var image in images)
        {
            await Processes.RunAsync("docker", ["image", "rm", "--force", image], TestTimeouts.DockerCommand, cancellationToken);
            var left = await Processes.RunAsync("docker", ["image", "inspect", image], TestTimeouts.DockerCommand, cancellationToken);
            Assert.NotEqual(0, left.ExitCode);
        }
    }

    private static async Task<string> RepoDigestsAsync(string image, CancellationToken cancellationToken)
    {
        var inspect = await Processes.RunAsync(
            "docker", ["image", "inspect", "--format", "{{json .RepoDigests}}", image], TestTimeouts.DockerCommand, cancellationToken);
        Assert.True(inspect.ExitCode == 0, inspect.Transcript);

        return inspect.Output;
    }

    private sealed record TodoItem(Guid Id, string Name, bool Completed);
}
