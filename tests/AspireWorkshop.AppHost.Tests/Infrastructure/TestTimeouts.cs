namespace AspireWorkshop.AppHost.Tests.Infrastructure;

/// <summary>
/// Every wait in these tests is bounded by one of these. CI machines are slower and start cold,
/// so they get more room; a hang still fails instead of running until the job is killed.
/// </summary>
public static class TestTimeouts
{
    private static readonly bool IsCi = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>From starting the AppHost until Postgres, Api and Web all report healthy.</summary>
    public static TimeSpan AppStartup { get; } = TimeSpan.FromMinutes(IsCi ? 5 : 3);

    /// <summary>Stopping the AppHost and its containers.</summary>
    public static TimeSpan AppShutdown { get; } = TimeSpan.FromMinutes(1);

    /// <summary>One HTTP request to a running service.</summary>
    public static TimeSpan Request { get; } = TimeSpan.FromSeconds(IsCi ? 30 : 15);

    /// <summary>One step in the browser: a navigation or waiting for an element to change.</summary>
    public static TimeSpan BrowserStep { get; } = TimeSpan.FromSeconds(IsCi ? 30 : 15);

    /// <summary>A docker CLI command such as removing a volume.</summary>
    public static TimeSpan DockerCommand { get; } = TimeSpan.FromMinutes(1);
}
