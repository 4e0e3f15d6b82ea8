using System.Collections;
using AspireWorkshop.ComposeExport.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

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
catch (Exception ex) when (ex is not OperationCanceledException)
{
    await Console.Error.WriteLineAsync($"error: unexpected failure: {ex.Message}");

    return ExportCommand.InvalidInput;
}
