using System.Globalization;
using System.Security.Cryptography;
using AspireWorkshop.ComposeExport.Compose;

namespace AspireWorkshop.ComposeExport.Extras;

/// <summary>
/// The standalone Aspire dashboard as a Compose service, and the settings that make the projects send it
/// their logs, traces and metrics over the Compose network.
/// </summary>
internal static class DashboardService
{
    /// <summary>The service name, which is also the host name the projects send telemetry to.</summary>
    public const string Name = "dashboard";

    /// <summary>The UI and the telemetry API inside the container (the image's default).</summary>
    public const int UiPort = 18888;

    /// <summary>OTLP over gRPC inside the container (the image's default), which the .NET exporter uses.</summary>
    public const int OtlpGrpcPort = 18889;

    /// <summary>OTLP over HTTP inside the container (the image's default), for clients without gRPC.</summary>
    public const int OtlpHttpPort = 18890;

    /// <summary>The token that logs a browser in; printed by the export as part of the login URL.</summary>
    public const string BrowserTokenVariable = "DASHBOARD_BROWSER_TOKEN";

    /// <summary>The key the projects present with their telemetry.</summary>
    public const string OtlpApiKeyVariable = "DASHBOARD_OTLP_API_KEY";

    /// <summary>The OTLP headers value carrying that key, kept whole in .env like every value holding a secret.</summary>
    public const string OtlpHeadersVariable = "DASHBOARD_OTLP_HEADERS";

    /// <summary>The key for the dashboard's HTTP telemetry API (<c>/api/telemetry/...</c>, header <c>x-api-key</c>).</summary>
    public const string TelemetryApiKeyVariable = "DASHBOARD_API_KEY";

    /// <summary>The variable that picks the image when Compose runs; eng/setup.sh writes it for its stand-in.</summary>
    public const string ImageVariable = "ASPIRE_DASHBOARD_IMAGE";

    /// <summary>
    /// The secrets the dashboard needs, kept from an earlier export so a bookmarked login URL and the
    /// running containers' keys stay valid, otherwise generated.
    /// </summary>
    public static IReadOnlyList<(string Variable, string Value, bool Kept)> Secrets(
        DashboardOptions options, IReadOnlyDictionary<string, string> existingEnv)
    {
        var variables = options.Unsecured
            ? new[] { OtlpApiKeyVariable }
            : [BrowserTokenVariable, OtlpApiKeyVariable, TelemetryApiKeyVariable];
        var secrets = variables
            .Select(variable => existingEnv.TryGetValue(variable, out var kept) && kept.Length > 0
                ? (variable, kept, true)
                : (variable, RandomNumberGenerator.GetHexString(32, lowercase: true), false))
            .ToList();
        var otlpKey = secrets.Single(s => s.variable == OtlpApiKeyVariable).Item2;
        secrets.Add((OtlpHeadersVariable, $"x-otlp-api-key={otlpKey}", false));

        return secrets;
    }

    public static ComposeService Service(DashboardOptions options)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // Telemetry intake always takes a key: any container that joins the Compose network could
            // otherwise write made-up logs and traces into what people read to diagnose the app.
            ["DASHBOARD__OTLP__AUTHMODE"] = "ApiKey",
            ["DASHBOARD__OTLP__PRIMARYAPIKEY"] = ComposeText.Variable(OtlpApiKeyVariable),
        };
        if (options.Unsecured)
        {
            environment["DASHBOARD__FRONTEND__AUTHMODE"] = "Unsecured";
            environment["DASHBOARD__API__AUTHMODE"] = "Unsecured";
        }
        else
        {
            environment["DASHBOARD__FRONTEND__AUTHMODE"] = "BrowserToken";
            environment["DASHBOARD__FRONTEND__BROWSERTOKEN"] = ComposeText.Variable(BrowserTokenVariable);
            environment["DASHBOARD__API__AUTHMODE"] = "ApiKey";
            environment["DASHBOARD__API__PRIMARYAPIKEY"] = ComposeText.Variable(TelemetryApiKeyVariable);
        }

        return new ComposeService
        {
            Image = ComposeText.Variable(ImageVariable, options.Image),
            Environment = environment,

            // The UI on loopback only: it shows every request, log line and connection string the apps record.
            Ports = [$"127.0.0.1:{Text(options.HostPort)}:{Text(UiPort)}"],
            Expose = [Text(OtlpGrpcPort), Text(OtlpHttpPort)],
        };
    }

    /// <summary>What a project service gets so that its OpenTelemetry exporter reaches the dashboard.</summary>
    public static IReadOnlyDictionary<string, string> ProjectEnvironment(string service) =>
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://{Name}:{Text(OtlpGrpcPort)}",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc",
            ["OTEL_EXPORTER_OTLP_HEADERS"] = ComposeText.Variable(OtlpHeadersVariable),
            ["OTEL_SERVICE_NAME"] = service,

            // Batches leave every second instead of every five, as under the AppHost: the dashboard is
            // for watching requests as they happen.
            ["OTEL_BSP_SCHEDULE_DELAY"] = "1000",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "1000",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
        };

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}
