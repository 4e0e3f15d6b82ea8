using System.Collections.Concurrent;
using System.Diagnostics;
using AspireWorkshop.AppHost.Tests.Infrastructure;

namespace AspireWorkshop.AppHost.Tests.Drills;

/// <summary>Restarts Postgres under the Api while it writes; its own AppHost, since the drill breaks it.</summary>
public sealed class PostgresRestartDrillTests(DevelopmentWorkshopAppFixture fixture) : IClassFixture<DevelopmentWorkshopAppFixture>
{
    private const int Writers = 8;

    // Let the writers reach a steady state before the restart, and keep writing well after it.
    private static readonly TimeSpan RestartAfter = TimeSpan.FromSeconds(3);

    private readonly HttpClient _api = fixture.CreateHttpClient("api");
    private readonly ConcurrentBag<HttpStatusCode> _refusals = [];
    private readonly CancellationToken _cancellationToken = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_acknowledged_write_survives_a_Postgres_restart_and_the_Api_answers_again_within_10_seconds()
    {
        var container = await DockerCli.FindContainerByVolumeAsync(fixture.Options.DataVolumeName);
        var acknowledged = new ConcurrentBag<Guid>();
        using var load = CancellationTokenSource.CreateLinkedTokenSource(_cancellationToken);
        load.CancelAfter(DrillTimeouts.WriteLoad);
        var writers = Enumerable.Range(0, Writers).Select(writer => WriteUntilCancelledAsync(writer, acknowledged, load.Token)).ToList();

        await Task.Delay(RestartAfter, _cancellationToken);
        await DockerCli.RunAsync(["restart", container]);
        var back = Stopwatch.StartNew();
        await WaitUntilItemsAnswerAsync(DrillTimeouts.RecoveryAfterPostgresIsBack);
        var recovery = back.Elapsed;
        await Task.WhenAll(writers);

        Assert.True(recovery <= DrillTimeouts.RecoveryAfterPostgresIsBack, $"The Api answered {recovery} after Postgres was back.");
        Assert.NotEmpty(acknowledged);
        Assert.DoesNotContain(HttpStatusCode.InternalServerError, _refusals);
        var stored = (await _api.GetFromJsonAsync<List<DrillItem>>("/items", _cancellationToken))!.Select(item => item.Id).ToHashSet();
        Assert.DoesNotContain(acknowledged, id => !stored.Contains(id));
    }

    private async Task WriteUntilCancelledAsync(int writer, ConcurrentBag<Guid> acknowledged, CancellationToken load)
    {
        for (var write = 0; !load.IsCancellationRequested; write += 1)
        {
            try
            {
                using var response = await _api.PostAsJsonAsync("/items", new { name = $"writer {writer} write {write}" }, load);
                if (response.IsSuccessStatusCode)
                {
                    acknowledged.Add((await response.Content.ReadFromJsonAsync<DrillItem>(load))!.Id);
                }
                else
                {
                    // A refusal during the restart must say "unavailable" (503), never be a crash (500).
                    _refusals.Add(response.StatusCode);
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
            {
                // During the restart a write may fail or be cut off; only acknowledged writes must survive.
            }
        }
    }

    private async Task WaitUntilItemsAnswerAsync(TimeSpan timeout)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(_cancellationToken);
        limit.CancelAfter(timeout);
        while (true)
        {
            try
            {
                using var response = await _api.GetAsync("/items", limit.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // The Api process is fine; only its database is away. Ask again.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), limit.Token);
        }
    }
}
