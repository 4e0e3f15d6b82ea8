namespace AspireWorkshop.Api.Database;

/// <summary>
/// Answers 503 with a problem body while the schema does not exist yet, rather than letting a
/// request fail on a missing table.
/// </summary>
public sealed class DatabaseReadyFilter(DatabaseReadiness readiness) : IEndpointFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        readiness.IsSchemaReady
            ? await next(context)
            : TypedResults.Problem(
                title: "The database is not ready yet.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
}
