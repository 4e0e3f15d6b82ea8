using System.Data.Common;

namespace AspireWorkshop.ComposeExport.Conversion;

/// <summary>
/// Places values into <c>key=value;…</c> connection strings (the ADO.NET grammar Npgsql reads) so that
/// a parser gets back exactly the value that went in.
/// </summary>
internal static class ConnectionStrings
{
    private static readonly char[] NeedsQuoting = [';', '"', '\''];

    /// <summary>
    /// The value as it must appear after <c>key=</c>: unchanged when that is safe, otherwise in double
    /// quotes with inner double quotes doubled, which keeps a single quote out of the <c>.env</c> file.
    /// </summary>
    public static string Quote(string value) =>
        value.IndexOfAny(NeedsQuoting) < 0 && value.Trim().Length == value.Length
            ? value
            : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    /// <summary>Whether the connection string parses with <paramref name="key"/> = <paramref name="value"/>.</summary>
    public static bool RoundTrips(string connectionString, string key, string value)
    {
        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };

            // The ADO.NET parser leaves out a key whose value is empty.
            return builder.TryGetValue(key, out var parsed) ? parsed as string == value : value.Length == 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// Whether <paramref name="text"/> reads as a connection string: at least two <c>key=value</c> pairs
    /// separated by ';' that the ADO.NET parser accepts.
    /// </summary>
    public static bool IsPairList(string text)
    {
        if (!text.Contains(';', StringComparison.Ordinal) || !text.Contains('=', StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            return new DbConnectionStringBuilder { ConnectionString = text }.Count >= 2;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Whether a value inside a pair, not its whole value, could change the string's meaning.</summary>
    public static bool CouldBreakOut(string value) =>
        value.IndexOfAny([';', '"', '\'', '=', ',']) >= 0 || value.Any(char.IsWhiteSpace);
}
