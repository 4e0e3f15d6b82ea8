using Aspire.Hosting.ApplicationModel;
using AspireWorkshop.AppHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AspireWorkshop.Share.Tests;

/// <summary>
/// The dashboard the AppHost itself starts, photographed for the README. The testing builder leaves the
/// dashboard out unless asked, and moves it, like every endpoint, to a random port behind a proxy.
/// </summary>
public sealed class AppHostDashboardScreenshotTests
{
    // The name Aspire gives the dashboard resource it adds to every AppHost run with a dashboard.
    private const string DashboardResource = "aspire-dashboard";

    [Fact]
    public async Task The_AppHost_dashboard_lists_postgres_api_and_web_as_running()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var options = WorkshopAppOptions.CreateRandom();

        using var startup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        startup.CancelAfter(TestTimeouts.AppStartup);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AspireWorkshop_AppHost>(
            options.ToAppHostArguments(), (appOptions, _) => appOptions.DisableDashboard = false, startup.Token);
        var app = await builder.BuildAsync(startup.Token);
        try
        {
            await app.StartAsync(startup.Token);
            foreach (var resource in new[] { WorkshopResources.Postgres, WorkshopResources.Api, WorkshopResources.Web })
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, startup.Token);
            }

            // Nothing waits for the dashboard's own process; a page asked for before it listens never loads.
            await app.ResourceNotifications.WaitForResourceAsync(
                DashboardResource, KnownResourceStates.Running, startup.Token);

            var (playwright, browser) = await HeadlessChromium.LaunchAsync();
            using (playwright)
            await using (browser)
            {
                var page = await browser.NewPageAsync(new() { ViewportSize = Screenshots.Viewport });
                await page.GotoAsync(LoginUrl(app), new() { Timeout = (float)TestTimeouts.BrowserStep.TotalMilliseconds });
                await Screenshots.SaveWhenShowingAsync(
                    page,
                    "apphost-dashboard-resources",
                    WorkshopResources.Postgres,
                    WorkshopResources.Api,
                    WorkshopResources.Web,
                    "Running");
            }
        }
        finally
        {
            await app.StopAsync(CancellationToken.None).WaitAsync(TestTimeouts.AppShutdown, CancellationToken.None);
            await app.DisposeAsync().AsTask().WaitAsync(TestTimeouts.AppShutdown, CancellationToken.None);
            await DockerVolumes.RemoveAsync(options.DataVolumeName);
        }
    }

    /// <summary>The dashboard's UI endpoint with the browser token the AppHost generated for this run.</summary>
    private static string LoginUrl(DistributedApplication app)
    {
        var dashboard = app.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .Single(resource => resource.Name == DashboardResource);
        var ui = dashboard.Annotations.OfType<EndpointAnnotation>().First(endpoint => endpoint.UriScheme == "http");
        var token = app.Services.GetRequiredService<IConfiguration>()["AppHost:BrowserToken"];

        return $"{ui.AllocatedEndpoint!.UriString}/login?t={token}";
    }
}
