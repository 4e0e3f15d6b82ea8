using AspireWorkshop.Compose.EndToEnd.Tests.Infrastructure;

namespace AspireWorkshop.Compose.EndToEnd.Tests.Exported;

/// <summary>
/// This app exported into a fresh folder and brought up with Compose, shared by the tests of the
/// <see cref="ExportedDeployment"/> collection. The export publishes the Api on 127.0.0.1 as well
/// (<c>--publish api=PORT</c>), so the Api contract runs from the host just as it does against the AppHost.
/// </summary>
public sealed class ExportedDeploymentFixture : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"aspireworkshop-e2e-{Guid.NewGuid():N}");
    private readonly int apiPort = FreePort.Next();
    private ComposeDeployment? deployment;

    /// <summary>The running deployment.</summary>
    internal ComposeDeployment Deployment =>
        deployment ?? throw new InvalidOperationException("The deployment has not started.");

    /// <summary>The page's port on 127.0.0.1.</summary>
    public int WebPort { get; } = FreePort.Next();

    /// <summary>A client for the Api through its published port, with every request bounded.</summary>
    public HttpClient CreateApiClient() => CreateClient(apiPort);

    /// <summary>A client for the page through its published port, with every request bounded.</summary>
    public HttpClient CreateWebClient() => CreateClient(WebPort);

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var projectName = ComposeDeployment.NewProjectName();
        var prefix = $"{projectName}-";
        const string tag = "e2e";
        try
        {
            await Exporter.ExportAsync(
                folder,
                ["--publish", $"api={apiPort}", "--publish", $"web={WebPort}", "--image-prefix", prefix, "--tag", tag],
                WorkshopImages.Environment,
                cancellationToken);
            deployment = new ComposeDeployment(
                Path.Combine(folder, "compose.yaml"),
                WorkshopImages.Environment,
                [$"{prefix}api:{tag}", $"{prefix}web:{tag}"])
            {
                ProjectName = projectName,
            };
            await deployment.UpAsync(build: true, cancellationToken);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (deployment is not null)
        {
            await deployment.DisposeAsync();
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static HttpClient CreateClient(int port) =>
        new() { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TestTimeouts.Request };
}

/// <summary>The tests that share one exported deployment; they run one after another.</summary>
[CollectionDefinition(nameof(ExportedDeployment))]
public sealed class ExportedDeployment : ICollectionFixture<ExportedDeploymentFixture>;
