using AspireWorkshop.ComposeExport.Tests.Infrastructure;

namespace AspireWorkshop.ComposeExport.Tests;

/// <summary>
/// --no-build runs the images eng/share.sh pushed; --dashboard adds the Aspire dashboard, which the
/// projects send their telemetry to over the Compose network.
/// </summary>
public sealed class DeploymentExtrasTests : IDisposable
{
    private const string Manifest = """
        {
          "resources": {
            "cache": { "type": "container.v0", "image": "redis:7", "bindings": { "tcp": { "scheme": "tcp", "protocol": "tcp", "transport": "tcp", "targetPort": 6379 } } },
            "api": {
              "type": "project.v1",
              "path": "../Api/Demo.Api.csproj",
              "env": { "HTTP_PORTS": "{api.bindings.http.targetPort}" },
              "bindings": { "http": { "scheme": "http", "protocol": "tcp", "transport": "http", "external": true } }
            }
          }
        }
        """;

    private readonly TempDirectory temp = new();

    public DeploymentExtrasTests()
    {
        File.WriteAllText(temp.Combine("Demo.sln"), "");
        Directory.CreateDirectory(temp.Combine("AppHost"));
        Directory.CreateDirectory(temp.Combine("Api"));
        File.WriteAllText(temp.Combine("Api", "Demo.Api.csproj"), "<Project />");
        File.WriteAllText(temp.Combine("Api", "Dockerfile"), "FROM scratch\n");
        File.WriteAllText(temp.Combine("AppHost", "aspire-manifest.json"), Manifest);
    }

    private string ManifestPath => temp.Combine("AppHost", "aspire-manifest.json");

    [Fact]
    public async Task No_build_keeps_only_the_pushed_image_name_so_compose_pulls_it()
    {
        var run = await Export.ConvertValidAsync(
            ManifestPath, temp.Combine("deploy"), ["--image-prefix", "127.0.0.1:5000/workshop/", "--tag", "1a2b3c4", "--no-build"]);

        Assert.Null(run.Service("api")["build"]);
        Assert.Equal("127.0.0.1:5000/workshop/api:1a2b3c4", run.Service("api")["image"].Text());
        Assert.Contains("api: 127.0.0.1:5000/workshop/api:1a2b3c4", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_runs_behind_a_browser_token_and_projects_send_it_telemetry_with_a_key()
    {
        var run = await Export.ConvertValidAsync(ManifestPath, temp.Combine("deploy"), ["--dashboard"]);

        var dashboard = run.Service("dashboard");
        Assert.Equal("${ASPIRE_DASHBOARD_IMAGE:-mcr.microsoft.com/dotnet/aspire-dashboard:13.6}", dashboard["image"].Text());
        Assert.Equal(["127.0.0.1:18888:18888"], dashboard["ports"]!.AsArray().Select(p => p.Text()));
        Assert.Equal("BrowserToken", run.Delivered("dashboard", "DASHBOARD__FRONTEND__AUTHMODE"));
        Assert.Equal("ApiKey", run.Delivered("dashboard", "DASHBOARD__OTLP__AUTHMODE"));

        var token = run.Delivered("dashboard", "DASHBOARD__FRONTEND__BROWSERTOKEN");
        Assert.Matches("^[0-9a-f]{32}$", token);
        Assert.Contains($"Dashboard: http://127.0.0.1:18888/login?t={token}", run.Output, StringComparison.Ordinal);

        Assert.Equal("http://dashboard:18889", run.Delivered("api", "OTEL_EXPORTER_OTLP_ENDPOINT"));
        Assert.Equal("api", run.Delivered("api", "OTEL_SERVICE_NAME"));
        Assert.Equal(
            $"x-otlp-api-key={run.Delivered("dashboard", "DASHBOARD__OTLP__PRIMARYAPIKEY")}",
            run.Delivered("api", "OTEL_EXPORTER_OTLP_HEADERS"));
        Assert.Null(run.Service("cache")["environment"]?["OTEL_EXPORTER_OTLP_ENDPOINT"]);
    }

    [Fact]
    public async Task Exporting_again_keeps_the_dashboard_login_token_and_keys()
    {
        var first = await Export.ConvertValidAsync(ManifestPath, temp.Combine("deploy"), ["--dashboard"]);
        var second = await Export.ConvertValidAsync(ManifestPath, temp.Combine("deploy"), ["--dashboard"]);

        foreach (var variable in new[] { "DASHBOARD_BROWSER_TOKEN", "DASHBOARD_OTLP_API_KEY", "DASHBOARD_API_KEY" })
        {
            Assert.Equal(first.Env[variable], second.Env[variable]);
        }
    }

    [Fact]
    public async Task An_unsecured_dashboard_needs_no_login_but_still_takes_telemetry_only_with_the_key()
    {
        var run = await Export.ConvertValidAsync(
            ManifestPath, temp.Combine("deploy"), ["--dashboard", "--dashboard-unsecured", "--dashboard-port", "28888"]);

        Assert.Equal("Unsecured", run.Delivered("dashboard", "DASHBOARD__FRONTEND__AUTHMODE"));
        Assert.Equal("ApiKey", run.Delivered("dashboard", "DASHBOARD__OTLP__AUTHMODE"));
        Assert.False(run.Env.ContainsKey("DASHBOARD_BROWSER_TOKEN"));
        Assert.Contains("Dashboard: http://127.0.0.1:28888 (no login", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--dashboard-unsecured")]
    [InlineData("--dashboard-port", "0")]
    public async Task Dashboard_options_without_the_dashboard_or_with_a_bad_port_are_refused(params string[] options)
    {
        string[] args = options.Length == 1 ? options : ["--dashboard", .. options];

        var run = await Export.ConvertAsync(ManifestPath, temp.Combine("deploy"), args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--dashboard", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => temp.Dispose();
}
