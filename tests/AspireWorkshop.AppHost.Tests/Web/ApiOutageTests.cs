using System.Diagnostics;
using System.Globalization;
using AspireWorkshop.AppHost.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AspireWorkshop.AppHost.Tests.Web;

/// <summary>
/// Takes the Api away under a page that is open in the browser, so it has an AppHost of its own.
/// </summary>
public sealed class ApiOutageTests(DevelopmentWorkshopAppFixture fixture, ChromiumFixture chromium)
    : IClassFixture<DevelopmentWorkshopAppFixture>, IClassFixture<ChromiumFixture>
{
    // The standard resilience handler retries a refused request for several seconds (exponential
    // back-off) before the page learns that the Api is gone.
    private static readonly float OutageReportTimeout = (float)TimeSpan.FromSeconds(60).TotalMilliseconds;

    // The orchestrator publishes the process id of each executable it runs under this name.
    private const string ExecutablePidProperty = "executable.pid";

    private readonly CancellationToken _cancellationToken = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_page_reports_an_Api_outage_and_works_again_once_the_Api_is_back()
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(fixture.App.GetEndpoint("web", "http").ToString());
        var input = page.GetByLabel("New item");
        await Assertions.Expect(input).ToBeEnabledAsync();

        await StopApiAsync();

        await input.FillAsync("added while the Api is down");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert))
            .ToContainTextAsync("not reachable", new() { Timeout = OutageReportTimeout });
        await Assertions.Expect(input).ToBeEnabledAsync();

        var start = await ExecuteApiCommandAsync(KnownResourceCommands.StartCommand);
        Assert.True(start.Success, start.Message);
        await fixture.App.ResourceNotifications.WaitForResourceHealthyAsync("api", _cancellationToken)
            .WaitAsync(TestTimeouts.AppStartup, _cancellationToken);

        await page.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0, new() { Timeout = OutageReportTimeout });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync();
        await Assertions.Expect(page.Locator(".item", new() { HasText = "added while the Api is down" }))
            .ToHaveCountAsync(1, new() { Timeout = OutageReportTimeout });
        await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Assertions.Expect(input).ToHaveValueAsync("");
    }

    private async Task StopApiAsync()
    {
        // The process is killed rather than stopped through the orchestrator: a crash is the outage
        // the page must survive, and it takes the Api away at once instead of after a graceful
        // shutdown that the orchestrator may give up on.
        Assert.True(fixture.App.ResourceNotifications.TryGetCurrentState("api", out var running), "The Api has no state.");
        var pid = running.Snapshot.Properties.Single(property => property.Name == ExecutablePidProperty).Value;
        using (var api = Process.GetProcessById(Convert.ToInt32(pid, CultureInfo.InvariantCulture)))
        {
            api.Kill(entireProcessTree: true);
        }

        await fixture.App.ResourceNotifications.WaitForResourceAsync("api", KnownResourceStates.TerminalStates, _cancellationToken)
            .WaitAsync(TestTimeouts.AppShutdown, _cancellationToken);
    }

    private async Task<ExecuteCommandResult> ExecuteApiCommandAsync(string command)
    {
        var commands = fixture.App.Services.GetRequiredService<ResourceCommandService>();

        return await commands.ExecuteCommandAsync("api", command, _cancellationToken)
            .WaitAsync(TestTimeouts.AppShutdown, _cancellationToken);
    }
}
