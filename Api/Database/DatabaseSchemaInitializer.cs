using Npgsql;

namespace AspireWorkshop.Api.Database;

/// <summary>
/// Creates the schema at start-up, retrying until PostgreSQL is reachable. The script is
/// idempotent and runs under an advisory lock, so several Api instances may start at once.
/// </summary>
public sealed partial class DatabaseSchemaInitializer(
    NpgsqlDataSource dataSource,
    DatabaseReadiness readiness,
    ILogger<DatabaseSchemaInitializer> logger) : BackgroundService
{
    // Any fixed number works; it only has to be the same for every instance of the Api.
    private const long SchemaLockKey = 0x746f646f73;

    private const string SchemaScript = """
        SELECT pg_advisory_xact_lock(@lock_key);

        CREATE TABLE IF NOT EXISTS todo_items (
            id uuid PRIMARY KEY,
            name varchar(255) NOT NULL CHECK (length(name) > 0),
            completed boolean NOT NULL DEFAULT false,
            position bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
            idempotency_key varchar(100) UNIQUE
        );

        -- Added after the first release: databases created before it gain the column here.
        ALTER TABLE todo_items ADD COLUMN IF NOT EXISTS idempotency_fingerprint bytea;
        """;

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = FirstRetryDelay;
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt += 1)
        {
            try
            {
                await CreateSchemaAsync(stoppingToken);
                readiness.MarkSchemaReady();
                LogSchemaReady(attempt);

                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                LogDatabaseUnreachable(exception, attempt, delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestRetryDelay.Ticks));
            }
        }
    }

    private async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(SchemaScript, connection, transaction);
        command.Parameters.AddWithValue("lock_key", SchemaLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is ready after {Attempt} attempt(s)")]
    private partial void LogSchemaReady(int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database not reachable on attempt {Attempt}; retrying in {RetryDelay}")]
    private partial void LogDatabaseUnreachable(Exception exception, int attempt, TimeSpan retryDelay);
}
