using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AspireWorkshop.Api.Database;

/// <summary>Reports unhealthy until the schema exists, so nothing waits on an Api that cannot serve yet.</summary>
public sealed class DatabaseReadinessHealthCheck(DatabaseReadiness readiness) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.IsSchemaReady
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database schema has not been created yet."));
}
