using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace AspireWorkshop.Api;

/// <summary>
/// Answers 503 with a problem body when PostgreSQL cannot be reached, so a client can tell an
/// outage (retry later) from a bug (500).
/// </summary>
public sealed partial class DatabaseUnavailableExceptionHandler(
    IProblemDetailsService problemDetails,
    ILogger<DatabaseUnavailableExceptionHandler> logger) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsDatabaseUnavailable(exception))
        {
            return false;
        }

        LogDatabaseUnavailable(exception, httpContext.Request.Method, httpContext.Request.Path);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The database is unavailable. Try again shortly.",
            },
        });
    }

    private static bool IsDatabaseUnavailable(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.IsTransient || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal),
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or TimeoutException,
        TimeoutException => true,
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable while serving {Method} {Path}")]
    private partial void LogDatabaseUnavailable(Exception exception, string method, string path);
}
