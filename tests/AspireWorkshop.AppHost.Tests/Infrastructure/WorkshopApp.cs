using AspireWorkshop.AppHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AspireWorkshop.AppHost.Tests.Infrastructure;

/// <summary>Starts the real AppHost and waits until every resource is healthy.</summary>
public static class WorkshopApp
{
    /// <summary>
    /// Builds and starts the AppHost with the given options, then waits, within
    /// <see cref="TestTimeouts.AppStartup"/>, until Postgres, the Api and the Web report healthy.
    /// </summary>
    public static async Task<DistributedApplication> StartAsync(WorkshopAppOptions options, CancellationToken cancellationToken)
    {
        using var startup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        startup.CancelAfter(TestTimeouts.AppStartup);

        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AspireWorkshop_AppHost>(
            options.ToAppHostArguments(), startup.Token);
        builder.Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Aspire.Hosting.Dcp", LogLevel.Error));

        var api = builder.Resources.OfType<ProjectResource>().Single(resource => resource.Name == WorkshopResources.Api);
        builder.CreateResourceBuilder(api)
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", options.ApiEnvironment)
            .WithReplicas(options.ApiReplicas);

        var app = await builder.BuildAsync(startup.Token);
        try
        {
            await app.StartAsync(startup.Token);
            foreach (var resource in new[] { WorkshopResources.Postgres, WorkshopResources.Api, WorkshopResources.Web })
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, startup.Token);
            }
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    /// <summary>Stops the AppHost (its containers go with it), bounded by <see cref="TestTimeouts.AppShutdown"/>.</summary>
    public static async Task StopAsync(DistributedApplication app)
    {
        using var shutdown = new CancellationTokenSource(TestTimeouts.AppShutdown);
        await app.StopAsync(shutdown.Token);
        await app.DisposeAsync().AsTask().WaitAsync(TestTimeouts.AppShutdown);
    }
}
