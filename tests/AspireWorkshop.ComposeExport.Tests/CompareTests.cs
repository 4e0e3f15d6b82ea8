using AspireWorkshop.ComposeExport.Cli;
using AspireWorkshop.ComposeExport.Comparison;
using AspireWorkshop.ComposeExport.Tests.Infrastructure;

namespace AspireWorkshop.ComposeExport.Tests;

/// <summary><c>compare</c>: the AppHost, the export and a hand-written file, lined up.</summary>
public sealed class CompareTests : IDisposable
{
    // The endpoints case as a person would write it: short syntax, environment as a list, depends_on as a
    // list, images without docker.io/library and a port variable; its topology is the manifest's.
    private const string HandWritten = """
        services:
          cache:
            image: redis:7.4
          gateway:
            image: nginx:1.27
            environment:
              LISTEN_PORT: "8000"
            ports:
              - 127.0.0.1:${GATEWAY_PORT:-8001}:8000
          client:
            image: ${CLIENT_IMAGE:-debian:bookworm-slim}
            command: ["sleep", "infinity"]
            environment:
              - GATEWAY_URL=http://gateway:8000
              - GATEWAY_HOST=gateway
              - GATEWAY_PORT=8000
              - GATEWAY_TARGET_PORT=8000
              - CACHE=cache:6379
            depends_on: [cache, gateway]
        """;

    private readonly TempDirectory temp = new();

    private async Task<(int ExitCode, string Output)> CompareAsync(string composeYaml)
    {
        var compose = temp.Combine("compose.yaml");
        await File.WriteAllTextAsync(compose, composeYaml, TestContext.Current.CancellationToken);
        var output = new StringWriter();
        var exitCode = await CompareCommand.RunAsync(
            ["compare", "--manifest", Export.CaseManifest("endpoints"), "--compose", compose],
            new Dictionary<string, string>(),
            output,
            new StringWriter(),
            TestContext.Current.CancellationToken);

        return (exitCode, output.ToString());
    }

    [Fact]
    public async Task The_export_compared_with_itself_reports_no_difference()
    {
        var run = await Export.ConvertValidAsync(Export.CaseManifest("endpoints"), temp.Combine("out"));

        var (exitCode, output) = await CompareAsync(run.ComposeText);

        Assert.Equal(CompareCommand.NoUnexplainedDifference, exitCode);
        Assert.Contains("Differences: 0, unexplained: 0", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hand_written_file_with_the_same_topology_in_short_syntax_reports_no_difference()
    {
        var (exitCode, output) = await CompareAsync(HandWritten);

        Assert.Equal(CompareCommand.NoUnexplainedDifference, exitCode);
        Assert.Contains("Differences: 0, unexplained: 0", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_extra_variable_and_a_missing_dependency_are_reported_as_unexplained()
    {
        var changed = HandWritten
            .Replace("- CACHE=cache:6379", "- CACHE=cache:6379\n      - EXTRA=1", StringComparison.Ordinal)
            .Replace("[cache, gateway]", "[cache]", StringComparison.Ordinal);

        var (exitCode, output) = await CompareAsync(changed);

        Assert.Equal(CompareCommand.UnexplainedDifferences, exitCode);
        Assert.Contains("Differences: 2, unexplained: 2", output, StringComparison.Ordinal);
        Assert.Contains("- client: env EXTRA: only in compose.yaml", output, StringComparison.Ordinal);
        Assert.Contains("- client: depends on gateway: only in AppHost and export", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_different_image_is_reported_with_each_side_s_value()
    {
        var changed = HandWritten.Replace("redis:7.4", "redis:8.0", StringComparison.Ordinal);

        var (exitCode, output) = await CompareAsync(changed);

        Assert.Equal(CompareCommand.UnexplainedDifferences, exitCode);
        Assert.Contains(
            "- cache: source: AppHost image redis:7.4, export image redis:7.4, compose.yaml image redis:8.0",
            output,
            StringComparison.Ordinal);
    }

    [Fact]
    public void An_expected_difference_on_an_unexpected_side_is_not_explained()
    {
        // OTLP settings are expected in the AppHost and the export together; anywhere else they are a real difference.
        static Topology With(params string[] keys) => new(
            new Dictionary<string, ServiceTopology>
            {
                ["api"] = new(
                    "image api", new HashSet<string>(), keys.ToHashSet(), new HashSet<string>(), new HashSet<string>()),
            },
            new HashSet<string>());
        var sides = new Dictionary<TopologySide, Topology>
        {
            [TopologySide.AppHost] = With("OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY", "OTEL_SERVICE_NAME"),
            [TopologySide.Export] = With(),
            [TopologySide.HandWritten] = With("OTEL_SERVICE_NAME"),
        };

        var differences = TopologyComparison.Compare(sides);

        Assert.All(differences, d => Assert.Null(d.Explanation));
        Assert.Equal(["OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY", "OTEL_SERVICE_NAME"], differences.Select(d => d.Item));
    }

    [Fact]
    public async Task A_wrong_command_line_prints_the_usage()
    {
        var error = new StringWriter();

        var exitCode = await CompareCommand.RunAsync(
            ["compare", "--compose"], new Dictionary<string, string>(), new StringWriter(), error,
            TestContext.Current.CancellationToken);

        Assert.Equal(ExportCommand.InvalidUsage, exitCode);
        Assert.Contains("compare --apphost", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_compose_file_that_is_a_list_is_an_error_that_names_it()
    {
        var compose = temp.Combine("list.yaml");
        await File.WriteAllTextAsync(compose, "- services\n- volumes\n", TestContext.Current.CancellationToken);
        var error = new StringWriter();

        var exitCode = await CompareCommand.RunAsync(
            ["compare", "--manifest", Export.CaseManifest("endpoints"), "--compose", compose],
            new Dictionary<string, string>(), new StringWriter(), error, TestContext.Current.CancellationToken);

        Assert.Equal(ExportCommand.InvalidInput, exitCode);
        var expected = $"error: The Compose file '{compose}' is not a mapping at its root";
        Assert.StartsWith(expected, error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => temp.Dispose();
}
