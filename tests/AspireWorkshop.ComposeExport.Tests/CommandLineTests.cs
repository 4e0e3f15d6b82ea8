using AspireWorkshop.ComposeExport.Cli;
using AspireWorkshop.ComposeExport.Tests.Infrastructure;

namespace AspireWorkshop.ComposeExport.Tests;

/// <summary>The command line says what is wrong with it, and shows its usage when asked.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TempDirectory temp = new();

    [Theory]
    [InlineData("--image-prefix")]
    [InlineData("--tag")]
    [InlineData("--project-root")]
    [InlineData("--project-healthcheck")]
    [InlineData("--parameter")]
    [InlineData("--publish")]
    [InlineData("--output")]
    public async Task An_option_given_last_without_its_value_is_a_usage_error_naming_it(string option)
    {
        var run = await Export.ConvertAsync(Export.CaseManifest("endpoints"), temp.Combine("out"), [option]);

        Assert.Equal(ExportCommand.InvalidUsage, run.ExitCode);
        Assert.StartsWith($"error: {option} needs a value", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(run.Directory));
    }

    [Theory]
    [InlineData("--tag", "--allow-skip")]
    [InlineData("--output", "--allow-skip")]
    [InlineData("--image-prefix", "--dashboard")]
    [InlineData("--parameter", "--no-build")]
    [InlineData("--dashboard-image", "--no-build")]
    [InlineData("--dashboard-port", "--dashboard-unsecured")]
    [InlineData("--tag", "--dashboard-unsecured")]
    public async Task An_option_followed_by_another_option_is_a_usage_error_naming_it(string option, string follower)
    {
        var run = await Export.ConvertAsync(Export.CaseManifest("endpoints"), temp.Combine("out"), [option, follower]);

        Assert.Equal(ExportCommand.InvalidUsage, run.ExitCode);
        Assert.StartsWith($"error: {option} needs a value", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(run.Directory));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("convert", "--help")]
    public async Task Asking_for_help_prints_the_usage_and_succeeds(params string[] args)
    {
        var (exitCode, output, error) = await RunAsync(args, compare: false);

        Assert.Equal(ExportCommand.Success, exitCode);
        Assert.Contains("export --apphost <apphost> --output <dir>", output, StringComparison.Ordinal);
        Assert.Empty(error);
    }

    [Fact]
    public async Task Asking_compare_for_help_prints_its_usage_and_succeeds()
    {
        var (exitCode, output, _) = await RunAsync(["compare", "-h"], compare: true);

        Assert.Equal(ExportCommand.Success, exitCode);
        Assert.Contains("compare --manifest <aspire-manifest.json>", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_compare_option_without_its_value_is_a_usage_error_naming_it()
    {
        var (exitCode, _, error) = await RunAsync(["compare", "--apphost", "--compose", "compose.yaml"], compare: true);

        Assert.Equal(ExportCommand.InvalidUsage, exitCode);
        Assert.StartsWith("error: --apphost needs a value", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_is_a_usage_error_that_lists_every_command()
    {
        var (exitCode, _, error) = await RunAsync(["deploy"], compare: false);

        Assert.Equal(ExportCommand.InvalidUsage, exitCode);
        Assert.Contains("expected 'convert', 'export' or 'compare'", error, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args, bool compare)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new Dictionary<string, string>();
        var cancellationToken = TestContext.Current.CancellationToken;
        var exitCode = compare
            ? await CompareCommand.RunAsync(args, environment, output, error, cancellationToken)
            : await ExportCommand.RunAsync(args, environment, output, error, cancellationToken);

        return (exitCode, output.ToString(), error.ToString());
    }

    public void Dispose() => temp.Dispose();
}
