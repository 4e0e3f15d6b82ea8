using System.Text;

namespace AspireWorkshop.ComposeExport.Compose;

/// <summary>
/// The <c>.env</c> dialect both Compose CLIs read byte for byte alike: <c>NAME='value'</c>, one per line.
/// </summary>
/// <remarks>
/// Single quotes are the only form in which <c>docker compose</c> v2 expands nothing: it expands
/// <c>$NAME</c> and <c>${NAME}</c> in unquoted and double-quoted values. Inside single quotes both
/// v2 and docker-compose 1.29 (python-dotenv) read <c>\'</c> as a quote and keep any other backslash,
/// but they disagree on <c>\\</c> (1.29 reads one backslash, v2 two). docker-compose 1.29 also expands
/// <c>${NAME}</c> even inside single quotes, and neither has an escape for it. A value that cannot be
/// written so that both read it back exactly is refused rather than changed.
/// </remarks>
public static class DotEnvFormat
{
    /// <summary>Why <paramref name="value"/> cannot pass through <c>.env</c> unchanged; null if it can.</summary>
    public static string? WhyNotCarriable(string value)
    {
        if (value.Contains("${", StringComparison.Ordinal))
        {
            return "it contains '${', which docker-compose 1.29 expands inside .env values even when quoted";
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is '\n' or '\r')
            {
                return "it contains a line break, which a one-line .env entry cannot hold";
            }

            if (char.IsControl(c) && c != '\t')
            {
                return $"it contains the control character U+{(int)c:X4}";
            }

            if (c == '\\' && (i == value.Length - 1 || value[i + 1] is '\\' or '\''))
            {
                return "it has a backslash before another backslash, a quote or the end, which the two Compose CLIs "
                    + "read differently in .env";
            }
        }

        return null;
    }

    /// <summary>Formats one entry; the value must have passed <see cref="WhyNotCarriable"/>.</summary>
    public static string FormatEntry(string name, string value)
    {
        if (WhyNotCarriable(value) is { } reason)
        {
            throw new ArgumentException($"The value of {name} cannot be written to .env: {reason}.", nameof(value));
        }

        return $"{name}='{value.Replace("'", "\\'", StringComparison.Ordinal)}'";
    }

    /// <summary>Reads the entries of a <c>.env</c> this class wrote; unquoted values are read as they stand.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string content)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rawLine in content.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (line.TrimStart().StartsWith('#') || equals <= 0)
            {
                continue;
            }

            var name = line[..equals].Trim();
            var value = line[(equals + 1)..];
            entries[name] = value.Length >= 2 && value[0] == '\'' && value[^1] == '\''
                ? Unescape(value[1..^1])
                : value.Trim();
        }

        return entries;
    }

    private static string Unescape(string quoted)
    {
        var builder = new StringBuilder(quoted.Length);
        for (var i = 0; i < quoted.Length; i++)
        {
            if (quoted[i] == '\\' && i + 1 < quoted.Length && quoted[i + 1] == '\'')
            {
                i++;
            }

            builder.Append(quoted[i]);
        }

        return builder.ToString();
    }
}
