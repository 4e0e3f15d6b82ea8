using AspireWorkshop.AppHost.Tests.Api;
using AspireWorkshop.AppHost.Tests.Infrastructure;

namespace AspireWorkshop.AppHost.Tests.AppHost;

/// <summary>
/// Two Api instances start at the same moment against an empty database, as a scaled-out
/// deployment does, and both must create or find the schema without tripping over each other.
/// </summary>
public sealed class ConcurrentApiStartupTests
{
    private const int RequestsAcrossReplicas = 20;

    private readonly CancellationToken _cancellationToken = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_Api_instances_starting_together_both_serve_items()
    {
        var options = WorkshopAppOptions.CreateRandom() with { ApiReplicas = 2 };
        var app = await WorkshopApp.StartAsync(options, _cancellationToken);
        try
        {
            using var api = app.CreateHttpClient("api", "http");
            api.Timeout = TestTimeouts.Request;
            var created = await api.CreateItemAsync("seen by every replica", _cancellationToken);

            // The AppHost's proxy spreads requests over the replicas, so each one answers some of these.
            for (var request = 0; request < RequestsAcrossReplicas; request += 1)
            {
                Assert.Contains(created, await api.ListItemsAsync(_cancellationToken));
            }
        }
        finally
        {
            await WorkshopApp.StopAsync(app);
            await DockerVolumes.RemoveAsync(options.DataVolumeName);
        }
    }
}
