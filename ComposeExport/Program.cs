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

return args is ["compare", ..]
    ? await CompareCommand.RunAsync(args, environment, Console.Out, Console.Error, cancellation.Token)
    : await ExportCommand.RunAsync(args, environment, Console.Out, Console.Error, cancellation.Token);
