using AspireWorkshop.AppHost.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AspireWorkshop.AppHost.Tests.Drills;

/// <summary>Reads what a resource of the running AppHost has logged so far.</summary>
public static class ResourceLogs
{
    // The watch replays what was logged so far and then waits for more; once nothing has come for
    // this long, the replay is over.
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(3);

    /// <summary>Every line <paramref name="resourceName"/> has written to its console so far.</summary>
    public static async Task<IReadOnlyList<string>> ReadAllAsync(
        DistributedApplication app, string resourceName, CancellationToken cancellationToken)
    {
        var logs = app.Services.GetRequiredService<ResourceLoggerService>();
        var lines = new List<string>();
        using var watch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // The orchestrator runs each resource as instances with names of their own ("api-x7f2q"),
        // and their console output is logged under those names, not the resource's.
        var running = await app.ResourceNotifications.WaitForResourceAsync(
                resourceName, resourceEvent => resourceEvent.Snapshot.State?.Text == KnownResourceStates.Running, cancellationToken)
            .WaitAsync(TestTimeouts.AppStartup, cancellationToken);
        var reading = ReadUntilCancelledAsync(logs, running.ResourceId, lines, watch.Token);

        // A resource that never stops logging still gets read for a bounded time.
        var readUntil = DateTime.UtcNow + TestTimeouts.Request;
        var seen = -1;
        while (seen != Count(lines) && DateTime.UtcNow < readUntil)
        {
            seen = Count(lines);
            await Task.Delay(Quiet, cancellationToken);
        }

        await watch.CancelAsync();
        await reading;

        lock (lines)
        {
            return [.. lines];
        }
    }

    private static async Task ReadUntilCancelledAsync(
        ResourceLoggerService logs, string resourceName, List<string> lines, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var batch in logs.WatchAsync(resourceName).WithCancellation(cancellationToken))
            {
                lock (lines)
                {
                    lines.AddRange(batch.Select(line => line.Content));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller has read enough.
        }
    }

    private static int Count(List<string> lines)
    {
        lock (lines)
        {
            return lines.Count;
        }
    }
}
