namespace AspireWorkshop.Compose.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The stand-in images eng/setup.sh records in artifacts/workshop-images.env on a machine that cannot
/// pull the upstream ones (<c>export NAME=value</c> lines). Variables already set in this process win,
/// as they do when a shell sourced the file; on a machine without the file nothing is added.
/// </summary>
internal static class WorkshopImages
{
    public static IReadOnlyDictionary<string, string?> Environment { get; } = Read();

    private static Dictionary<string, string?> Read()
    {
        var path = Path.Combine(Repository.Root, "artifacts", "workshop-images.env");
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return variables;
        }

        foreach (var line in File.ReadAllLines(path))
        {
            const string export = "export ";
            var trimmed = line.Trim();
            if (trimmed.StartsWith(export, StringComparison.Ordinal)
                && trimmed[export.Length..].Split('=', 2) is [var rawName, var value])
            {
                var name = rawName.Trim();
                variables[name] = System.Environment.GetEnvironmentVariable(name) ?? value.Trim().Trim('\'', '"');
            }
        }

        return variables;
    }
}
