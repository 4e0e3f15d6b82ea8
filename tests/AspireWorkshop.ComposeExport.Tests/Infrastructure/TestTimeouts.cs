namespace AspireWorkshop.ComposeExport.Tests.Infrastructure;

/// <summary>Every wait in these tests is bounded by one of these.</summary>
internal static class TestTimeouts
{
    /// <summary>docker-compose 1.29 starts a Python interpreter: a second or two, more on a busy CI machine.</summary>
    public static readonly TimeSpan ComposeCommand = TimeSpan.FromSeconds(60);

    /// <summary>Creating and starting containers from local images.</summary>
    public static readonly TimeSpan ContainerStart = TimeSpan.FromMinutes(3);

    /// <summary>Asking whether a Docker engine answers.</summary>
    public static readonly TimeSpan EngineProbe = TimeSpan.FromSeconds(10);
}
