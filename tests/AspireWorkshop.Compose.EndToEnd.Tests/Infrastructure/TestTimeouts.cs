namespace AspireWorkshop.Compose.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Every wait in these tests is bounded by one of these. CI machines start cold (no build cache), so
/// they get more room; a hang still fails instead of running until the job is killed.
/// </summary>
internal static class TestTimeouts
{
    private static readonly bool IsCi = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>An export: building and running the AppHost to write its manifest, then converting it.</summary>
    public static TimeSpan Export { get; } = TimeSpan.FromMinutes(IsCi ? 10 : 5);

    /// <summary><c>up -d --build</c>: two .NET images, a minute or two each on 2 cores without a cache.</summary>
    public static TimeSpan BuildAndCreate { get; } = TimeSpan.FromMinutes(IsCi ? 15 : 10);

    /// <summary>From <c>up</c> returning until every container reports healthy (initdb, schema, .NET start).</summary>
    public static TimeSpan Healthy { get; } = TimeSpan.FromMinutes(IsCi ? 4 : 3);

    /// <summary>Time between two looks at the containers' health.</summary>
    public static TimeSpan HealthPoll { get; } = TimeSpan.FromSeconds(1);

    /// <summary>A Compose or docker command that neither builds nor waits for containers.</summary>
    public static TimeSpan ComposeCommand { get; } = TimeSpan.FromMinutes(2);

    /// <summary>One HTTP request to a running service.</summary>
    public static TimeSpan Request { get; } = TimeSpan.FromSeconds(IsCi ? 30 : 15);
}
