using AspireWorkshop.AppHost.Tests.Infrastructure;

namespace AspireWorkshop.AppHost.Tests.Drills;

/// <summary>Stops Postgres under the running Api and starts it again; its own AppHost, since the drill breaks it.</summary>
public sealed class PostgresOutageDrillTests(DevelopmentWorkshopAppFixture fixture) : IClassFixture<DevelopmentWorkshopAppFixture>
{
    private readonly HttpClient _api = fixture.CreateHttpClient("api");
    private readonly CancellationToken _cancellationToken = TestContext.Current.CancellationToken;

    [Fact]
    public async Task While_Postgres_is_stopped_the_Api_answers_503_problems_and_recovers_by_itself()
    {
        var container = await DockerCli.FindContainerByVolumeAsync(fixture.Options.DataVolumeName);
        using (var before = await _api.GetAsync("/items", _cancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await DockerCli.RunAsync(["stop", container]);
        try
        {
            using var health = await _api.GetAsync("/health", _cancellationToken);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Equal("Unhealthy", await health.Content.ReadAsStringAsync(_cancellationToken));

            using var list = await _api.GetAsync("/items", _cancellationToken);
            await ProblemAssertions.AssertServiceUnavailableProblemAsync(list, _cancellationToken);

            using var create = await _api.PostAsJsonAsync("/items", new { name = "written during the outage" }, _cancellationToken);
            await ProblemAssertions.AssertServiceUnavailableProblemAsync(create, _cancellationToken);
        }
        finally
        {
            await DockerCli.RunAsync(["start", container]);
        }

        await ApiProbe.WaitUntilHealthyAndListingAsync(_api, DrillTimeouts.PostgresStartup, _cancellationToken);
        var created = await _api.PostAsJsonAsync("/items", new { name = "written after the outage" }, _cancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task No_log_line_of_the_Api_or_the_Web_contains_the_database_password()
    {
        // Outage handling logs exceptions, where a careless connection string would show; the
        // other drill of this class provokes them, and this one runs after whatever ran before.
        using var list = await _api.GetAsync("/items", _cancellationToken);

        foreach (var resource in new[] { "api", "web" })
        {
            var lines = await ResourceLogs.ReadAllAsync(fixture.App, resource, _cancellationToken);

            Assert.NotEmpty(lines);
            Assert.DoesNotContain(lines, line => line.Contains(fixture.Options.PostgresPassword, StringComparison.Ordinal));
        }
    }
}
