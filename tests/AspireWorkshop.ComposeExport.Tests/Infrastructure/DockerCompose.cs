using System.Text.Json.Nodes;

namespace AspireWorkshop.ComposeExport.Tests.Infrastructure;

/// <summary>The real consumers of the export: docker-compose 1.29 and, where one answers, a Docker engine.</summary>
internal static class DockerCompose
{
    public const string Binary = "/usr/bin/docker-compose";

    public const string SkipReason = $"{Binary} is not installed on this machine (CI has it).";

    public static bool IsInstalled => File.Exists(Binary);

    private static readonly Lazy<bool> EngineAnswers = new(() =>
        ProcessRunner.RunAsync("docker", ["info"], TestTimeouts.EngineProbe, CancellationToken.None)
            .GetAwaiter().GetResult().ExitCode == 0);

    public static bool IsEngineUp => EngineAnswers.Value;

    /// <summary><c>docker-compose config</c>: the file as Compose reads it, interpolated.</summary>
    public static async Task<JsonNode> ConfigAsync(string directory, CancellationToken cancellationToken)
    {
        var result = await RunAsync(directory, ["config"], TestTimeouts.ComposeCommand, cancellationToken);
        Assert.True(result.ExitCode == 0, $"docker-compose config failed:\n{result.Error}");

        return YamlJson.Parse(result.Output);
    }

    public static Task<ProcessResult> RunAsync(
        string directory, IReadOnlyList<string> args, TimeSpan timeout, CancellationToken cancellationToken) =>
        ProcessRunner.RunAsync(Binary, args, timeout, cancellationToken, directory);
}
