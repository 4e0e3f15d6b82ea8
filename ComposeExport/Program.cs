using System.Collections;
using System.Runtime.InteropServices;
using AspireWorkshop.ComposeExport.Cli;

// Ctrl+C and a SIGTERM (from `timeout`, `kill` or a cancelled CI job) both stop the export the same way:
// the AppHost it runs is stopped too, and a half-written export is removed.
using var cancellation = new CancellationTokenSource();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, StopExport);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, StopExport);

var environment = Environment.GetEnvironmentVariables()
    .Cast<DictionaryEntry>()
    .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");

// The commands turn every fault they know of into a clear message; this is the last line of defence
// against one they do not, so a user still sees one line instead of a stack trace.
try
{
    return args is ["compare", ..]
        ? await CompareCommand.RunAsync(args, environment, Console.Out, Console.Error, cancellation.Token)
        : await ExportCommand.RunAsync(args, environment, Console.Out, Console.Error, cancellation.Token);
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("cancelled");

    return ExportCommand.Cancelled;
}
catch (Exception ex)
{
    await Console.Error.WriteLineAsync($"error: unexpected failure: {ex.Message}");

    return ExportCommand.InvalidInput;
}

void StopExport(PosixSignalContext context)
{
    context.Cancel = true;
    cancellation.Cancel();
}
