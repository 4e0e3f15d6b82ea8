using System.Globalization;

namespace AspireWorkshop.ComposeExport.Cli;

/// <summary>What the user asked for on the command line.</summary>
/// <param name="Command"><c>convert</c> or <c>export</c>.</param>
/// <param name="Input">The manifest (convert) or the AppHost project (export).</param>
/// <param name="Output">The output folder.</param>
/// <param name="AllowSkip">Leave out resources of unknown types instead of failing.</param>
/// <param name="ProjectRoot">The build context for projects, if not the solution folder.</param>
/// <param name="Parameters">Parameter values given with <c>--parameter name=value</c>.</param>
/// <param name="ImagePrefix">Prefix of built image names, if given.</param>
/// <param name="ImageTag">Tag of built images, if given.</param>
/// <param name="ProjectHealthcheck">The project health check, <c>none</c>, or null for the default.</param>
/// <param name="PublishedServices">Services given with <c>--publish service[=port]</c>.</param>
internal sealed record CommandLine(
    string Command,
    string Input,
    string Output,
    bool AllowSkip,
    string? ProjectRoot,
    IReadOnlyDictionary<string, string> Parameters,
    string? ImagePrefix,
    string? ImageTag,
    string? ProjectHealthcheck,
    IReadOnlyDictionary<string, int?> PublishedServices)
{
    public const string Usage = """
        Usage:
          convert <manifest.json> --output <dir> [options]
          export --apphost <apphost> --output <dir> [options]
          compare --apphost <apphost> --compose <compose.yaml>   (see 'compare' alone for more)

        <apphost>: the AppHost's project file, its folder, or its built .dll (which runs without MSBuild)

        Options:
          --allow-skip                  leave out resources of types Compose cannot run, with a warning
          --project-root <dir>          build context for projects (default: the folder holding the .sln)
          --parameter <name>=<value>    value of a parameter (also read from Parameters__<name>)
          --image-prefix <prefix>       prefix of built image names (default: aspireworkshop-)
          --tag <tag>                   tag of built images (default: latest)
          --project-healthcheck <cmd>   health check of projects, {assembly} and {url} replaced, or 'none'
          --publish <service>[=<port>]  publish the service's HTTP endpoint on 127.0.0.1 too (at <port>,
                                        else at a port chosen from its name), e.g. to call an internal
                                        Api from the host in tests; repeatable
        """;

    /// <summary>The options that take a value.</summary>
    public static readonly string[] OptionsWithValue =
    [
        "--output", "-o", "--apphost", "--project-root", "--image-prefix", "--tag", "--project-healthcheck",
        "--parameter", "--publish",
    ];

    /// <summary>
    /// The first of <paramref name="optionsWithValue"/> in <paramref name="args"/> that is followed by nothing
    /// or by another option, as in <c>--tag --allow-skip</c>, where taking the next option as the value would
    /// silently drop it.
    /// </summary>
    public static string? OptionMissingItsValue(
        IReadOnlyList<string> args, IReadOnlyCollection<string> optionsWithValue)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (optionsWithValue.Contains(args[i]) && (i + 1 == args.Count || IsOption(args[i + 1])))
            {
                return args[i];
            }
        }

        return null;
    }

    private static bool IsOption(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal) || arg is "-o" or "-h";

    /// <summary>Whether <paramref name="args"/> ask for the usage text rather than a command.</summary>
    public static bool AsksForHelp(IReadOnlyList<string> args) => args.Any(arg => arg is "--help" or "-h");

    /// <summary>Parses <paramref name="args"/>, or returns the reason they are not valid.</summary>
    public static (CommandLine? CommandLine, string? Error) Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] is not ("convert" or "export"))
        {
            return (null, "expected 'convert', 'export' or 'compare' as the first argument");
        }

        string? input = null, output = null, projectRoot = null, prefix = null, tag = null, healthcheck = null;
        var allowSkip = false;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var published = new Dictionary<string, int?>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            string? Next() => i + 1 < args.Count ? args[++i] : null;
            switch (arg)
            {
                case "--output" or "-o": output = Next(); break;
                case "--apphost" when args[0] == "export": input = Next(); break;
                case "--allow-skip": allowSkip = true; break;
                case "--project-root": projectRoot = Next(); break;
                case "--image-prefix": prefix = Next(); break;
                case "--tag": tag = Next(); break;
                case "--project-healthcheck": healthcheck = Next(); break;
                case "--parameter":
                    if (Next()?.Split('=', 2) is not [var name, var value] || name.Length == 0)
                    {
                        return (null, "--parameter needs name=value");
                    }

                    parameters[name] = value;
                    break;
                case "--publish":
                    if (ParsePublish(Next()) is not var (service, port))
                    {
                        return (null, "--publish needs a service name, optionally followed by =<port> (1-65535)");
                    }

                    published[service] = port;
                    break;
                case var positional when !positional.StartsWith('-') && args[0] == "convert" && input is null:
                    input = positional;
                    break;
                default:
                    return (null, $"unexpected argument '{arg}'");
            }
        }

        if (input is null)
        {
            return (null, args[0] == "convert" ? "convert needs a manifest file" : "export needs --apphost <apphost>");
        }

        return output is null
            ? (null, "--output <dir> is required")
            : (new CommandLine(
                args[0], input, output, allowSkip, projectRoot, parameters, prefix, tag, healthcheck, published), null);
    }

    private static (string Service, int? Port)? ParsePublish(string? value)
    {
        switch (value?.Split('=', 2))
        {
            case [var service] when service.Length > 0:
                return (service, null);
            case [var service, var port] when service.Length > 0
                && int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                && number is > 0 and <= 65535:
                return (service, number);
            default:
                return null;
        }
    }
}
