using AspireWorkshop.Api.Todos;

namespace AspireWorkshop.Api.Database;

/// <summary>Wires the Api to the <c>todos</c> PostgreSQL database.</summary>
public static class TodoDatabaseExtensions
{
    /// <summary>The connection string name the AppHost gives the database (<c>ConnectionStrings__todos</c>).</summary>
    public const string ConnectionName = "todos";

    /// <summary>
    /// Registers the pooled Npgsql data source (with Aspire's health check, metrics and traces),
    /// the schema initializer and the repository.
    /// </summary>
    public static WebApplicationBuilder AddTodoDatabase(this WebApplicationBuilder builder)
    {
        builder.AddNpgsqlDataSource(ConnectionName, configureDataSourceBuilder: dataSource =>
        {
            // Every statement the Api sends is one of a handful, so preparing them once per
            // physical connection saves the parse and plan on every request.
            dataSource.ConnectionStringBuilder.MaxAutoPrepare = 16;
            dataSource.ConnectionStringBuilder.AutoPrepareMinUsages = 2;

            // Postgres refuses clients past max_connections (100 by default) with an error, while a
            // pool at its limit queues the request: stay well below it, with room for a second Api
            // instance and an operator's psql (200 concurrent creates otherwise got a 503).
            dataSource.ConnectionStringBuilder.MaxPoolSize = 40;

            // An unreachable database should cost a request (and /health) a quick 503, not
            // Npgsql's default 15 s, which outlasts most clients' own timeouts.
            dataSource.ConnectionStringBuilder.Timeout = 5;
        });

        builder.Services.AddSingleton<DatabaseReadiness>();
        builder.Services.AddHostedService<DatabaseSchemaInitializer>();
        builder.Services.AddSingleton<TodoItemRepository>();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseReadinessHealthCheck>("todos-schema");

        return builder;
    }
}
