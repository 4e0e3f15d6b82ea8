using System.Text;
using System.Text.RegularExpressions;
using AspireWorkshop.ComposeExport.Manifest;

namespace AspireWorkshop.ComposeExport.Conversion;

/// <summary>
/// Finds the databases an AppHost adds with <c>AddDatabase</c>. Aspire creates them only while the
/// AppHost runs, so in Compose the Postgres container must create them itself.
/// </summary>
internal static partial class PostgresDatabases
{
    /// <summary>The databases wanted on each Postgres resource, in manifest order.</summary>
    public static Dictionary<string, List<string>> Find(AspireManifest manifest)
    {
        var databases = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (_, resource) in manifest.Resources.Where(r => r.Value.Type == "value.v0"))
        {
            var template = resource.ConnectionString ?? "";
            if (DatabaseKey().Match(template) is not { Success: true } database
                || ConnectionStringReference().Match(template) is not { Success: true } reference
                || PostgresRoot(manifest, reference.Groups["resource"].Value, []) is not { } server)
            {
                continue;
            }

            var list = databases.TryGetValue(server, out var known) ? known : databases[server] = [];
            if (!list.Contains(database.Groups["name"].Value))
            {
                list.Add(database.Groups["name"].Value);
            }
        }

        return databases;
    }

    /// <summary>A psql script creating each database, with identifiers quoted so any name is taken literally.</summary>
    /// <summary>The end of an init script's file name, after the Postgres service's.</summary>
    public const string InitScriptSuffix = "-initdb.sql";

    /// <summary>How an init script starts, so a later export knows the file as its own.</summary>
    public const string InitScriptHeader = "-- Written by the Compose exporter:";

    public static string InitScript(IEnumerable<string> databases)
    {
        var script = new StringBuilder();
        script.Append(InitScriptHeader).Append(" Aspire creates these databases only while\n");
        script.Append("-- the AppHost runs.\n");
        script.Append("-- The postgres image runs this once, when it initialises an empty data volume.\n");
        foreach (var database in databases)
        {
            var identifier = database.Replace("\"", "\"\"", StringComparison.Ordinal);
            script.Append("CREATE DATABASE \"").Append(identifier).Append("\";\n");
        }

        return script.ToString();
    }

    /// <summary>The Postgres container a chain of connection strings starts from, if any.</summary>
    private static string? PostgresRoot(AspireManifest manifest, string name, HashSet<string> seen)
    {
        if (!seen.Add(name) || !manifest.Resources.TryGetValue(name, out var resource))
        {
            return null;
        }

        if (HealthChecks.IsPostgresServer(resource))
        {
            return name;
        }

        return resource.Type == "value.v0"
            && ConnectionStringReference().Match(resource.ConnectionString ?? "") is { Success: true } next
            ? PostgresRoot(manifest, next.Groups["resource"].Value, seen)
            : null;
    }

    [GeneratedRegex(@"\{(?<resource>[A-Za-z0-9][A-Za-z0-9_-]*)\.connectionString\}")]
    private static partial Regex ConnectionStringReference();

    [GeneratedRegex(@"(?:^|;)\s*Database\s*=\s*(?<name>[^;{}]+?)\s*(?=;|$)", RegexOptions.IgnoreCase)]
    private static partial Regex DatabaseKey();
}
