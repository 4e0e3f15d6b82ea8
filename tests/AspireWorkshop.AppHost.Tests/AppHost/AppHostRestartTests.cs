using AspireWorkshop.AppHost.Tests.Api;
using AspireWorkshop.AppHost.Tests.Infrastructure;

namespace AspireWorkshop.AppHost.Tests.AppHost;

/// <summary>Starts its own AppHost twice over one data volume, as a developer does between sessions.</summary>
public sealed class AppHostRestartTests
{
    private readonly CancellationToken _cancellationToken = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Items_survive_an_AppHost_restart()
    {
        var options = WorkshopAppOptions.CreateRandom();
        try
        {
            var created = await WithRunningAppAsync(options, api => api.CreateItemAsync("survives a restart", _cancellationToken));

            var listedAfterRestart = await WithRunningAppAsync(options, api => api.ListItemsAsync(_cancellationToken));

            Assert.Contains(created, listedAfterRestart);
        }
        finally
        {
            await DockerVolumes.RemoveAsync(options.DataVolumeName);
        }
    }

    private async Task<T> WithRunningAppAsync<T>(WorkshopAppOptions options, Func<HttpClient, Task<T>> useApi)
    {
        var app = await WorkshopApp.StartAsync(options, _cancellationToken);
        try
        {
            using var api = app.CreateHttpClient("api", "http");
            api.Timeout = TestTimeouts.Request;

            return await useApi(api);
        }
        finally
        {
            await WorkshopApp.StopAsync(app);
        }
    }
}
