using System.Text.RegularExpressions;
using AspireWorkshop.ComposeExport.Tests.Infrastructure;

namespace AspireWorkshop.ComposeExport.Tests;

/// <summary>Case nested-references: expressions resolve through any depth, and a bad reference is named.</summary>
public sealed partial class NestedReferencesTests : IDisposable
{
    private readonly TempDirectory temp = new();

    [Fact]
    public async Task A_connection_string_three_value_resources_deep_resolves_to_what_the_worker_can_reach()
    {
        var run = await Export.ConvertValidAsync(Export.CaseManifest("nested-references"), temp.Combine("out"));

        var password = run.Env["PG_PASSWORD"];
        Assert.Equal(
            $"Host=pg;Port=5432;Username=postgres;Password={password};Database=todos;Command Timeout=30",
            run.Delivered("worker", "ConnectionStrings__reporting"));
        Assert.Equal($"postgresql://postgres:{password}@pg:5432/todos", run.Delivered("worker", "TODOS_URI"));
        Assert.Equal(password, run.Delivered("pg", "POSTGRES_PASSWORD"));
    }

    [Fact]
    public async Task No_expression_survives_in_compose_yaml_or_env()
    {
        var run = await Export.ConvertValidAsync(Export.CaseManifest("nested-references"), temp.Combine("out"));

        Assert.DoesNotMatch(Expression(), run.ComposeText);
        Assert.DoesNotMatch(Expression(), File.ReadAllText(run.EnvPath));
    }

    [Fact]
    public async Task The_generated_password_follows_the_rules_and_stays_out_of_compose_yaml()
    {
        var run = await Export.ConvertValidAsync(Export.CaseManifest("nested-references"), temp.Combine("out"));

        var password = run.Env["PG_PASSWORD"];
        Assert.True(password.Length >= 22, $"'{password}' is shorter than minLength 22.");
        Assert.Matches("^[A-Za-z0-9_-]+$", password);
        Assert.DoesNotContain(password, run.ComposeText, StringComparison.Ordinal);
        Assert.Equal("${PG_PASSWORD}", run.Service("pg")["environment"]!["POSTGRES_PASSWORD"].Text());
    }

    [Fact]
    public async Task The_database_the_AppHost_would_create_exists_in_compose()
    {
        var run = await Export.ConvertValidAsync(Export.CaseManifest("nested-references"), temp.Combine("out"));

        Assert.Equal("todos", run.Delivered("pg", "POSTGRES_DB"));
    }

    [Fact]
    public async Task The_worker_waits_for_a_healthy_postgres_checked_over_tcp()
    {
        var run = await Export.ConvertValidAsync(Export.CaseManifest("nested-references"), temp.Combine("out"));

        Assert.Equal("service_healthy", run.Service("worker")["depends_on"]!["pg"]!["condition"].Text());
        var test = run.Service("pg")["healthcheck"]!["test"]!.AsArray().Select(t => t.Text());
        Assert.Equal(["CMD", "pg_isready", "-h", "127.0.0.1", "-p", "5432", "-U", "postgres"], test);
    }

    [Theory]
    [InlineData("{nosuch.connectionString}", "no resource 'nosuch'")]
    [InlineData("{pg.nosuch}", "has no property 'nosuch'")]
    [InlineData("{pg.bindings.udp.port}", "has no binding 'udp'")]
    public async Task A_reference_to_something_missing_is_an_error_that_names_it(string reference, string expected)
    {
        var manifest = File.ReadAllText(Export.CaseManifest("nested-references"))
            .Replace("{todos.connectionString};Command Timeout=30", reference, StringComparison.Ordinal);

        var run = await Export.ConvertAsync(Export.WriteManifest(temp.Path, manifest), temp.Combine("out"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(run.Directory));
    }

    [GeneratedRegex(@"\{[A-Za-z0-9_-]+\.[A-Za-z0-9_.-]+\}")]
    private static partial Regex Expression();

    public void Dispose() => temp.Dispose();
}
