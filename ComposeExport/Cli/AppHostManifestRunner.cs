using System.Diagnostics;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace AspireWorkshop.ComposeExport.Cli;

/// <summary>An AppHost that <see cref="AppHostManifestRunner"/> checked and can run.</summary>
/// <param name="Path">The project file, or the built assembly.</param>
/// <param name="IsBuiltAssembly">True for a built .dll, which runs without MSBuild.</param>
internal sealed record RunnableAppHost(string Path, bool IsBuiltAssembly);

/// <summary>
/// Runs an AppHost with <c>--publisher manifest</c> so that it writes its manifest: a project through
/// <c>dotnet run</c>, which builds it first when it has changed, or an AppHost assembly that is already
/// built as it is, which skips MSBuild altogether. The AppHost's streams are its own pipes, never this
/// process's: whoever runs the exporter (a terminal, a script, a test runner that speaks a protocol over
/// standard output) gets the summary alone, and the AppHost's build and log output is shown only when it
/// fails. A cancelled export stops the AppHost and whatever it started.
/// </summary>
internal static class AppHostManifestRunner
{
    // A cold machine restores and builds the AppHost and its projects before the manifest is written.
    private static readonly TimeSpan ManifestTimeout = TimeSpan.FromMinutes(10);

    // How often an export waiting for another export of the same AppHost looks again.
    private static readonly TimeSpan LockRetryDelay = TimeSpan.FromMilliseconds(500);

    // Enough of a failed build or start-up to show its errors, without a whole build log.
    private const int OutputLinesShownOnFailure = 40;

    // The Aspire AppHost SDK stamps every AppHost assembly with this metadata key, and nothing else.
    private const string AppHostAssemblyMetadataKey = "apphostprojectpath";

    private const string ExpectedForms =
        "Give the AppHost's project file (.csproj), its folder, or the .dll that building it wrote.";

    /// <summary>
    /// Checks <paramref name="appHost"/> before anything runs: a folder stands for the one project file
    /// in it, as with <c>dotnet run --project</c>; a project must be an Aspire AppHost project and an
    /// assembly an AppHost assembly, since any other program (the Api, say) would start and never write
    /// a manifest.
    /// </summary>
    public static RunnableAppHost Resolve(string appHost)
    {
        if (Directory.Exists(appHost))
        {
            var projects = Directory.GetFiles(appHost, "*.csproj");
            if (projects.Length != 1)
            {
                throw new ComposeExportException(
                    $"'{appHost}' is a folder with {projects.Length} project files; name the AppHost's one.");
            }

            appHost = projects[0];
        }

        if (!File.Exists(appHost))
        {
            throw new ComposeExportException($"AppHost '{appHost}' does not exist. {ExpectedForms}");
        }

        switch (Path.GetExtension(appHost).ToLowerInvariant())
        {
            case ".csproj" when IsAppHostProject(appHost):
                return new RunnableAppHost(appHost, IsBuiltAssembly: false);
            case ".csproj":
                throw new ComposeExportException(
                    $"'{appHost}' is not an Aspire AppHost project: it does not use Aspire.AppHost.Sdk.");
            case ".dll" when IsAppHostAssembly(appHost):
                return new RunnableAppHost(appHost, IsBuiltAssembly: true);
            case ".dll":
                throw new ComposeExportException(
                    $"'{appHost}' is not a built Aspire AppHost: "
                    + $"it carries no '{AppHostAssemblyMetadataKey}' metadata.");
            default:
                throw new ComposeExportException($"'{appHost}' is neither a project nor an assembly. {ExpectedForms}");
        }
    }

    /// <summary>Writes the manifest of <paramref name="appHost"/> to <paramref name="manifestPath"/>.</summary>
    public static async Task WriteManifestAsync(
        RunnableAppHost appHost, string manifestPath, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ManifestTimeout);
        if (appHost.IsBuiltAssembly)
        {
            var start = BuiltAssemblyStart(appHost.Path, manifestPath);
            await RunAsync(start, manifestPath, cancellationToken, timeout.Token);

            return;
        }

        FileStream appHostLock;
        try
        {
            appHostLock = await LockAppHostAsync(appHost.Path, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ComposeExportException(
                $"Another export of {appHost.Path} kept it busy for over {ManifestTimeout.TotalMinutes} minutes.");
        }

        await using var heldLock = appHostLock;
        await RunAsync(ProjectStart(appHost.Path, manifestPath), manifestPath, cancellationToken, timeout.Token);
    }

    // The AppHost SDK is named in the project's Sdk attribute or an <Sdk> element; IsAspireHost is the
    // property it sets, written out by projects that import the SDK some other way.
    private static bool IsAppHostProject(string project)
    {
        XElement root;
        try
        {
            root = XDocument.Load(project).Root!;
        }
        catch (XmlException)
        {
            return false;
        }

        var sdks = ((string?)root.Attribute("Sdk") ?? "").Split(';')
            .Concat(Children(root, "Sdk").Select(sdk => (string?)sdk.Attribute("Name") ?? ""));
        var isAspireHost = Children(root, "PropertyGroup").SelectMany(group => Children(group, "IsAspireHost"))
            .Any(property => property.Value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase));

        return isAspireHost
            || sdks.Any(sdk => sdk.Trim().StartsWith("Aspire.AppHost.Sdk", StringComparison.OrdinalIgnoreCase));
    }

    // Old-style project files put every element in the MSBuild namespace; SDK-style ones use none.
    private static IEnumerable<XElement> Children(XElement parent, string name) =>
        parent.Elements().Where(element => element.Name.LocalName == name);

    private static bool IsAppHostAssembly(string assembly)
    {
        try
        {
            using var stream = File.OpenRead(assembly);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                return false;
            }

            var metadata = pe.GetMetadataReader();

            return metadata.GetAssemblyDefinition().GetCustomAttributes()
                .Select(metadata.GetCustomAttribute)
                .Where(attribute => IsAssemblyMetadataAttribute(metadata, attribute))
                .Select(attribute => attribute.DecodeValue(new StringArgumentsDecoder()))
                .Any(value => value.FixedArguments is [{ Value: AppHostAssemblyMetadataKey }, _]);
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    private static bool IsAssemblyMetadataAttribute(MetadataReader metadata, CustomAttribute attribute)
    {
        if (attribute.Constructor.Kind != HandleKind.MemberReference)
        {
            return false;
        }

        var constructor = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor);

        return constructor.Parent.Kind == HandleKind.TypeReference
            && metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)constructor.Parent).Name)
                == "AssemblyMetadataAttribute";
    }

    private static ProcessStartInfo ProjectStart(string project, string manifestPath) =>
        new("dotnet", ["run", "--project", project, "--", .. PublisherArguments(manifestPath)]);

    private static ProcessStartInfo BuiltAssemblyStart(string assembly, string manifestPath) =>
        new("dotnet", [Path.GetFullPath(assembly), .. PublisherArguments(manifestPath)])
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(assembly)),
        };

    private static string[] PublisherArguments(string manifestPath) =>
        ["--publisher", "manifest", "--output-path", manifestPath];

    private static async Task RunAsync(
        ProcessStartInfo start, string manifestPath, CancellationToken cancellationToken, CancellationToken bounded)
    {
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var output = new RecentLines(OutputLinesShownOnFailure);
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        if (!process.Start())
        {
            throw new ComposeExportException("Could not start 'dotnet' to run the AppHost.");
        }

        // Nothing is ever typed into an export: an AppHost that waits for input gets end-of-file at once.
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(bounded);
        }
        catch (OperationCanceledException)
        {
            // dotnet run starts the AppHost as a child of its own, so the whole tree goes.
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();

            throw new ComposeExportException(
                $"The AppHost did not write its manifest within {ManifestTimeout.TotalMinutes} minutes. "
                + $"Its last output:\n{output}");
        }

        // Ctrl+C reaches the whole process group: an AppHost that died of it is a cancelled export.
        cancellationToken.ThrowIfCancellationRequested();
        if (process.ExitCode != 0 || !File.Exists(manifestPath))
        {
            throw new ComposeExportException(
                $"The AppHost failed to write its manifest ('{start.FileName} {start.ArgumentList[0]}' exited with "
                + $"{process.ExitCode}). Its last output:\n{output}");
        }
    }

    /// <summary>
    /// Two exports of one AppHost at once (parallel test projects, two terminals) would build it into the
    /// same folders at the same time, and one build fails. An exclusive lock on a file named after the
    /// AppHost's path makes the second wait for the first; the operating system drops it if a process dies.
    /// The small file stays: deleting it on release would let a waiter lock the deleted file while a
    /// third export locks a new one.
    /// </summary>
    private static async Task<FileStream> LockAppHostAsync(string appHost, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(appHost))))[..16];
        var path = Path.Combine(Path.GetTempPath(), $"aspireworkshop-export-{key}.lock");
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(LockRetryDelay, cancellationToken);
            }
        }
    }

    /// <summary>The last lines of both of a process's streams, in the order they arrived.</summary>
    private sealed class RecentLines(int capacity)
    {
        private readonly Queue<string> lines = new(capacity);

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (lines)
            {
                if (lines.Count == capacity)
                {
                    lines.Dequeue();
                }

                lines.Enqueue(line);
            }
        }

        public override string ToString()
        {
            lock (lines)
            {
                return lines.Count == 0 ? "(nothing)" : string.Join('\n', lines);
            }
        }
    }

    /// <summary>Decodes attribute arguments far enough to read AssemblyMetadata's two strings.</summary>
    private sealed class StringArgumentsDecoder : ICustomAttributeTypeProvider<string>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

        public string GetSystemType() => "System.Type";

        public string GetSZArrayType(string elementType) => $"{elementType}[]";

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
            reader.GetString(reader.GetTypeDefinition(handle).Name);

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
            reader.GetString(reader.GetTypeReference(handle).Name);

        public string GetTypeFromSerializedName(string name) => name;

        public PrimitiveTypeCode GetUnderlyingEnumType(string type) => PrimitiveTypeCode.Int32;

        public bool IsSystemType(string type) => type == "System.Type";
    }
}
