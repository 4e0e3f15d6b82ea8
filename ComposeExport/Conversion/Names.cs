using System.Text;

namespace AspireWorkshop.ComposeExport.Conversion;

/// <summary>Maps Aspire resource names onto the names Compose and shells accept.</summary>
internal static class Names
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
}
