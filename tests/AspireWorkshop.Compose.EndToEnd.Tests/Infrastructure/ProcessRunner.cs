using System.Diagnostics;

namespace AspireWorkshop.Compose.EndToEnd.Tests.Infrastructure;

/// <summary>The outcome of a finished command.</summary>
internal sealed record ProcessResult(int ExitCode, string Output, string Error)
{
    /// <summary>Fails the test with the command's output unless it exited 0.</summary>
    public ProcessResult EnsureSuccess(string what)
    {
        Assert.True(ExitCode == 0, $"{what} exited with {ExitCode}:\n{Output}\n{Error}");

        return this;
    }
}

/// <summary>Runs a command to completion within a timeout, killing it and its children if it overruns.</summary>
internal static class ProcessRunner
{
    /// <param name="environment">Variables to set (a null value removes one) on top of this process's own.</param>
    public static async Task<ProcessResult> RunAsync(
        string file,
        IReadOnlyList<string> args,
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start {file}.");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var output = process.StandardOutput.ReadToEndAsync(limit.Token);
        var error = process.StandardError.ReadToEndAsync(limit.Token);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);

            throw new TimeoutException($"'{file} {string.Join(' ', args)}' did not finish within {timeout}.");
        }

        return new ProcessResult(process.ExitCode, await output, await error);
    }
}
