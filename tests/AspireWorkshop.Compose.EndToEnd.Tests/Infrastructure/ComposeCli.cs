namespace AspireWorkshop.Compose.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The Compose CLI this machine has, chosen as eng/compose.sh chooses it: the <c>docker compose</c> plugin
/// (v2) where it answers, else the standalone <c>docker-compose</c> (1.29 on Debian).
/// </summary>
internal static class ComposeCli
{
    private static readonly Lazy<(string File, string[] Prefix)> Command = new(Choose);

    /// <summary>Runs Compose with <paramref name="args"/> in <paramref name="directory"/>.</summary>
    public static Task<ProcessResult> RunAsync(
        IReadOnlyList<string> args,
        string directory,
        IReadOnlyDictionary<string, string?> environment,
        TimeSpan timeout,
        CancellationToken cancellationToken) =>
        ProcessRunner.RunAsync(
            Command.Value.File, [.. Command.Value.Prefix, .. args], timeout, cancellationToken, directory, environment);

    private static (string File, string[] Prefix) Choose()
    {
        var plugin = ProcessRunner.RunAsync(
                "docker", ["compose", "version"], TestTimeouts.ComposeCommand, CancellationToken.None)
            .GetAwaiter().GetResult();

        return plugin.ExitCode == 0 ? ("docker", ["compose"]) : ("docker-compose", []);
    }
}
