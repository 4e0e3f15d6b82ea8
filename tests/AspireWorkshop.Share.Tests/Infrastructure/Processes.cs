using System.Diagnostics;
using System.Text;

namespace AspireWorkshop.Share.Tests.Infrastructure;

/// <summary>The outcome of a finished command.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="Elapsed">How long it ran.</param>
public sealed record ProcessResult(int ExitCode, string Output, string Error, TimeSpan Elapsed)
{
    /// <summary>Both streams, for assertion messages.</summary>
    public string Transcript => $"exit {ExitCode} after {Elapsed.TotalSeconds:F0}s\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

/// <summary>Runs commands with a bound on how long they may take.</summary>
public static class Processes
{
    /// <summary>
    /// Runs <paramref name="fileName"/> to completion. Past <paramref name="timeout"/> the whole process
    /// tree is killed and a <see cref="TimeoutException"/> names the command.
    /// </summary>
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        TimeSpan timeout,
        CancellationToken cancellationToken,
        string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepositoryPaths.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        var error = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(error, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(bounded.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();

            throw new TimeoutException(
                $"'{fileName} {string.Join(' ', start.ArgumentList)}' did not finish within {timeout}.\n"
                + $"--- stdout\n{Snapshot(output)}\n--- stderr\n{Snapshot(error)}");
        }

        // The asynchronous readers may still hold the last lines.
        process.WaitForExit();

        return new ProcessResult(process.ExitCode, Snapshot(output), Snapshot(error), stopwatch.Elapsed);
    }

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (builder)
        {
            builder.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder builder)
    {
        lock (builder)
        {
            return builder.ToString();
        }
    }
}
