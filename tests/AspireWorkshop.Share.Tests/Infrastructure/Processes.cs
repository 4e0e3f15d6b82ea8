namespace AspireWorkshop.Share.Tests.Infrastructure;

/// <summary>Runs commands from the repository root, where eng/share.sh and Compose expect to be started.</summary>
public static class Processes
{
    /// <summary><see cref="ProcessRunner.RunAsync"/> with the repository root as the default working directory.</summary>
    public static Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        TimeSpan timeout,
        CancellationToken cancellationToken,
        string? workingDirectory = null) =>
        ProcessRunner.RunAsync(fileName, arguments, timeout, cancellationToken, workingDirectory ?? RepositoryPaths.Root);
}
