using AspireWorkshop.ComposeExport.Compose;
using AspireWorkshop.ComposeExport.Tests.Infrastructure;

namespace AspireWorkshop.ComposeExport.Tests;

/// <summary>What the .env dialect can carry is exactly what docker-compose reads back.</summary>
public sealed class DotEnvRoundTripTests : IDisposable
{
    private static readonly string[] Values =
    [
        "plain", "", "it's", "\"double\"", "$HOME", "$$", "a$", "p@ss;w0rd$\"x %41", "# not a comment",
        "with space ", " lead", "tab\there", "back\\slash", "ünïcødé €", "{brace}", "=equals=", "a'b'c",
        "it's \"quoted\" # here",
    ];

    private readonly TempDirectory temp = new();

    [Fact]
    public void Values_that_two_compose_clis_read_differently_are_refused()
    {
        Assert.NotNull(DotEnvFormat.WhyNotCarriable("${HOME}"));
        Assert.NotNull(DotEnvFormat.WhyNotCarriable("a\nb"));
        Assert.NotNull(DotEnvFormat.WhyNotCarriable("a\\\\b"));
        Assert.NotNull(DotEnvFormat.WhyNotCarriable("it's $5"));
        Assert.NotNull(DotEnvFormat.WhyNotCarriable("it's a\\b"));
        Assert.NotNull(DotEnvFormat.WhyNotCarriable("bell\a"));
        Assert.NotNull(DotEnvFormat.WhyNotCarriable("ends\\"));
        Assert.All(Values, value => Assert.Null(DotEnvFormat.WhyNotCarriable(value)));
    }

    [Fact]
    public void The_exporter_reads_back_every_value_it_writes()
    {
        var content = string.Join('\n', Values.Select((value, i) => DotEnvFormat.FormatEntry($"V{i}", value)));

        var parsed = DotEnvFormat.Parse(content);

        Assert.Equal(Values, Values.Select((_, i) => parsed[$"V{i}"]));
    }

    [Fact]
    public async Task Docker_compose_reads_back_every_value_byte_for_byte()
    {
        Assert.SkipUnless(DockerCompose.IsInstalled, DockerCompose.SkipReason);
        var entries = Values.Select((value, i) => DotEnvFormat.FormatEntry($"V{i}", value));
        File.WriteAllText(temp.Combine(".env"), string.Join('\n', entries) + "\n");
        var compose = new ComposeFile(
            new Dictionary<string, ComposeService>
            {
                ["probe"] = new()
                {
                    Image = "x",
                    Environment = Values.Select((_, i) => $"V{i}").ToDictionary(name => name, ComposeText.Variable),
                },
            },
            null);
        File.WriteAllText(temp.Combine("compose.yaml"), ComposeYamlWriter.Write(compose, []));

        var config = await DockerCompose.ConfigAsync(temp.Path, TestContext.Current.CancellationToken);

        var environment = config["services"]!["probe"]!["environment"]!;
        var delivered = Values.Select((_, i) =>
            environment[$"V{i}"].Text().Replace("$$", "$", StringComparison.Ordinal));
        Assert.Equal(Values, delivered);
    }

    public void Dispose() => temp.Dispose();
}
