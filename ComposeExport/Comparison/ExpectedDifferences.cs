using System.Text.RegularExpressions;

namespace AspireWorkshop.ComposeExport.Comparison;

/// <summary>
/// The differences that follow from running the same app under an AppHost, as the export writes it and as
/// a person writes it for Compose. Each rule names exactly the sides it expects to have the item, so the
/// same item on an unexpected side is reported as unexplained.
/// </summary>
internal static partial class ExpectedDifferences
{
    private const TopologySide AppHost = TopologySide.AppHost;
    private const TopologySide Export = TopologySide.Export;

    private const string HttpsDropped =
        "HTTPS needs a development certificate, which Compose containers do not have: the export drops HTTPS "
        + "endpoints and whatever points at them, and the hand-written file serves HTTP only.";

    public static string? Explain(TopologyDifference difference)
    {
        var holders = difference.Holders.ToHashSet();
        var appHostAndExport = holders.SetEquals([AppHost, Export]);
        var appHostOnly = holders.SetEquals([AppHost]);
        var composeOnly = holders.SetEquals([Export, TopologySide.HandWritten]);

        return (difference.Aspect, difference.Item) switch
        {
            (TopologyAspect.Source, _) when ProjectBuiltFromItsDockerfile(difference) =>
                "The AppHost runs the project from source; in Compose it runs as an image built from the Dockerfile "
                + "next to the project.",
            (TopologyAspect.Port, "https") when appHostOnly => HttpsDropped,
            (TopologyAspect.Environment, var key) when appHostOnly && HttpsEndpoint().IsMatch(key) => HttpsDropped,
            (TopologyAspect.Environment, var key)
                when appHostAndExport && key.StartsWith("OTEL_", StringComparison.Ordinal) =>
                "Aspire sets OpenTelemetry options for its dashboard; the hand-written file runs no telemetry "
                + "collector, so it sets none and the apps export nothing.",
            (TopologyAspect.Environment, "ASPNETCORE_FORWARDEDHEADERS_ENABLED") when appHostAndExport =>
                "Aspire turns on forwarded headers in case a proxy fronts the project; nothing fronts these "
                + "containers.",
            (TopologyAspect.Environment, "HTTP_PORTS") when appHostAndExport =>
                "The ASP.NET images listen on 8080 already; the hand-written file relies on that default.",
            (TopologyAspect.Environment, var key) when appHostAndExport && ReferencePart().IsMatch(key) =>
                "Aspire 13 also hands out every part of a reference (host, port, user, password, URI, JDBC, "
                + "database, endpoint URL) as its own variable; the apps read only the connection string or "
                + "the services__ entry, so the hand-written file gives only those.",
            (TopologyAspect.Environment, "POSTGRES_HOST_AUTH_METHOD" or "POSTGRES_INITDB_ARGS") when appHostAndExport =>
                "Aspire spells out SCRAM authentication; the image already uses scram-sha-256 for connections "
                + "from other containers.",
            (TopologyAspect.Environment, "POSTGRES_DB") when composeOnly =>
                "The AppHost creates the database itself once Postgres runs; in Compose nothing does that, so the "
                + "image creates it from POSTGRES_DB when it initialises an empty volume.",
            _ => null,
        };
    }

    /// <summary>
    /// The AppHost has <c>project DIR/NAME.csproj</c> and every Compose side <c>build DIR/Dockerfile</c>.
    /// </summary>
    private static bool ProjectBuiltFromItsDockerfile(TopologyDifference difference)
    {
        if (difference.Values.GetValueOrDefault(AppHost) is not { } project
            || !project.StartsWith("project ", StringComparison.Ordinal))
        {
            return false;
        }

        var expected = $"build {project["project ".Length..].Split('/')[0]}/Dockerfile";

        return difference.Values.Where(v => v.Key != AppHost).All(v => v.Value == expected);
    }

    [GeneratedRegex(@"^(?:HTTPS_PORTS|[A-Z0-9_]+_HTTPS|services__.+__https__\d+)$")]
    private static partial Regex HttpsEndpoint();

    [GeneratedRegex("^[A-Z0-9_]+_(?:HOST|PORT|USERNAME|PASSWORD|URI|JDBCCONNECTIONSTRING|DATABASENAME|HTTP)$")]
    private static partial Regex ReferencePart();
}
