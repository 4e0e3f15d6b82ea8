namespace AspireWorkshop.AppHost.Tests.Drills;

/// <summary>The waits the failure drills add to <see cref="Infrastructure.TestTimeouts"/>.</summary>
public static class DrillTimeouts
{
    private static readonly bool IsCi = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>
    /// How soon the Api must answer again once Postgres is back: the pool drops broken
    /// connections on first use, so only the requests in flight during the outage may fail.
    /// </summary>
    public static TimeSpan RecoveryAfterPostgresIsBack { get; } = TimeSpan.FromSeconds(10);

    /// <summary>A fresh Postgres container initialising its cluster and accepting connections.</summary>
    public static TimeSpan PostgresStartup { get; } = TimeSpan.FromSeconds(IsCi ? 120 : 60);

    /// <summary>How long the writers keep writing across a Postgres restart.</summary>
    public static TimeSpan WriteLoad { get; } = TimeSpan.FromSeconds(15);

    /// <summary>The Api process, run on its own, listening on its port.</summary>
    public static TimeSpan ApiProcessStartup { get; } = TimeSpan.FromSeconds(IsCi ? 60 : 30);

    /// <summary>Building a service image; the restore layer is usually cached.</summary>
    public static TimeSpan ImageBuild { get; } = TimeSpan.FromMinutes(IsCi ? 15 : 10);

    /// <summary>Generating the manifest (which builds the AppHost) and converting it.</summary>
    public static TimeSpan ComposeExport { get; } = TimeSpan.FromMinutes(IsCi ? 10 : 5);
}
