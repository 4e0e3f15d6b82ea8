namespace AspireWorkshop.Share.Tests;

/// <summary>
/// A Compose deployment exported with --dashboard: the Web and the Api send their telemetry to the
/// standalone Aspire dashboard over the Compose network, and one page request shows up there as one
/// trace with spans from both.
/// </summary>
public sealed class ComposeDashboardTests
{
    [Fact]
    public async Task A_page_request_reaches_the_dashboard_as_one_trace_with_spans_from_web_and_api()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var dashboardPort = RepositoryPaths.FreeLoopbackPort();
        var webPort = RepositoryPaths.FreeLoopbackPort();
        await using var deployment = await ComposeDeployment.ExportAsync(
            ["--dashboard", "--dashboard-port", $"{dashboardPort}", "--publish", $"web={webPort}",
                "--image-prefix", "aspireworkshop-share-tests-"],
            cancellationToken);
        var token = deployment.EnvValue("DASHBOARD_BROWSER_TOKEN");
        var loginUrl = $"http://127.0.0.1:{dashboardPort}/login?t={token}";
        Assert.Contains($"Dashboard: {loginUrl}", deployment.ExportOutput, StringComparison.Ordinal);

        await deployment.UpAsync(cancellationToken, "--build");
        using var telemetry = new DashboardTelemetry(
            new Uri($"http://127.0.0.1:{dashboardPort}"), deployment.EnvValue("DASHBOARD_API_KEY"));
        await telemetry.WaitUntilAnsweringAsync(cancellationToken);

        // The page renders on the server first, and that render asks the Api for the items.
        using var web = new HttpClient { Timeout = TestTimeouts.Request };
        using var page = await web.GetAsync($"http://127.0.0.1:{webPort}/", cancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        var traceId = await WaitForTraceAcrossAsync(telemetry, ["web", "api"], cancellationToken);

        var (playwright, browser) = await HeadlessChromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var tab = await browser.NewPageAsync(new() { ViewportSize = Screenshots.Viewport });
            await tab.GotoAsync(loginUrl, new() { Timeout = (float)TestTimeouts.BrowserStep.TotalMilliseconds });
            await tab.GotoAsync(
                $"http://127.0.0.1:{dashboardPort}/traces/detail/{traceId}",
                new() { Timeout = (float)TestTimeouts.BrowserStep.TotalMilliseconds });
            await Screenshots.SaveWhenShowingAsync(tab, "compose-dashboard-trace", "web", "api", "/items");
        }
    }

    /// <summary>
    /// Polls the dashboard, within <see cref="ShareTimeouts.TraceArrival"/>, for a trace holding spans from
    /// every one of <paramref name="services"/>. The projects export in one-second batches.
    /// </summary>
    private static async Task<string> WaitForTraceAcrossAsync(
        DashboardTelemetry telemetry, IReadOnlyList<string> services, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(ShareTimeouts.TraceArrival);
        IReadOnlyList<ReceivedSpan> spans = [];
        try
        {
            while (true)
            {
                spans = await telemetry.SpansAsync(deadline.Token);
                var trace = spans.GroupBy(span => span.TraceId)
                    .FirstOrDefault(group => services.All(service => group.Any(span => span.Service == service)));
                if (trace is not null)
                {
                    return trace.Key;
                }

                await Task.Delay(TimeSpan.FromSeconds(1), deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var seen = string.Join("\n", spans.Select(span => $"{span.Service} {span.TraceId} {span.Name}"));
            Assert.Fail($"No trace with spans from {string.Join(" and ", services)} within {ShareTimeouts.TraceArrival}:\n{seen}");

            throw;
        }
    }
}
