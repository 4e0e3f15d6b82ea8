using System.Globalization;
using AspireWorkshop.ComposeExport.Compose;
using AspireWorkshop.ComposeExport.Manifest;

namespace AspireWorkshop.ComposeExport.Conversion;

/// <summary>Health checks for the services whose readiness the exporter knows how to test.</summary>
internal static class HealthChecks
{
    // Checking every 2 s lets a dependent start within about 2 s of readiness; 30 retries after a
    // 10 s start period give a slow first start (Postgres initdb, a cold .NET start) over a minute.
    // No start_interval: docker-compose 1.29 rejects it.
    private const string Interval = "2s";
    private const string Timeout = "3s";
    private const int Retries = 30;
    private const string StartPeriod = "10s";

    /// <summary>
    /// A container that serves Postgres: a postgres image with an endpoint and its own entrypoint. The
    /// same image also runs clients (psql, pg_dump) with another entrypoint, which must not get the check.
    /// </summary>
    public static bool IsPostgresServer(ManifestResource resource) =>
        ResourceTypes.IsContainer(resource.Type)
        && resource.Image?.Contains("postgres", StringComparison.OrdinalIgnoreCase) == true
        && resource.Bindings is { Count: > 0 }
        && resource.Entrypoint is null;

    /// <summary>
    /// <c>pg_isready</c> over TCP to 127.0.0.1: during initdb the image's entrypoint runs a temporary
    /// server that listens on the Unix socket only, so a socket check would pass before the real start.
    /// </summary>
    public static ComposeHealthcheck Postgres(int port, ResolvedValue? user)
    {
        var portText = port.ToString(CultureInfo.InvariantCulture);
        if (user is not null && !user.Secrets.IsEmpty)
        {
            // The user is a secret, so it must not be written here: the check reads it from the
            // container's own environment ('$$' keeps Compose from interpolating it).
            return Check(["CMD-SHELL", $"pg_isready -h 127.0.0.1 -p {portText} -U \"$${{POSTGRES_USER}}\""]);
        }

        var userName = ComposeText.Literal(user?.Text ?? "postgres");

        return Check(["CMD", "pg_isready", "-h", "127.0.0.1", "-p", portText, "-U", userName]);
    }

    /// <summary>The project's own health endpoint, checked by the configured command.</summary>
    public static ComposeHealthcheck Project(IReadOnlyList<string> template, string assembly, string url) =>
        Check([.. template.Select(part => ComposeText.Literal(part
            .Replace("{assembly}", assembly, StringComparison.Ordinal)
            .Replace("{url}", url, StringComparison.Ordinal)))]);

    private static ComposeHealthcheck Check(IReadOnlyList<string> test) =>
        new(test, Interval, Timeout, Retries, StartPeriod);
}
