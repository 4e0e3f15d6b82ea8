using System.Text.Json.Nodes;
using AspireWorkshop.ComposeExport.Tests.Infrastructure;

namespace AspireWorkshop.ComposeExport.Tests;

/// <summary>A manifest of 1,000 resources converts correctly; bench/export-bench.sh reports how fast.</summary>
public sealed class LargeManifestTests : IDisposable
{
    private readonly TempDirectory temp = new();

    /// <summary>
    /// 250 groups of four: a Postgres container, its password, a database and an app referencing it,
    /// each app also referencing the previous group's app so references run across the whole file.
    /// </summary>
    public static string Generate(int groups)
    {
        var resources = new JsonObject();
        for (var i = 0; i < groups; i++)
        {
            resources[$"pg{i}"] = new JsonObject
            {
                ["type"] = "container.v0",
                ["image"] = "docker.io/library/postgres:18.3",
                ["connectionString"] = $"Host={{pg{i}.bindings.tcp.host}};Port={{pg{i}.bindings.tcp.port}};"
                    + $"Username=postgres;Password={{pg{i}-password.value}}",
                ["env"] = new JsonObject { ["POSTGRES_PASSWORD"] = $"{{pg{i}-password.value}}" },
                ["bindings"] = new JsonObject
                {
                    ["tcp"] = new JsonObject
                    {
                        ["scheme"] = "tcp", ["protocol"] = "tcp", ["transport"] = "tcp", ["targetPort"] = 5432,
                    },
                },
            };
            resources[$"pg{i}-password"] = JsonNode.Parse($$"""
                { "type": "parameter.v0", "value": "{pg{{i}}-password.inputs.value}",
                  "inputs": { "value": {
                    "type": "string", "secret": true, "default": { "generate": { "minLength": 22 } } } } }
                """);
            resources[$"db{i}"] = new JsonObject
            {
                ["type"] = "value.v0",
                ["connectionString"] = $"{{pg{i}.connectionString}};Database=db{i}",
            };
            var env = new JsonObject { ["ConnectionStrings__db"] = $"{{db{i}.connectionString}}" };
            if (i > 0)
            {
                env["PREVIOUS"] = $"{{app{i - 1}.bindings.http.url}}";
            }

            resources[$"app{i}"] = new JsonObject
            {
                ["type"] = "container.v0",
                ["image"] = "localhost/app:1",
                ["env"] = env,
                ["bindings"] = new JsonObject
                {
                    ["http"] = new JsonObject
                    {
                        ["scheme"] = "http", ["protocol"] = "tcp", ["transport"] = "http",
                        ["targetPort"] = 8080, ["external"] = true,
                    },
                },
            };
        }

        return new JsonObject { ["resources"] = resources }.ToJsonString();
    }

    [Fact]
    public async Task A_manifest_of_a_thousand_resources_converts_with_every_reference_resolved()
    {
        var run = await Export.ConvertValidAsync(Export.WriteManifest(temp.Path, Generate(250)), temp.Combine("out"));

        var services = run.Compose["services"]!.AsObject();
        Assert.Equal(500, services.Count);
        Assert.Equal("http://app248:8080", run.Delivered("app249", "PREVIOUS"));
        Assert.EndsWith(";Database=db249", run.Delivered("app249", "ConnectionStrings__db"), StringComparison.Ordinal);
        Assert.Equal("db17", run.Delivered("pg17", "POSTGRES_DB"));
        var hostPorts = services
            .Where(s => s.Value!["ports"] is not null)
            .Select(s => s.Value!["ports"]![0].Text())
            .ToList();
        Assert.Equal(250, hostPorts.Distinct().Count());
        Assert.DoesNotMatch(@"\{[A-Za-z0-9_-]+\.[A-Za-z0-9_.-]+\}", run.ComposeText);
    }

    public void Dispose() => temp.Dispose();
}
