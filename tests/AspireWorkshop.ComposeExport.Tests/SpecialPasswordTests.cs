using AspireWorkshop.ComposeExport.Tests.Infrastructure;
using Npgsql;

namespace AspireWorkshop.ComposeExport.Tests;

/// <summary>Case special-password: a password with <c>@ ; $ " %</c> and a space survives wherever it lands.</summary>
public sealed class SpecialPasswordTests : IDisposable
{
    private const string Case = "special-password";
    private const string Password = "p@ss;w0rd$\"x %41";

    private static readonly string[] PostgresImages = ["localhost/aspireworkshop/postgres:15-standin", "postgres:18.3"];

    private readonly TempDirectory temp = new();

    [Fact]
    public async Task The_env_file_holds_the_password_exactly_and_compose_yaml_only_refers_to_it()
    {
        var run = await Export.ConvertValidAsync(Export.CaseManifest(Case), temp.Combine("out"));

        Assert.Equal(Password, run.Env["PG_PASSWORD"]);
        Assert.Equal(Password, run.Delivered("pg", "POSTGRES_PASSWORD"));
        Assert.DoesNotContain("w0rd", run.ComposeText, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_env_file_is_readable_by_its_owner_only()
    {
        var run = await Export.ConvertValidAsync(Export.CaseManifest(Case), temp.Combine("out"));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(run.EnvPath));
    }

    [Fact]
    public async Task Npgsql_parses_the_exact_password_and_database_from_the_delivered_connection_string()
    {
        var run = await Export.ConvertValidAsync(Export.CaseManifest(Case), temp.Combine("out"));

        var builder = new NpgsqlConnectionStringBuilder(run.Delivered("probe", "ConnectionStrings__todos"));

        Assert.Equal(Password, builder.Password);
        Assert.Equal("todos", builder.Database);
        Assert.Equal("pg", builder.Host);
        Assert.Equal(5432, builder.Port);
        Assert.Equal("postgres", builder.Username);
    }

    [Fact]
    public async Task The_uri_form_is_percent_encoded_so_decoding_gives_back_the_exact_password()
    {
        var run = await Export.ConvertValidAsync(Export.CaseManifest(Case), temp.Combine("out"));

        var uri = new Uri(run.Delivered("probe", "PGURI"));

        Assert.Equal("postgresql://postgres:p%40ss%3Bw0rd%24%22x%20%2541@pg:5432/postgres", uri.OriginalString);
        Assert.Equal($"postgres:{Password}", Uri.UnescapeDataString(uri.UserInfo));
        Assert.Equal("pg", uri.Host);
    }

    [Fact]
    public async Task Docker_compose_config_delivers_the_exact_password_everywhere()
    {
        Assert.SkipUnless(DockerCompose.IsInstalled, DockerCompose.SkipReason);
        await Export.ConvertValidAsync(Export.CaseManifest(Case), temp.Combine("out"));

        var config = await DockerCompose.ConfigAsync(temp.Combine("out"), TestContext.Current.CancellationToken);

        string Value(string service, string name) =>
            config["services"]![service]!["environment"]![name].Text().Replace("$$", "$", StringComparison.Ordinal);
        Assert.Equal(Password, Value("pg", "POSTGRES_PASSWORD"));
        Assert.Equal(Password, new NpgsqlConnectionStringBuilder(Value("probe", "ConnectionStrings__todos")).Password);
        Assert.Equal($"postgres:{Password}", Uri.UnescapeDataString(new Uri(Value("probe", "PGURI")).UserInfo));
    }

    [Theory]
    [InlineData("it's")]
    [InlineData("semi;colon")]
    [InlineData("quote\"and'apostrophe")]
    [InlineData(" leading and trailing ")]
    [InlineData("back\\slash")]
    public async Task Any_password_the_env_file_can_carry_round_trips_through_the_connection_string(string password)
    {
        var run = await Export.ConvertValidAsync(
            Export.CaseManifest(Case), temp.Combine("out"), ["--parameter", $"pg-password={password}"]);

        var connectionString = run.Delivered("probe", "ConnectionStrings__todos");
        Assert.Equal(password, new NpgsqlConnectionStringBuilder(connectionString).Password);
        Assert.Equal(password, run.Delivered("pg", "POSTGRES_PASSWORD"));
    }

    [Fact]
    public async Task Postgres_accepts_the_password_through_the_delivered_uri()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var project = await ComposeProject.StartCaseAsync(
            Case, "docker.io/library/postgres:18.3", PostgresImages, temp.Path, cancellationToken);
        var environment = await project.EnvironmentAsync("probe", cancellationToken);
        var query = await project.ExecAsync(
            "probe", ["sh", "-c", "psql \"$PGURI\" -tAc 'select current_user'"], cancellationToken);

        Assert.Equal(Password, new NpgsqlConnectionStringBuilder(environment["ConnectionStrings__todos"]).Password);
        Assert.True(query.ExitCode == 0, $"psql could not log in with the delivered URI:\n{query.Error}");
        Assert.Equal("postgres", query.Output.Trim());
    }

    public void Dispose() => temp.Dispose();
}
