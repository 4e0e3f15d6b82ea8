namespace AspireWorkshop.Share.Tests.Infrastructure;

/// <summary>
/// The waits these tests add to <see cref="TestTimeouts"/>. Image builds and Compose start-ups share two
/// cores with other test projects, so CI gets more room; a hang still fails.
/// </summary>
public static class ShareTimeouts
{
    private static readonly bool IsCi = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>eng/share.sh: two image builds (cached after the first run) and two pushes.</summary>
    public static TimeSpan Share { get; } = TimeSpan.FromMinutes(IsCi ? 15 : 8);

    /// <summary>From eng/share.sh starting until it gives up on a registry that refuses connections.</summary>
    public static TimeSpan RefusedPush { get; } = TimeSpan.FromMinutes(IsCi ? 10 : 5);

    /// <summary>Writing compose.yaml: the AppHost is built if need be and writes its manifest.</summary>
    public static TimeSpan Export { get; } = TimeSpan.FromMinutes(IsCi ? 10 : 5);

    /// <summary>From <c>up</c> (pulling or building images) until every container runs and is healthy.</summary>
    public static TimeSpan ComposeStartup { get; } = TimeSpan.FromMinutes(IsCi ? 15 : 8);

    /// <summary><c>down -v</c>: stopping the containers and removing them with their volumes and network.</summary>
    public static TimeSpan ComposeShutdown { get; } = TimeSpan.FromMinutes(2);

    /// <summary>The registry process answering its first request.</summary>
    public static TimeSpan RegistryStartup { get; } = TimeSpan.FromSeconds(30);

    /// <summary>From a request to the Web until its spans and the Api's show up in the dashboard.</summary>
    public static TimeSpan TraceArrival { get; } = TimeSpan.FromSeconds(IsCi ? 90 : 45);

    /// <summary>
    /// A dashboard page showing what it was asked for. Its first render after start-up compiles the
    /// dashboard's components and opens a live connection to the resource service, on cores the
    /// AppHost's resources are still starting on.
    /// </summary>
    public static TimeSpan DashboardPage { get; } = TimeSpan.FromSeconds(IsCi ? 120 : 60);
}
