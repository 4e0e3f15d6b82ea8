using AspireWorkshop.ComposeExport.Comparison;
using AspireWorkshop.ComposeExport.Conversion;
using AspireWorkshop.ComposeExport.Manifest;

namespace AspireWorkshop.ComposeExport.Cli;

/// <summary>
/// <c>compare</c>: prints the AppHost's topology, the export's and a hand-written Compose file's side by
/// side, then every difference with the reason it is expected, if it is.
/// </summary>
public static class CompareCommand
{
    /// <summary>Exit code when every difference is an expected one.</summary>
    public const int NoUnexplainedDifference = 0;

    /// <summary>Exit code when at least one difference has no explanation.</summary>
    public const int UnexplainedDifferences = 3;

    /// <summary>What the command takes, printed on a wrong command line.</summary>
    public const string Usage = """
        Usage:
          compare --apphost <apphost> --compose <compose.yaml>
          compare --manifest <aspire-manifest.json> --compose <compose.yaml>

        Lines up the AppHost (read from its manifest), the Compose file the exporter would write from it and
        the given hand-written Compose file: services, images or builds, published ports, environment keys,
        dependencies and volumes. Exits 0 when every difference is explained, 3 when one is not.
        <apphost> is the AppHost's project file, its folder, or its built .dll.
        """;

    private static readonly string[] OptionsWithValue = ["--apphost", "--manifest", "--compose"];

    private static readonly TopologySide[] Sides =
        [TopologySide.AppHost, TopologySide.Export, TopologySide.HandWritten];

    /// <summary>Runs the command; <paramref name="environment"/> fills in variables in image names.</summary>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string> environment,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken)
    {
        if (CommandLine.AsksForHelp(args))
        {
            await output.WriteLineAsync(Usage);

            return ExportCommand.Success;
        }

        if (CommandLine.OptionMissingItsValue(args, OptionsWithValue) is { } missingValue)
        {
            await error.WriteLineAsync($"error: {missingValue} needs a value");
            await error.WriteLineAsync(Usage);

            return ExportCommand.InvalidUsage;
        }

        if (Parse(args) is not var (appHost, manifestPath, composePath))
        {
            await error.WriteLineAsync(Usage);

            return ExportCommand.InvalidUsage;
        }

        try
        {
            // Both inputs are checked before the AppHost spends seconds writing its manifest.
            var runnableAppHost = appHost is null ? null : AppHostManifestRunner.Resolve(appHost);
            if (!File.Exists(composePath))
            {
                throw new ComposeExportException($"Compose file '{composePath}' does not exist.");
            }

            var manifestFolder = Path.Combine(Path.GetTempPath(), $"aspireworkshop-compare-{Guid.NewGuid():N}");
            try
            {
                if (runnableAppHost is not null)
                {
                    Directory.CreateDirectory(manifestFolder);
                    manifestPath = Path.Combine(manifestFolder, "aspire-manifest.json");
                    await AppHostManifestRunner.WriteManifestAsync(runnableAppHost, manifestPath, cancellationToken);
                }

                var sides = await ReadSidesAsync(manifestPath!, composePath, environment, cancellationToken);
                var differences = TopologyComparison.Compare(sides);
                await PrintAsync(sides, differences, composePath, output);

                return differences.Any(d => d.Explanation is null) ? UnexplainedDifferences : NoUnexplainedDifference;
            }
            finally
            {
                if (Directory.Exists(manifestFolder))
                {
                    Directory.Delete(manifestFolder, recursive: true);
                }
            }
        }
        catch (Exception ex) when (ex is ComposeExportException or IOException or YamlDotNet.Core.YamlException)
        {
            await error.WriteLineAsync($"error: {ex.Message}");

            return ExportCommand.InvalidInput;
        }
    }

    /// <summary>
    /// The three topologies; the export is converted in memory as if written next to the hand-written file.
    /// </summary>
    public static async Task<Dictionary<TopologySide, Topology>> ReadSidesAsync(
        string manifestPath,
        string composePath,
        IReadOnlyDictionary<string, string> environment,
        CancellationToken cancellationToken)
    {
        var manifest = await ManifestReader.ReadAsync(manifestPath, cancellationToken);
        var exported = ComposeConverter.Convert(manifest, new ConversionOptions
        {
            ManifestDirectory = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!,
            OutputDirectory = Path.GetDirectoryName(Path.GetFullPath(composePath))!,
        });

        return new Dictionary<TopologySide, Topology>
        {
            [TopologySide.AppHost] = ManifestTopology.Read(manifest),
            [TopologySide.Export] = ComposeTopology.Read(exported.ComposeYaml, "the export would write", environment),
            [TopologySide.HandWritten] = ComposeTopology.Read(
                await File.ReadAllTextAsync(composePath, cancellationToken), $"'{composePath}'", environment),
        };
    }

    private static (string? AppHost, string? Manifest, string Compose)? Parse(IReadOnlyList<string> args)
    {
        string? appHost = null, manifest = null, compose = null;
        for (var i = 1; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--apphost" when value is not null: appHost = value; i++; break;
                case "--manifest" when value is not null: manifest = value; i++; break;
                case "--compose" when value is not null: compose = value; i++; break;
                default: return null;
            }
        }

        return compose is not null && (appHost is null) != (manifest is null) ? (appHost, manifest, compose) : null;
    }

    private static async Task PrintAsync(
        IReadOnlyDictionary<TopologySide, Topology> sides,
        IReadOnlyList<TopologyDifference> differences,
        string composePath,
        TextWriter output)
    {
        var headers = new Dictionary<TopologySide, string>
        {
            [TopologySide.AppHost] = "AppHost",
            [TopologySide.Export] = "export",
            [TopologySide.HandWritten] = Path.GetFileName(composePath),
        };
        const int itemWidth = 44;
        const int columnWidth = 14;
        string Row(string label, Func<TopologySide, string> cell) =>
            $"  {label,-itemWidth}{string.Concat(Sides.Select(side => cell(side).PadRight(columnWidth)))}".TrimEnd();

        var services = sides.Values.SelectMany(t => t.Services.Keys).Distinct().Order(StringComparer.Ordinal);
        foreach (var service in services)
        {
            await output.WriteLineAsync(service);
            foreach (var side in Sides)
            {
                var source = sides[side].Services.GetValueOrDefault(service)?.Source ?? "(no such service)";
                await output.WriteLineAsync($"  {headers[side] + ":",-16}{source}");
            }

            await output.WriteLineAsync(Row("", side => headers[side]));
            IReadOnlySet<string> ItemsOf(TopologySide side, TopologyAspect aspect) =>
                sides[side].Services.GetValueOrDefault(service)?.Items(aspect) ?? new HashSet<string>();
            foreach (var aspect in ServiceTopology.SetAspects)
            {
                var items = Sides.SelectMany(side => ItemsOf(side, aspect)).Distinct().Order(StringComparer.Ordinal);
                foreach (var item in items)
                {
                    await output.WriteLineAsync(
                        Row(Label(aspect, item), side => ItemsOf(side, aspect).Contains(item) ? "x" : "-"));
                }
            }

            await output.WriteLineAsync();
        }

        await output.WriteLineAsync("volumes");
        foreach (var volume in sides.Values.SelectMany(t => t.Volumes).Distinct().Order(StringComparer.Ordinal))
        {
            await output.WriteLineAsync(Row(volume, side => sides[side].Volumes.Contains(volume) ? "x" : "-"));
        }

        var unexplained = differences.Count(d => d.Explanation is null);
        await output.WriteLineAsync();
        await output.WriteLineAsync($"Differences: {differences.Count}, unexplained: {unexplained}");
        foreach (var difference in differences)
        {
            var where = difference.Aspect == TopologyAspect.Source
                ? string.Join(", ", Sides.Select(side => $"{headers[side]} {difference.Values[side] ?? "(none)"}"))
                : $"only in {string.Join(" and ", difference.Holders.Select(side => headers[side]))}";
            var label = Label(difference.Aspect, difference.Item);
            await output.WriteLineAsync($"- {difference.Service}: {label}: {where}");
            await output.WriteLineAsync(difference.Explanation is { } explanation
                ? $"    expected: {explanation}"
                : "    UNEXPLAINED: not a difference the AppHost and Compose are known to have.");
        }
    }

    private static string Label(TopologyAspect aspect, string item) => aspect switch
    {
        TopologyAspect.Source => "source",
        TopologyAspect.Port => $"port {item}",
        TopologyAspect.Environment => $"env {item}",
        TopologyAspect.DependsOn => $"depends on {item}",
        _ => $"volume {item}",
    };
}
