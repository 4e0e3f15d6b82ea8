using System.Text;
using System.Text.RegularExpressions;

namespace AspireWorkshop.ComposeExport.Conversion;

/// <summary>Maps Aspire resource names onto the names Compose and shells accept.</summary>
internal static partial class Names
{
    /// <summary>A Compose service name: lower case, <c>[a-z0-9][a-z0-9_.-]*</c>.</summary>
    public static string Service(string resourceName)
    {
        var builder = new StringBuilder(resourceName.Length);
        foreach (var c in resourceName.ToLowerInvariant())
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' ? c : '-');
        }

        var name = builder.ToString().TrimStart('_', '.', '-');
        if (name.Length == 0)
        {
            throw new ComposeExportException(
                $"Resource '{resourceName}' has no letter or digit to name a service after.");
        }

        return name;
    }

    /// <summary>A volume name Compose accepts: <c>[a-zA-Z0-9][a-zA-Z0-9_.-]*</c>.</summary>
    public static string Volume(string volumeName)
    {
        var builder = new StringBuilder(volumeName.Length);
        foreach (var c in volumeName)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' ? c : '-');
        }

        return builder.ToString().TrimStart('_', '.', '-');
    }

    /// <summary>
    /// The Compose volume for an AppHost volume: its name without the <c>APPNAME-HASH-</c> prefix that
    /// Aspire puts on generated names, so <c>aspireworkshop.apphost-06657949a8-postgres-data</c> becomes
    /// <c>postgres-data</c>. The hash comes from the AppHost's path and differs on every machine; Compose
    /// prefixes volumes with the project name anyway, which keeps them apart from the AppHost's own.
    /// </summary>
    public static string ComposeVolume(string appHostVolumeName)
    {
        var name = Volume(appHostVolumeName);
        var generated = AspireGeneratedVolume().Match(name);

        return generated.Success ? generated.Groups["rest"].Value : name;
    }

    /// <summary>An environment variable name for <c>.env</c>: upper case, <c>[A-Z_][A-Z0-9_]*</c>.</summary>
    public static string Variable(params ReadOnlySpan<string> parts)
    {
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            if (builder.Length > 0)
            {
                builder.Append('_');
            }

            foreach (var c in part.ToUpperInvariant())
            {
                builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
            }
        }

        return builder.Length > 0 && char.IsAsciiDigit(builder[0]) ? "_" + builder : builder.ToString();
    }

    // Aspire's VolumeNameGenerator: the sanitised application name, the first 10 hex digits of the
    // AppHost's SHA-256, the resource name and the suffix, joined by '-'.
    [GeneratedRegex("^[a-z0-9._-]+?-[0-9a-f]{10}-(?<rest>[a-z0-9].*)$")]
    private static partial Regex AspireGeneratedVolume();
}
