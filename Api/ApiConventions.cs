using Microsoft.AspNetCore.Http.Json;

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
        app.UseMiddleware<RequestCharsetMiddleware>();

        return app;
    }
}
