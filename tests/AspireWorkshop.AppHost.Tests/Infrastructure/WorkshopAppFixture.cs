namespace AspireWorkshop.AppHost.Tests.Infrastructure;

/// <summary>
/// One running AppHost shared by every test that uses the fixture; its data volume is removed
/// when the tests are done.
/// </summary>
public abstract class WorkshopAppFixture(string apiEnvironment) : IAsyncLifetime
{
    private DistributedApplication? _app;

    /// <summary>The options this AppHost was started with.</summary>
    public WorkshopAppOptions Options { get; } = WorkshopAppOptions.CreateRandom(apiEnvironment);

    /// <summary>The running AppHost.</summary>
    public DistributedApplication App => _app ?? throw new InvalidOperationException("The AppHost has not started.");

    /// <summary>A client for a resource's HTTP endpoint, with every request bounded.</summary>
    public HttpClient CreateHttpClient(string resourceName)
    {
        var client = App.CreateHttpClient(resourceName, "http");
        client.Timeout = TestTimeouts.Request;

        return client;
    }

    /// <inheritdoc />
    public async ValueTask InitializeAsync() =>
        _app = await WorkshopApp.StartAsync(Options, TestContext.Current.CancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await WorkshopApp.StopAsync(_app);
        }

        await DockerVolumes.RemoveAsync(Options.DataVolumeName);
        GC.SuppressFinalize(this);
    }
}

/// <summary>The AppHost most tests share: the Api in Development, as F5 runs it.</summary>
public sealed class DevelopmentWorkshopAppFixture() : WorkshopAppFixture("Development");

/// <summary>An AppHost whose Api runs in Production, to check it answers as in Development.</summary>
public sealed class ProductionWorkshopAppFixture() : WorkshopAppFixture("Production");

/// <summary>The tests that share the Development AppHost; they run one after another.</summary>
[CollectionDefinition(nameof(SharedWorkshopApp))]
public sealed class SharedWorkshopApp : ICollectionFixture<DevelopmentWorkshopAppFixture>;
