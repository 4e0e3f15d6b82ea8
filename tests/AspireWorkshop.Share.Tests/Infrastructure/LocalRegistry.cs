using System.Diagnostics;
using YamlDotNet.Serialization;

namespace AspireWorkshop.Share.Tests.Infrastructure;

/// <summary>
/// Debian's docker-registry (eng/setup.sh --registry installs it) serving plain HTTP on a free loopback
/// port, with its storage in a temporary folder. Docker Engine allows plain HTTP to registries on
/// 127.0.0.0/8 without any daemon setting, so pushes and pulls work as they would against a real one.
/// </summary>
public sealed class LocalRegistry : IAsyncDisposable
{
    private const string Executable = "/usr/bin/docker-registry";

    private readonly Process process;
    private readonly string directory;

    private LocalRegistry(Process process, string directory, string address)
    {
        this.process = process;
        this.directory = directory;
        Address = address;
    }

    /// <summary>HOST:PORT, as image names and <c>eng/share.sh --registry</c> take it.</summary>
    public string Address { get; }

    /// <summary>Starts a registry and waits, within <see cref="ShareTimeouts.RegistryStartup"/>, until it answers.</summary>
    public static async Task<LocalRegistry> StartAsync(CancellationToken cancellationToken)
    {
        Assert.SkipUnless(File.Exists(Executable), $"{Executable} is missing: run eng/setup.sh --registry");

        var directory = Directory.CreateTempSubdirectory("aspireworkshop-registry-").FullName;
        var address = $"127.0.0.1:{RepositoryPaths.FreeLoopbackPort()}";
        var config = Path.Combine(directory, "config.yml");

        // The package's own config asks for htpasswd logins and listens on every address; this one does neither.
        var settings = new RegistryConfig(
            "0.1",
            new RegistryStorage(new RegistryFilesystem(Path.Combine(directory, "data"))),
            new RegistryHttp(address));
        await File.WriteAllTextAsync(config, new SerializerBuilder().Build().Serialize(settings), cancellationToken);

        var start = new ProcessStartInfo(Executable)
        {
            ArgumentList = { "serve", config },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("docker-registry did not start.");
        process.StandardInput.Close();

        // Read and drop its log, so a full pipe never blocks it.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var registry = new LocalRegistry(process, directory, address);
        try
        {
            await registry.WaitUntilAnsweringAsync(cancellationToken);
        }
        catch
        {
            await registry.DisposeAsync();
            throw;
        }

        return registry;
    }

    /// <summary>The tags the registry holds for <paramref name="repository"/>.</summary>
    public async Task<IReadOnlyList<string>> TagsAsync(string repository, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TestTimeouts.Request };
        var list = await client.GetFromJsonAsync<TagList>(
            $"http://{Address}/v2/{repository}/tags/list", cancellationToken);

        return list?.Tags ?? [];
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().WaitAsync(TestTimeouts.DockerCommand);
        }

        process.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TestTimeouts.Request };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(ShareTimeouts.RegistryStartup);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"docker-registry exited with {process.ExitCode} while starting.");
            }

            try
            {
                using var response = await client.GetAsync($"http://{Address}/v2/", deadline.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
        }
    }

    private sealed record TagList(string Name, IReadOnlyList<string>? Tags);

    private sealed record RegistryConfig(
        [property: YamlMember(Alias = "version")] string Version,
        [property: YamlMember(Alias = "storage")] RegistryStorage Storage,
        [property: YamlMember(Alias = "http")] RegistryHttp Http);

    private sealed record RegistryStorage([property: YamlMember(Alias = "filesystem")] RegistryFilesystem Filesystem);

    private sealed record RegistryFilesystem([property: YamlMember(Alias = "rootdirectory")] string RootDirectory);

    private sealed record RegistryHttp([property: YamlMember(Alias = "addr")] string Addr);
}
