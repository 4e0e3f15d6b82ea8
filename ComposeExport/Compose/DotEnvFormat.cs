namespace AspireWorkshop.ComposeExport.Compose;

/// <summary>
/// The <c>.env</c> dialect both Compose CLIs read byte for byte alike: one <c>NAME='value'</c> per line,
/// or <c>NAME="value"</c> for a value holding a single quote.
/// </summary>
/// <remarks>
/// Single quotes are the only form in which <c>docker compose</c> v2 expands nothing (it expands
/// <c>$NAME</c> and <c>${NAME}</c> in unquoted and double-quoted values), and its versions disagree on
/// <c>\'</c> inside them, so a single-quoted value holds no single quote. There, docker-compose 1.29
/// (python-dotenv) reads <c>\\</c> as one backslash where v2 keeps two, and a backslash before the
/// closing quote escapes it for both. A value with a single quote goes in double quotes, where both
/// read <c>\"</c> as a quote, but both also expand <c>$</c> and backslash escapes there, so it may hold
/// neither. docker-compose 1.29 expands <c>${NAME}</c> in every form and has no escape for it. A value
/// that cannot be written so that both read it back exactly is refused rather than changed.
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

        if (value.Any(c => c is '\n' or '\r'))
        {
            return "it contains a line break, which a one-line .env entry cannot hold";
        }

        if (value.Where(c => char.IsControl(c) && c != '\t').Select(c => (int?)c).FirstOrDefault() is { } control)
        {
            return $"it contains the control character U+{control:X4}";
        }

        if (value.Contains('\'', StringComparison.Ordinal))
        {
            return value.IndexOfAny(['$', '\\']) >= 0
                ? "it holds a single quote together with '$' or a backslash, which no .env quoting keeps "
                    + "for both Compose CLIs"
                : null;
        }

        return value.Contains(@"\\", StringComparison.Ordinal) || value.EndsWith('\\')
            ? "it has a backslash before another backslash or at the end, which the two Compose CLIs "
                + "read differently in .env"
            : null;
    }

    /// <summary>Formats one entry; the value must have passed <see cref="WhyNotCarriable"/>.</summary>
    public static string FormatEntry(string name, string value)
    {
        if (WhyNotCarriable(value) is { } reason)
        {
            throw new ArgumentException($"The value of {name} cannot be written to .env: {reason}.", nameof(value));
        }

        return value.Contains('\'', StringComparison.Ordinal)
            ? $"{name}=\"{value.Replace("\"", "\\\"", StringComparison.Ordinal)}\""
            : $"{name}='{value}'";
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
            entries[name] = value switch
            {
                ['\'', .. var quoted, '\''] => quoted,
                ['"', .. var quoted, '"'] => quoted.Replace("\\\"", "\"", StringComparison.Ordinal),
                _ => value.Trim(),
            };
        }

        return entries;
    }
}
