using System.Diagnostics;
using System.Text;

namespace AspireWorkshop.Testing;

/// <summary>Runs a command to completion within a bound, killing it and its children if it overruns.</summary>
public static class ProcessRunner
{
    /// <summary>
    /// Runs <paramref name="fileName"/> with <paramref name="arguments"/> and captures both streams. Past
    /// <paramref name="timeout"/> the whole process tree is killed and a <see cref="TimeoutException"/> names
    /// the command and shows what it wrote; when <paramref name="cancellationToken"/> fires the tree is killed too.
    /// </summary>
    /// <param name="workingDirectory">Where the command runs; this process's current directory when null.</param>
    /// <param name="environment">Variables to set on top of this process's own; a null value removes one.</param>
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        TimeSpan timeout,
        CancellationToken cancellationToken,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var commandLine = $"{fileName} {string.Join(' ', start.ArgumentList)}";
        var output = new StringBuilder();
        var error = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(error, e.Data);
        process.Start();

        // A command that asks for input must fail rather than wait for a terminal nobody watches.
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            // Also waits until both redirected streams are read to their end.
            await process.WaitForExitAsync(bounded.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();

            throw new TimeoutException(
                $"'{commandLine}' did not finish within {timeout}.\n"
                + $"--- stdout\n{Snapshot(output)}\n--- stderr\n{Snapshot(error)}");
        }

        return new ProcessResult(commandLine, process.ExitCode, Snapshot(output), Snapshot(error), stopwatch.Elapsed);
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
