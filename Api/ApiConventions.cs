using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Npgsql;

namespace AspireWorkshop.Api;

/// <summary>
/// How the Api answers clients: strict JSON, and a problem-details body for every error, the same
/// in Development and Production.
/// </summary>
public static class ApiConventions
{
    /// <summary>Registers problem details, strict JSON binding and the database-outage handler.</summary>
    public static WebApplicationBuilder AddApiConventions(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<DatabaseUnavailableExceptionHandler>();

        builder.Services.Configure<JsonOptions>(options =>
        {
            // "name": null and a PUT body without "completed" are client mistakes (400), not defaults.
            options.SerializerOptions.RespectNullableAnnotations = true;
            options.SerializerOptions.RespectRequiredConstructorParameters = true;
        });

        builder.Services.Configure<RouteHandlerOptions>(options =>
        {
            // Development would otherwise throw on a bad request body and answer with the
            // developer exception page instead of a 400 problem.
            options.ThrowOnBadRequest = false;
        });

        return builder;
    }

    /// <summary>Turns unhandled exceptions and body-less error statuses into problem details.</summary>
    public static WebApplication UseApiConventions(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        return app;
    }
}

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
