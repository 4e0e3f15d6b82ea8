using System.Text.Json;

namespace AspireWorkshop.ComposeExport.Manifest;

/// <summary>Reads an Aspire deployment manifest into the typed model.</summary>
public static class ManifestReader
{
    /// <summary>Reads and checks the manifest at <paramref name="path"/>.</summary>
    /// <exception cref="ComposeExportException">The file is missing, is not JSON or lacks required fields.</exception>
    public static async Task<AspireManifest> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new ComposeExportException($"Manifest '{path}' does not exist.");
        }

        await using var stream = File.OpenRead(path);

        return await ReadAsync(stream, path, cancellationToken);
    }

    /// <summary>Reads and checks a manifest from a stream; errors call it <paramref name="name"/>.</summary>
    /// <exception cref="ComposeExportException">The content is not JSON or lacks required fields.</exception>
    public static async Task<AspireManifest> ReadAsync(Stream stream, string name, CancellationToken cancellationToken)
    {
        AspireManifest? manifest;
        try
        {
            manifest = await JsonSerializer.DeserializeAsync(
                stream, ManifestJsonContext.Default.AspireManifest, cancellationToken);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1})" : "";

            throw new ComposeExportException(
                $"Manifest '{name}' is not valid JSON{where}: {FirstLine(ex.Message)}", ex);
        }

        if (manifest?.Resources is null)
        {
            throw new ComposeExportException($"Manifest '{name}' has no \"resources\" object.");
        }

        ManifestValidator.Validate(manifest);

        return manifest;
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
