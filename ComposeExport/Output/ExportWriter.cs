using System.Text;
using AspireWorkshop.ComposeExport.Conversion;

namespace AspireWorkshop.ComposeExport.Output;

/// <summary>Writes a conversion result into a folder without ever leaving it half-written.</summary>
public static class ExportWriter
{
    /// <summary>The name of the Compose file in the output folder.</summary>
    public const string ComposeFileName = "compose.yaml";

    /// <summary>The name of the file holding the secrets, next to the Compose file.</summary>
    public const string EnvFileName = ".env";

    private const UnixFileMode PrivateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PublicMode = PrivateMode | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>
    /// Writes every file to a temporary name in <paramref name="outputDirectory"/> first and renames them into
    /// place only once all are written, so a failure leaves the previous export as it was.
    /// </summary>
    /// <exception cref="ComposeExportException">The folder cannot be created or written to.</exception>
    public static async Task WriteAsync(
        ConversionResult result, string outputDirectory, CancellationToken cancellationToken)
    {
        try
        {
            await WriteFilesAsync(result, outputDirectory, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw CannotWrite(outputDirectory, ex);
        }
    }

    /// <summary>The error for an output folder that cannot be created or written, naming it and the cause.</summary>
    public static ComposeExportException CannotWrite(string outputDirectory, Exception cause) =>
        new($"Cannot write the export to --output '{outputDirectory}': {cause.Message}", cause);

    private static async Task WriteFilesAsync(
        ConversionResult result, string outputDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(outputDirectory);

        // .env holds secrets: it is created 0600, never widened afterwards. The init scripts are read by
        // the container's postgres user, so they stay world-readable like any source file.
        var files = new List<(string Name, string Content, UnixFileMode Mode)>
        {
            (ComposeFileName, result.ComposeYaml, PublicMode),
            (EnvFileName, result.DotEnv, PrivateMode),
        };
        files.AddRange(result.ExtraFiles.Select(f => (f.Key, f.Value, PublicMode)));

        var staged = new List<(string Temporary, string Final)>();
        try
        {
            foreach (var (name, content, mode) in files)
            {
                var final = Path.Combine(outputDirectory, name);
                var temporary = Path.Combine(outputDirectory, $".{name}.{Guid.NewGuid():N}.tmp");
                staged.Add((temporary, final));
                await WriteNewFileAsync(temporary, content, mode, cancellationToken);
            }

            foreach (var (temporary, final) in staged)
            {
                File.Move(temporary, final, overwrite: true);
            }

            RemoveStaleInitScripts(outputDirectory, result.ExtraFiles.Keys);
        }
        finally
        {
            foreach (var (temporary, _) in staged.Where(s => File.Exists(s.Temporary)))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>
    /// An init script an earlier export wrote for databases this one no longer needs would be left behind,
    /// looking as if it were used; only files starting with the exporter's own header are removed.
    /// </summary>
    private static void RemoveStaleInitScripts(string outputDirectory, IEnumerable<string> written)
    {
        var current = written.ToHashSet(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(outputDirectory, $"*{PostgresDatabases.InitScriptSuffix}"))
        {
            if (!current.Contains(Path.GetFileName(path))
                && File.ReadLines(path).FirstOrDefault() is { } first
                && first.StartsWith(PostgresDatabases.InitScriptHeader, StringComparison.Ordinal))
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>Reads the <c>.env</c> a previous export left in <paramref name="outputDirectory"/>, if any.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ReadExistingEnvAsync(
        string outputDirectory, CancellationToken cancellationToken)
    {
        var path = Path.Combine(outputDirectory, EnvFileName);

        return File.Exists(path)
            ? Compose.DotEnvFormat.Parse(await File.ReadAllTextAsync(path, cancellationToken))
            : new Dictionary<string, string>();
    }

    private static async Task WriteNewFileAsync(
        string path, string content, UnixFileMode mode, CancellationToken cancellationToken)
    {
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = mode;
        }

        await using var stream = new FileStream(path, fileOptions);
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(content);
        await stream.WriteAsync(bytes, cancellationToken);
    }
}
