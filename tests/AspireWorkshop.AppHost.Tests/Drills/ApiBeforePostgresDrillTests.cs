using System.Diagnostics;
using System.Net.Sockets;
using System.Reflection;
using System.Security.Cryptography;
using AspireWorkshop.AppHost.Tests.Infrastructure;

namespace AspireWorkshop.AppHost.Tests.Drills;

/// <summary>
/// Starts the Api on its own before its database exists, as Compose or a cluster may, then starts
/// Postgres on the port the Api was told about. No AppHost: nothing here waits for anything.
/// </summary>
public sealed class ApiBeforePostgresDrillTests : IAsyncLifetime
{
    private const string DefaultPostgresImage = "docker.io/library/postgres:17";

    private readonly CancellationToken _cancellationToken = TestContext.Current.CancellationToken;
    private readonly string _password = RandomNumberGenerator.GetHexString(24, lowercase: true);
    private readonly string _containerName = $"aspireworkshop-drill-{RandomNumberGenerator.GetHexString(8, lowercase: true)}";
    private readonly int _postgresPort = FreeLoopbackPort();
    private readonly List<string> _apiOutput = [];
    private Process? _apiProcess;

    [Fact]
    public async Task The_Api_answers_503_problems_until_Postgres_starts_and_then_serves_without_a_restart()
    {
        using var api = new HttpClient { BaseAddress = StartApi(), Timeout = TestTimeouts.Request };
        await WaitUntilListeningAsync(api);

        using (var health = await api.GetAsync("/health", _cancellationToken))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        }

        using (var list = await api.GetAsync("/items", _cancellationToken))
        {
            await ProblemAssertions.AssertServiceUnavailableProblemAsync(list, _cancellationToken);
        }

        using (var create = await api.PostAsJsonAsync("/items", new { name = "before the database" }, _cancellationToken))
        {
            await ProblemAssertions.AssertServiceUnavailableProblemAsync(create, _cancellationToken);
        }

        await StartPostgresAsync();

        await ApiProbe.WaitUntilHealthyAndListingAsync(api, DrillTimeouts.PostgresStartup, _cancellationToken);
        using var created = await api.PostAsJsonAsync("/items", new { name = "after the database" }, _cancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        lock (_apiOutput)
        {
            Assert.DoesNotContain(_apiOutput, line => line.Contains(_password, StringComparison.Ordinal));
        }
    }

    /// <inheritdoc />
    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_apiProcess is not null)
        {
            _apiProcess.Kill(entireProcessTree: true);
            await _apiProcess.WaitForExitAsync().WaitAsync(TestTimeouts.AppShutdown);
            _apiProcess.Dispose();
        }

        await DockerCli.RunAsync(["rm", "--force", "--volumes", _containerName]);
    }

    private Uri StartApi()
    {
        var url = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}");
        // Every stream is the child's own: the test runner exchanges messages with this process over its own.
        var start = new ProcessStartInfo("dotnet", [ApiAssemblyPath()])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_URLS"] = url.ToString(),
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                // A short connect timeout keeps each failed attempt, and so each 503, quick.
                ["ConnectionStrings__todos"] =
                    $"Host=127.0.0.1;Port={_postgresPort};Username=postgres;Password={_password};Database=todos;Timeout=3",
            },
        };
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");

        _apiProcess = Process.Start(start) ?? throw new InvalidOperationException("Could not start the Api.");
        _apiProcess.StandardInput.Close();
        _apiProcess.OutputDataReceived += (_, line) => Capture(line.Data);
        _apiProcess.ErrorDataReceived += (_, line) => Capture(line.Data);
        _apiProcess.BeginOutputReadLine();
        _apiProcess.BeginErrorReadLine();

        return url;
    }

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_apiOutput)
        {
            _apiOutput.Add(line);
        }
    }

    private async Task WaitUntilListeningAsync(HttpClient api)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(_cancellationToken);
        limit.CancelAfter(DrillTimeouts.ApiProcessStartup);
        while (true)
        {
            try
            {
                using var alive = await api.GetAsync("/alive", limit.Token);
                Assert.Equal(HttpStatusCode.OK, alive.StatusCode);

                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), limit.Token);
            }
        }
    }

    private async Task StartPostgresAsync()
    {
        var image = Environment.GetEnvironmentVariable("WorkshopImages__Postgres") is { Length: > 0 } configured
            ? configured
            : DefaultPostgresImage;

        await DockerCli.RunAsync(
        [
            "run", "--detach", "--name", _containerName,
            "--env", $"POSTGRES_PASSWORD={_password}", "--env", "POSTGRES_DB=todos",
            "--publish", $"127.0.0.1:{_postgresPort}:5432",
            image,
        ]);
    }

    // The Api is built next to the AppHost (the AppHost references it), in this run's configuration.
    private static string ApiAssemblyPath()
    {
        var project = new Projects.AspireWorkshop_Api().ProjectPath;
        var configuration = typeof(ApiBeforePostgresDrillTests).Assembly
            .GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var assembly = Path.Combine(Path.GetDirectoryName(project)!, "bin", configuration, "net10.0", "AspireWorkshop.Api.dll");

        return File.Exists(assembly) ? assembly : throw new FileNotFoundException("The Api is not built.", assembly);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();

        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
