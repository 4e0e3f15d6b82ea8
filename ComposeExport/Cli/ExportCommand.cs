using AspireWorkshop.ComposeExport.Conversion;
using AspireWorkshop.ComposeExport.Extras;
using AspireWorkshop.ComposeExport.Manifest;
using AspireWorkshop.ComposeExport.Output;

namespace AspireWorkshop.ComposeExport.Cli;

/// <summary>The command-line tool: parses arguments, converts, writes and prints the summary.</summary>
public static class ExportCommand
{
    /// <summary>Exit code of a successful export.</summary>
    public const int Success = 0;

    /// <summary>Exit code when the input cannot be exported.</summary>
    public const int InvalidInput = 1;

    /// <summary>Exit code when the command line is wrong.</summary>
    public const int InvalidUsage = 2;

    /// <summary>Exit code when the export was interrupted (Ctrl+C or SIGTERM), as shells report SIGINT.</summary>
    public const int Cancelled = 130;

    /// <summary>Runs the tool; parameter values are also read from <paramref name="environment"/>.</summary>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string> environment,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken)
    {
        if (CommandLine.AsksForHelp(args))
        {
            await output.WriteLineAsync(CommandLine.Usage);
            await output.WriteLineAsync(DeploymentExtrasArguments.Usage);

            return Success;
        }

        // Checked before the extras' options are taken out, so that '--tag --dashboard' names --tag.
        var missingValue = CommandLine.OptionMissingItsValue(
            args, [.. CommandLine.OptionsWithValue, .. DeploymentExtrasArguments.OptionsWithValue]);
        var (extras, remainingArgs, extrasError) = missingValue is null
            ? DeploymentExtrasArguments.Extract(args)
            : (null, args, $"{missingValue} needs a value");
        var (commandLine, usageError) = extras is null ? (null, extrasError) : CommandLine.Parse(remainingArgs);
        if (commandLine is null || extras is null)
        {
            await error.WriteLineAsync($"error: {usageError}");
            await error.WriteLineAsync(CommandLine.Usage);
            await error.WriteLineAsync(DeploymentExtrasArguments.Usage);

            return InvalidUsage;
        }

        try
        {
            var (result, extrasSummary) = commandLine.Command == "export"
                ? await ExportAsync(commandLine, extras, environment, cancellationToken)
                : await ConvertAsync(commandLine, extras, commandLine.Input, environment, cancellationToken);
            await SummaryPrinter.PrintAsync(result.Summary, commandLine.Output, output);
            await DeploymentExtrasPrinter.PrintAsync(extrasSummary, output);

            return Success;
        }
        catch (ComposeExportException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");

            return InvalidInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: cannot read or write a file: {ex.Message}");

            return InvalidInput;
        }
    }

    private static async Task<(ConversionResult Result, DeploymentExtrasSummary Extras)> ConvertAsync(
        CommandLine commandLine,
        DeploymentExtrasOptions extras,
        string manifestPath,
        IReadOnlyDictionary<string, string> environment,
        CancellationToken cancellationToken)
    {
        var manifest = await ManifestReader.ReadAsync(manifestPath, cancellationToken);
        var options = new ConversionOptions
        {
            ManifestDirectory = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!,
            OutputDirectory = Path.GetFullPath(commandLine.Output),
            ProjectRoot = commandLine.ProjectRoot,
            AllowSkip = commandLine.AllowSkip,
            Parameters = Parameters(commandLine, environment),
            ExistingEnv = await ExportWriter.ReadExistingEnvAsync(commandLine.Output, cancellationToken),
            PublishedServices = commandLine.PublishedServices,
        };
        options = options with
        {
            ImagePrefix = commandLine.ImagePrefix ?? options.ImagePrefix,
            ImageTag = commandLine.ImageTag ?? options.ImageTag,
            ProjectHealthcheck = commandLine.ProjectHealthcheck switch
            {
                null => options.ProjectHealthcheck,
                "none" => null,
                var command => command.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            },
        };

        var (result, extrasSummary) = DeploymentExtras.Apply(
            ComposeConverter.Convert(manifest, options), manifest, extras, options.ExistingEnv);
        await ExportWriter.WriteAsync(result, commandLine.Output, cancellationToken);

        return (result, extrasSummary);
    }

    /// <summary>
    /// Lets the AppHost write its manifest next to where the export goes, then converts it. The manifest
    /// is written under a temporary name in the same folder (its relative paths start from its folder)
    /// and replaces the previous one only when the conversion succeeded.
    /// </summary>
    private static async Task<(ConversionResult Result, DeploymentExtrasSummary Extras)> ExportAsync(
        CommandLine commandLine,
        DeploymentExtrasOptions extras,
        IReadOnlyDictionary<string, string> environment,
        CancellationToken cancellationToken)
    {
        var appHost = AppHostManifestRunner.Resolve(commandLine.Input);

        // A failed export leaves no trace: the folders it had to create go again, unless something
        // else was written to them meanwhile.
        var firstCreatedFolder = FirstMissingFolder(Path.GetFullPath(commandLine.Output));
        try
        {
            Directory.CreateDirectory(commandLine.Output);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw ExportWriter.CannotWrite(commandLine.Output, ex);
        }

        var manifest = Path.GetFullPath(Path.Combine(commandLine.Output, "aspire-manifest.json"));
        var staged = Path.Combine(commandLine.Output, $".aspire-manifest.{Guid.NewGuid():N}.json");
        var exported = false;
        try
        {
            await AppHostManifestRunner.WriteManifestAsync(appHost, Path.GetFullPath(staged), cancellationToken);
            var result = await ConvertAsync(commandLine, extras, staged, environment, cancellationToken);
            File.Move(staged, manifest, overwrite: true);
            exported = true;

            return result;
        }
        finally
        {
            File.Delete(staged);
            if (!exported && firstCreatedFolder is not null
                && !Directory.EnumerateFiles(firstCreatedFolder, "*", SearchOption.AllDirectories).Any())
            {
                Directory.Delete(firstCreatedFolder, recursive: true);
            }
        }
    }

    /// <summary>The outermost folder of <paramref name="folder"/> that does not exist yet, if any.</summary>
    private static string? FirstMissingFolder(string folder)
    {
        string? missing = null;
        var current = folder;
        while (current is not null && !Directory.Exists(current))
        {
            missing = current;
            current = Path.GetDirectoryName(current);
        }

        return missing;
    }

    /// <summary>Parameter values from <c>Parameters__NAME</c> variables, overridden by <c>--parameter</c>.</summary>
    private static Dictionary<string, string> Parameters(
        CommandLine commandLine, IReadOnlyDictionary<string, string> environment)
    {
        const string prefix = "Parameters__";
        var parameters = environment
            .Where(e => e.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && e.Key.Length > prefix.Length)
            .ToDictionary(e => e.Key[prefix.Length..], e => e.Value, StringComparer.Ordinal);
        foreach (var (name, value) in commandLine.Parameters)
        {
            parameters[name] = value;
        }

        return parameters;
    }
}
