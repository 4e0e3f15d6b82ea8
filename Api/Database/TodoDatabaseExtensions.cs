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
        });

        builder.Services.AddSingleton<DatabaseReadiness>();
        builder.Services.AddHostedService<DatabaseSchemaInitializer>();
        builder.Services.AddSingleton<TodoItemRepository>();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseReadinessHealthCheck>("todos-schema");

        return builder;
    }
}
