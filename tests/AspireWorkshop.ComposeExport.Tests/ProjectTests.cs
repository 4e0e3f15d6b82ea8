using AspireWorkshop.ComposeExport.Tests.Infrastructure;

namespace AspireWorkshop.ComposeExport.Tests;

/// <summary>Projects become built services that listen on 8080 over HTTP and check their own health.</summary>
public sealed class ProjectTests : IDisposable
{
    private const string Manifest = """
        {
          "resources": {
            "api": {
              "type": "project.v1",
              "path": "../Api/Demo.Api.csproj",
              "env": {
                "HTTP_PORTS": "{api.bindings.http.targetPort}",
                "HTTPS_PORTS": "{api.bindings.https.targetPort}",
                "PUBLIC_URL": "{api.bindings.https.url}"
              },
              "bindings": {
                "http": { "scheme": "http", "protocol": "tcp", "transport": "http" },
                "https": { "scheme": "https", "protocol": "tcp", "transport": "http" }
              }
            },
            "web": {
              "type": "project.v1",
              "path": "../Web/Demo.Web.csproj",
              "env": {
                "HTTP_PORTS": "{web.bindings.http.targetPort}",
                "services__api__http__0": "{api.bindings.http.url}",
                "services__api__https__0": "{api.bindings.https.url}"
              },
              "bindings": {
                "http": { "scheme": "http", "protocol": "tcp", "transport": "http", "external": true },
                "https": { "scheme": "https", "protocol": "tcp", "transport": "http", "external": true }
              }
            }
          }
        }
        """;

    private readonly TempDirectory temp = new();

    public ProjectTests()
    {
        File.WriteAllText(temp.Combine("Demo.sln"), "");
        Directory.CreateDirectory(temp.Combine("AppHost"));
        foreach (var project in new[] { "Api", "Web" })
        {
            Directory.CreateDirectory(temp.Combine(project));
            File.WriteAllText(temp.Combine(project, $"Demo.{project}.csproj"), "<Project />");
            File.WriteAllText(temp.Combine(project, "Dockerfile"), "FROM scratch\n");
        }
    }

    private string ManifestPath(string json = Manifest)
    {
        var path = temp.Combine("AppHost", "aspire-manifest.json");
        File.WriteAllText(path, json);

        return path;
    }

    [Fact]
    public async Task A_project_is_built_from_the_solution_folder_with_overridable_base_images()
    {
        var run = await Export.ConvertValidAsync(ManifestPath(), temp.Combine("deploy"));

        var build = run.Service("api")["build"]!;
        Assert.Equal("..", build["context"].Text());
        Assert.Equal("Api/Dockerfile", build["dockerfile"].Text());
        Assert.Equal(
            "${DOTNET_SDK_IMAGE:-mcr.microsoft.com/dotnet/sdk:10.0}", build["args"]!["DOTNET_SDK_IMAGE"].Text());
        Assert.Equal("${ASPNET_IMAGE:-mcr.microsoft.com/dotnet/aspnet:10.0}", build["args"]!["ASPNET_IMAGE"].Text());
        Assert.Equal("aspireworkshop-api:latest", run.Service("api")["image"].Text());
    }

    [Fact]
    public async Task The_image_name_follows_the_prefix_and_tag_options()
    {
        var run = await Export.ConvertValidAsync(
            ManifestPath(), temp.Combine("deploy"), ["--image-prefix", "registry.example/workshop-", "--tag", "1.2.3"]);

        Assert.Equal("registry.example/workshop-web:1.2.3", run.Service("web")["image"].Text());
    }

    [Fact]
    public async Task A_project_listens_on_8080_and_every_url_to_it_says_so()
    {
        var run = await Export.ConvertValidAsync(ManifestPath(), temp.Combine("deploy"));

        Assert.Equal("8080", run.Delivered("api", "HTTP_PORTS"));
        Assert.Equal("http://api:8080", run.Delivered("web", "services__api__http__0"));
        Assert.Equal(["8080"], run.Service("api")["expose"]!.AsArray().Select(p => p.Text()));
        Assert.Matches(@"^127\.0\.0\.1:\d+:8080$", run.Service("web")["ports"]![0].Text());
        Assert.Single(run.Service("web")["ports"]!.AsArray());
    }

    [Fact]
    public async Task Https_is_dropped_and_references_to_it_fall_back_to_http_and_the_summary_says_so()
    {
        var run = await Export.ConvertValidAsync(ManifestPath(), temp.Combine("deploy"));

        Assert.Null(run.Service("api")["environment"]!["HTTPS_PORTS"]);
        Assert.Null(run.Service("web")["environment"]!["services__api__https__0"]);
        Assert.Equal("http://api:8080", run.Delivered("api", "PUBLIC_URL"));
        Assert.Contains(
            "api: endpoint 'https' (there is no development certificate", run.Output, StringComparison.Ordinal);
        Assert.Contains("web: services__api__https__0", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_checks_its_own_health_endpoint_and_dependents_wait_for_it()
    {
        var run = await Export.ConvertValidAsync(ManifestPath(), temp.Combine("deploy"));

        var test = run.Service("api")["healthcheck"]!["test"]!.AsArray().Select(t => t.Text());
        Assert.Equal(["CMD", "dotnet", "Demo.Api.dll", "--healthcheck", "http://127.0.0.1:8080/health"], test);
        Assert.Equal("service_healthy", run.Service("web")["depends_on"]!["api"]!["condition"].Text());
    }

    [Fact]
    public async Task The_project_health_check_can_be_turned_off()
    {
        var run = await Export.ConvertValidAsync(
            ManifestPath(), temp.Combine("deploy"), ["--project-healthcheck", "none"]);

        Assert.Null(run.Service("api")["healthcheck"]);
        Assert.Equal("service_started", run.Service("web")["depends_on"]!["api"]!["condition"].Text());
    }

    [Fact]
    public async Task Services_that_reference_each_other_get_a_start_order_without_a_cycle()
    {
        var manifest = Manifest.Replace(
            "\"PUBLIC_URL\": \"{api.bindings.https.url}\"",
            "\"WEB_URL\": \"{web.bindings.http.url}\"",
            StringComparison.Ordinal);

        var run = await Export.ConvertValidAsync(ManifestPath(manifest), temp.Combine("deploy"));

        Assert.Equal("http://web:8080", run.Delivered("api", "WEB_URL"));
        Assert.True(run.Service("api")["depends_on"] is null ^ run.Service("web")["depends_on"] is null);
        Assert.Contains("does not wait for", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_without_a_Dockerfile_is_an_error_that_says_one_is_needed()
    {
        File.Delete(temp.Combine("Web", "Dockerfile"));

        var run = await Export.ConvertAsync(ManifestPath(), temp.Combine("deploy"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Project 'web' needs a Dockerfile next to", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => temp.Dispose();
}
