using AspireWorkshop.ComposeExport.Tests.Infrastructure;
using Npgsql;

namespace AspireWorkshop.ComposeExport.Tests;

/// <summary>
/// A parameter written straight into a <c>key=value;…</c> environment value, not through a resource's
/// connection string, is placed by the same rules: quoted when it fills a pair, refused when it cannot be.
/// </summary>
public sealed class SplicedSecretTests : IDisposable
{
    private readonly TempDirectory temp = new();

    private static string Manifest(string connectionString) => $$"""
        { "resources": {
            "pw": { "type": "parameter.v0", "value": "{pw.inputs.value}",
                    "inputs": { "value": { "type": "string", "secret": true } } },
            "app": { "type": "container.v0", "image": "x",
                     "env": { "CS": "{{connectionString}}", "ECHO": "say {pw.value}" } } } }
        """;

    [Theory]
    [InlineData("a;b")]
    [InlineData("it's \"quoted\"")]
    [InlineData(" padded ")]
    public async Task A_password_filling_a_pair_is_quoted_so_Npgsql_reads_it_exactly(string password)
    {
        var path = Export.WriteManifest(temp.Path, Manifest("Host=pg;Password={pw.value};Database=d"));

        var run = await Export.ConvertValidAsync(path, temp.Combine("out"), ["--parameter", $"pw={password}"]);

        var builder = new NpgsqlConnectionStringBuilder(run.Delivered("app", "CS"));
        Assert.Equal(password, builder.Password);
        Assert.Equal("d", builder.Database);
        Assert.Equal("pg", builder.Host);
    }

    [Fact]
    public async Task A_value_that_is_no_connection_string_is_left_as_written()
    {
        var path = Export.WriteManifest(temp.Path, Manifest("Host=pg;Password={pw.value};Database=d"));

        var run = await Export.ConvertValidAsync(path, temp.Combine("out"), ["--parameter", "pw=a;b"]);

        Assert.Equal("say a;b", run.Delivered("app", "ECHO"));
    }

    [Fact]
    public async Task A_password_inside_part_of_a_pair_that_could_end_it_is_refused_naming_the_parameter()
    {
        var path = Export.WriteManifest(temp.Path, Manifest("Host=pg;Password=x{pw.value};Database=d"));

        var run = await Export.ConvertAsync(path, temp.Combine("out"), ["--parameter", "pw=a;b"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("parameter 'pw' cannot be placed inside the connection string of 'app.env.CS'",
            run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(run.Directory));
    }

    public void Dispose() => temp.Dispose();
}
