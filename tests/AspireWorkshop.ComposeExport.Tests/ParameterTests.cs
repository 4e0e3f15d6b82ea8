using AspireWorkshop.ComposeExport.Tests.Infrastructure;

namespace AspireWorkshop.ComposeExport.Tests;

/// <summary>Where parameter values come from, where they go, and which ones are refused.</summary>
public sealed class ParameterTests : IDisposable
{
    private readonly TempDirectory temp = new();

    private static string ManifestWith(string input) => $$"""
        {
          "resources": {
            "token": { "type": "parameter.v0", "value": "{token.inputs.value}", "inputs": { "value": {{input}} } },
            "app": {
              "type": "container.v0",
              "image": "x",
              "env": { "TOKEN": "{token.value}", "HEADER": "Bearer {token.value}" }
            }
          }
        }
        """;

    [Fact]
    public async Task Exporting_again_keeps_the_secrets_already_in_the_env_file()
    {
        var manifest = Export.CaseManifest("nested-references");
        var first = await Export.ConvertValidAsync(manifest, temp.Combine("out"));
        var password = first.Env["PG_PASSWORD"];

        var second = await Export.ConvertValidAsync(manifest, temp.Combine("out"));

        Assert.Equal(password, second.Env["PG_PASSWORD"]);
        var expected = "PG_PASSWORD (parameter 'pg-password'): kept from the existing .env";
        Assert.Contains(expected, second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_given_on_the_command_line_wins_over_the_environment_and_the_env_file()
    {
        var manifest = Export.CaseManifest("nested-references");
        await Export.ConvertValidAsync(manifest, temp.Combine("out"));

        var run = await Export.ConvertValidAsync(
            manifest,
            temp.Combine("out"),
            ["--parameter", "pg-password=from-the-command-line"],
            new Dictionary<string, string> { ["Parameters__pg-password"] = "from-the-environment" });

        Assert.Equal("from-the-command-line", run.Env["PG_PASSWORD"]);
    }

    [Fact]
    public async Task A_value_given_through_Parameters_variables_is_kept_exactly()
    {
        var run = await Export.ConvertValidAsync(
            Export.CaseManifest("nested-references"),
            temp.Combine("out"),
            environment: new Dictionary<string, string> { ["Parameters__pg-password"] = "$HOME # 100%" });

        Assert.Equal("$HOME # 100%", run.Env["PG_PASSWORD"]);
        Assert.Equal("$HOME # 100%", run.Delivered("pg", "POSTGRES_PASSWORD"));
    }

    [Theory]
    [InlineData("abc${HOME}")]
    [InlineData("two\nlines")]
    [InlineData("ends with a backslash\\")]
    [InlineData("double\\\\backslash")]
    [InlineData("it's $5")]
    public async Task A_value_the_env_file_cannot_carry_exactly_is_refused_naming_the_parameter(string value)
    {
        var run = await Export.ConvertAsync(
            Export.CaseManifest("nested-references"), temp.Combine("out"), ["--parameter", $"pg-password={value}"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Parameter 'pg-password' cannot be exported", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(run.Directory));
    }

    [Fact]
    public async Task A_secret_without_a_value_is_an_error_that_says_how_to_give_one()
    {
        var manifest = ManifestWith("""{ "type": "string", "secret": true }""");

        var run = await Export.ConvertAsync(Export.WriteManifest(temp.Path, manifest), temp.Combine("out"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(
            "Parameter 'token' has no value: pass --parameter token=VALUE", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_secret_default_is_written_inline_with_its_dollars_escaped()
    {
        var manifest = ManifestWith("""{ "type": "string", "default": { "value": "a$b" } }""");

        var run = await Export.ConvertValidAsync(Export.WriteManifest(temp.Path, manifest), temp.Combine("out"));

        Assert.Equal("a$$b", run.Service("app")["environment"]!["TOKEN"].Text());
        Assert.Equal("Bearer a$$b", run.Service("app")["environment"]!["HEADER"].Text());
        Assert.Empty(run.Env);
    }

    [Fact]
    public async Task A_secret_inside_a_larger_value_moves_the_whole_value_to_the_env_file()
    {
        var manifest = ManifestWith("""{ "type": "string", "secret": true, "default": { "value": "s3cret" } }""");

        var run = await Export.ConvertValidAsync(Export.WriteManifest(temp.Path, manifest), temp.Combine("out"));

        Assert.Equal("${TOKEN}", run.Service("app")["environment"]!["TOKEN"].Text());
        Assert.Equal("${APP_HEADER}", run.Service("app")["environment"]!["HEADER"].Text());
        Assert.Equal("Bearer s3cret", run.Env["APP_HEADER"]);
        Assert.DoesNotContain("s3cret", run.ComposeText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_generated_value_meets_every_minimum_of_the_rules()
    {
        var rules = """
            { "type": "string", "secret": true, "default": { "generate": {
                "minLength": 30, "special": true, "minLower": 3, "minUpper": 4, "minNumeric": 5, "minSpecial": 2 } } }
            """;

        var path = Export.WriteManifest(temp.Path, ManifestWith(rules));

        var run = await Export.ConvertValidAsync(path, temp.Combine("out"));

        var value = run.Env["TOKEN"];
        Assert.True(value.Length >= 30);
        Assert.True(value.Count(char.IsAsciiLetterLower) >= 3);
        Assert.True(value.Count(char.IsAsciiLetterUpper) >= 4);
        Assert.True(value.Count(char.IsAsciiDigit) >= 5);
        Assert.True(value.Count(c => c is '-' or '_') >= 2);
        Assert.Matches("^[A-Za-z0-9_-]+$", value);
    }

    [Fact]
    public async Task A_generated_value_without_upper_case_or_digits_has_none()
    {
        var rules = """
            { "type": "string", "secret": true, "default": { "generate": {
                "minLength": 40, "upper": false, "numeric": false, "special": false } } }
            """;
        var path = Export.WriteManifest(temp.Path, ManifestWith(rules));

        var run = await Export.ConvertValidAsync(path, temp.Combine("out"));

        Assert.Matches("^[a-z]{40}$", run.Env["TOKEN"]);
    }

    public void Dispose() => temp.Dispose();
}
