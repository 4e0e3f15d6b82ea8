using System.Text.Json;
using System.Text.Json.Nodes;
using AspireWorkshop.ComposeExport.Tests.Infrastructure;

namespace AspireWorkshop.ComposeExport.Tests;

/// <summary>Case scalars-and-dollars: every value reaches the container byte for byte.</summary>
public sealed class ScalarsAndDollarsTests : IDisposable
{
    private const string Case = "scalars-and-dollars";

    private static readonly string[] RunnableImages =
        ["localhost/aspireworkshop/debian:bookworm", "debian:bookworm-slim"];

    private readonly TempDirectory temp = new();

    private static Dictionary<string, string> ManifestEnv()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Export.CaseManifest(Case)));

        return manifest.RootElement.GetProperty("resources").GetProperty("echo").GetProperty("env")
            .EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }

    [Fact]
    public async Task Every_value_is_a_double_quoted_string_with_dollars_doubled_and_the_long_value_on_one_line()
    {
        var run = await Export.ConvertValidAsync(Export.CaseManifest(Case), temp.Combine("out"));

        var lines = run.ComposeText.Split('\n');
        Assert.Contains("      \"OCTAL_LOOKING\": \"0545\"", lines);
        Assert.Contains("      \"SEXAGESIMAL_LOOKING\": \"2122:22\"", lines);
        Assert.Contains("      \"AS_EMPTY\": \"\"", lines);
        Assert.Contains("      \"TWO_DOLLARS\": \"a$$$$b\"", lines);
        Assert.Contains("      \"BRACED\": \"$${HOME}\"", lines);
        Assert.Single(lines, l => l.Contains("\"LONG\": \"Host=pg;", StringComparison.Ordinal)
            && l.EndsWith("Search Path=public\"", StringComparison.Ordinal));
        foreach (var (name, value) in ManifestEnv())
        {
            Assert.Equal(value, run.Delivered("echo", name));
        }
    }

    [Fact]
    public async Task Docker_compose_config_reads_back_every_value_byte_for_byte()
    {
        Assert.SkipUnless(DockerCompose.IsInstalled, DockerCompose.SkipReason);
        await Export.ConvertValidAsync(Export.CaseManifest(Case), temp.Combine("out"));

        var config = await DockerCompose.ConfigAsync(temp.Combine("out"), TestContext.Current.CancellationToken);

        // 'config' prints a Compose file again, so its literal dollars are doubled once more.
        var environment = config["services"]!["echo"]!["environment"]!.AsObject();
        foreach (var (name, value) in ManifestEnv())
        {
            Assert.True(environment[name] is not null, $"{name} is missing from the configuration.");
            Assert.Equal(value, environment[name].Text().Replace("$$", "$", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Values_beyond_the_case_survive_docker_compose_config_too()
    {
        Assert.SkipUnless(DockerCompose.IsInstalled, DockerCompose.SkipReason);
        string[] values =
        [
            "ünïcødé € 😀", "tab\there", "back\\slash", " padded ", "key: value", "- item", "[a, b]", "&anchor",
            "*alias", "!tag", "%percent", "@at", "`tick`", "NO", "off", "0o17", ".inf", "-.5",
        ];
        var env = new JsonObject();
        for (var i = 0; i < values.Length; i++)
        {
            env[$"V{i}"] = values[i];
        }

        var manifest = new JsonObject
        {
            ["resources"] = new JsonObject
            {
                ["probe"] = new JsonObject { ["type"] = "container.v0", ["image"] = "x", ["env"] = env },
            },
        };
        await Export.ConvertValidAsync(Export.WriteManifest(temp.Path, manifest.ToJsonString()), temp.Combine("out"));

        var config = await DockerCompose.ConfigAsync(temp.Combine("out"), TestContext.Current.CancellationToken);

        var environment = config["services"]!["probe"]!["environment"]!;
        foreach (var (name, value) in env)
        {
            Assert.Equal(value.Text(), environment[name].Text().Replace("$$", "$", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_created_container_gets_every_value_byte_for_byte()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var project = await ComposeProject.StartCaseAsync(
            Case, "docker.io/library/debian:bookworm-slim", RunnableImages, temp.Path, cancellationToken);
        var environment = await project.EnvironmentAsync("echo", cancellationToken);

        foreach (var (name, value) in ManifestEnv())
        {
            Assert.True(environment.ContainsKey(name), $"{name} is not set in the container.");
            Assert.Equal(value, environment[name]);
        }
    }

    public void Dispose() => temp.Dispose();
}
