using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace AspireWorkshop.ComposeExport.Cli;

/// <summary>
/// Runs an AppHost with <c>--publisher manifest</c> so that it writes its manifest. The AppHost's streams
/// are its own pipes, never this process's: whoever runs the exporter (a terminal, a script, a test
/// runner that speaks a protocol over standard output) gets the summary alone, and the AppHost's build
/// and log output is shown only when it fails.
/// </summary>
internal static class AppHostManifestRunner
{
    // Generating the manifest builds the AppHost first, which takes a while on a cold machine.
    private static readonly TimeSpan ManifestTimeout = TimeSpan.FromMinutes(10);

    // How often an export waiting for another export of the same AppHost looks again.
    private static readonly TimeSpan LockRetryDelay = TimeSpan.FromMilliseconds(500);

    // Enough of a failed build or start-up to show its errors, without a whole build log.
    private const int OutputLinesShownOnFailure = 40;

    /// <summary>Writes the manifest of <paramref name="appHost"/> (a project file) to <paramref name="manifestPath"/>.</summary>
    public static async Task WriteManifestAsync(string appHost, string manifestPath, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ManifestTimeout);
        FileStream appHostLock;
        try
        {
            appHostLock = await LockAppHostAsync(appHost, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ComposeExportException(
                $"Another export of {appHost} kept it busy for over {ManifestTimeout.TotalMinutes} minutes.");
        }

        await using var heldLock = appHostLock;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                "run", "--project", appHost, "--", "--publisher", "manifest", "--output-path", manifestPath,
            },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var output = new RecentLines(OutputLinesShownOnFailure);
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        if (!process.Start())
        {
            throw new ComposeExportException("Could not start 'dotnet run' for the AppHost.");
        }

        // Nothing is ever typed into an export: an AppHost that waits for input gets end-of-file at once.
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);

            throw new ComposeExportException(
                $"The AppHost did not write its manifest within {ManifestTimeout.TotalMinutes} minutes. "
                + $"Its last output:\n{output}");
        }

        if (process.ExitCode != 0 || !File.Exists(manifestPath))
        {
            throw new ComposeExportException(
                $"The AppHost failed to write its manifest (dotnet run exited with {process.ExitCode}). "
                + $"Its last output:\n{output}");
        }
    }

    /// <summary>
    /// Two exports of one AppHost at once (parallel test projects, two terminals) would build it into the
    /// same folders at the same time, and one build fails. An exclusive lock on a file named after the
    /// AppHost's path makes the second wait for the first; the operating system drops it if a process dies.
    /// </summary>
    private static async Task<FileStream> LockAppHostAsync(string appHost, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(appHost))))[..16];
        var path = Path.Combine(Path.GetTempPath(), $"aspireworkshop-export-{key}.lock");
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(LockRetryDelay, cancellationToken);
            }
        }
    }

    /// <summary>The last lines of both of a process's streams, in the order they arrived.</summary>
    private sealed class RecentLines(int capacity)
    {
        private readonly Queue<string> lines = new(capacity);

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (lines)
            {
                if (lines.Count == capacity)
                {
                    lines.Dequeue();
                }

                lines.Enqueue(line);
            }
        }

        public override string ToString()
        {
            lock (lines)
            {
                return lines.Count == 0 ? "(nothing)" : string.Join('\n', lines);
            }
        }
    }
}
