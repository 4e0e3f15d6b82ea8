namespace AspireWorkshop.AppHost;

/// <summary>
/// Resource names: they become host names in service discovery and Compose, connection string
/// names and the labels on the dashboard, so tests and the Compose export use these too.
/// </summary>
public static class WorkshopResources
{
    /// <summary>The PostgreSQL server container.</summary>
    public const string Postgres = "postgres";

    /// <summary>The database the Api keeps its items in.</summary>
    public const string TodosDatabase = "todos";

    /// <summary>The todo API.</summary>
    public const string Api = "api";

    /// <summary>The todo web page.</summary>
    public const string Web = "web";
}
