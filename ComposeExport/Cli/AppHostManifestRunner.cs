using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace AspireWorkshop.ComposeExport.Cli;

/// <summary>
/// Runs an AppHost with <c>--publisher manifest</c> so that it writes its manifest: a project through
/// <c>dotnet run</c>, which builds it first when it has changed, or an AppHost assembly that is already
/// built as it is, which skips MSBuild altogether and takes well under a second. The AppHost's streams
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

    /// <summary>
    /// Writes the manifest of <paramref name="appHost"/> (a project file, or the AppHost's built .dll) to
    /// <paramref name="manifestPath"/>.
    /// </summary>
    public static async Task WriteManifestAsync(string appHost, string manifestPath, CancellationToken cancellationToken)
    {
        EnsureRunnable(appHost);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ManifestTimeout);
        if (IsBuiltAssembly(appHost))
        {
            await RunAsync(BuiltAssemblyStart(appHost, manifestPath), manifestPath, cancellationToken, timeout.Token);

            return;
        }

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
        await RunAsync(ProjectStart(appHost, manifestPath), manifestPath, cancellationToken, timeout.Token);
    }

    /// <summary>
    /// Refuses, with the reason, an AppHost that cannot be run: a missing file, or an assembly that is not
    /// an AppHost, which would start (the Api, say) and never write a manifest. An AppHost's dependency
    /// file lists Aspire.Hosting.
    /// </summary>
    public static void EnsureRunnable(string appHost)
    {
        if (!File.Exists(appHost))
        {
            throw new ComposeExportException($"AppHost '{appHost}' does not exist.");
        }

        var dependencies = Path.ChangeExtension(appHost, ".deps.json");
        if (IsBuiltAssembly(appHost)
            && (!File.Exists(dependencies)
                || !File.ReadAllText(dependencies).Contains("\"Aspire.Hosting/", StringComparison.Ordinal)))
        {
            throw new ComposeExportException(
                $"'{appHost}' is not a built Aspire AppHost: {Path.GetFileName(dependencies)} next to it does not "
                + "list Aspire.Hosting. Give the AppHost's project file, or the .dll that building it wrote.");
        }
    }

    private static bool IsBuiltAssembly(string appHost) =>
        appHost.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);

    private static ProcessStartInfo ProjectStart(string project, string manifestPath) =>
        new("dotnet", ["run", "--project", project, "--", .. PublisherArguments(manifestPath)]);

    private static ProcessStartInfo BuiltAssemblyStart(string assembly, string manifestPath) =>
        new("dotnet", [Path.GetFullPath(assembly), .. PublisherArguments(manifestPath)])
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(assembly)),
        };

    private static string[] PublisherArguments(string manifestPath) =>
        ["--publisher", "manifest", "--output-path", manifestPath];

    private static async Task RunAsync(
        ProcessStartInfo start, string manifestPath, CancellationToken cancellationToken, CancellationToken bounded)
    {
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var output = new RecentLines(OutputLinesShownOnFailure);
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        if (!process.Start())
        {
            throw new ComposeExportException("Could not start 'dotnet' to run the AppHost.");
        }

        // Nothing is ever typed into an export: an AppHost that waits for input gets end-of-file at once.
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(bounded);
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
                $"The AppHost failed to write its manifest ('{start.FileName} {start.ArgumentList[0]}' exited with "
                + $"{process.ExitCode}). Its last output:\n{output}");
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
