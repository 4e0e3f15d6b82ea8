using System.Text.Json.Nodes;
using AspireWorkshop.ComposeExport.Cli;
using AspireWorkshop.ComposeExport.Compose;

namespace AspireWorkshop.ComposeExport.Tests.Infrastructure;

/// <summary>Runs the exporter's command line in process and reads back what it wrote.</summary>
internal static class Export
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string CaseManifest(string caseName) => Fixture($"{caseName}.manifest.json");

    /// <summary>Writes <paramref name="manifestJson"/> to a new file in <paramref name="directory"/>.</summary>
    public static string WriteManifest(string directory, string manifestJson)
    {
        var path = Path.Combine(directory, $"manifest-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, manifestJson);

        return path;
    }

    public static async Task<ExportRun> ConvertAsync(
        string manifestPath,
        string outputDirectory,
        IReadOnlyList<string>? extraArgs = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await ExportCommand.RunAsync(
            ["convert", manifestPath, "--output", outputDirectory, .. extraArgs ?? []],
            environment ?? new Dictionary<string, string>(),
            output,
            error,
            TestContext.Current.CancellationToken);

        return new ExportRun(exitCode, output.ToString(), error.ToString(), outputDirectory);
    }

    /// <summary>Converts, then checks the result with the Compose schema and docker-compose, if installed.</summary>
    public static async Task<ExportRun> ConvertValidAsync(
        string manifestPath,
        string outputDirectory,
        IReadOnlyList<string>? extraArgs = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var run = await ConvertAsync(manifestPath, outputDirectory, extraArgs, environment);
        Assert.True(run.ExitCode == 0, $"The export failed: {run.Error}");
        ComposeSchema.AssertValid(run.Compose);
        if (DockerCompose.IsInstalled)
        {
            await DockerCompose.ConfigAsync(outputDirectory, TestContext.Current.CancellationToken);
        }

        return run;
    }
}

/// <summary>The outcome of one export.</summary>
internal sealed record ExportRun(int ExitCode, string Output, string Error, string Directory)
{
    public string ComposePath => Path.Combine(Directory, "compose.yaml");

    public string EnvPath => Path.Combine(Directory, ".env");

    public string ComposeText => File.ReadAllText(ComposePath);

    public JsonNode Compose => YamlJson.Parse(ComposeText);

    public IReadOnlyDictionary<string, string> Env => DotEnvFormat.Parse(File.ReadAllText(EnvPath));

    public JsonNode Service(string name) =>
        Compose["services"]?[name] ?? throw new Xunit.Sdk.XunitException($"compose.yaml has no service '{name}'.");

    /// <summary>An environment value as the container gets it, <c>${VAR}</c> looked up in .env.</summary>
    public string Delivered(string service, string variable)
    {
        var node = Service(service)["environment"]?[variable]
            ?? throw new Xunit.Sdk.XunitException($"Service '{service}' has no variable '{variable}'.");
        var text = node.Text();

        return text.StartsWith("${", StringComparison.Ordinal) && text.EndsWith('}')
            ? Env[text[2..^1]]
            : text.Replace("$$", "$", StringComparison.Ordinal);
    }
}
