namespace AspireWorkshop.Api.Database;

/// <summary>Whether the schema exists yet; requests and the health check ask it before touching tables.</summary>
public sealed class DatabaseReadiness
{
    private volatile bool _schemaReady;

    /// <summary>True once the schema has been created or found.</summary>
    public bool IsSchemaReady => _schemaReady;

    /// <summary>Called once by the initializer when the schema is in place.</summary>
    public void MarkSchemaReady() => _schemaReady = true;
}
