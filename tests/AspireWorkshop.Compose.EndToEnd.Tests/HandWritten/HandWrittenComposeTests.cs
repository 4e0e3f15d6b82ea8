using System.Security.Cryptography;
using AspireWorkshop.Compose.EndToEnd.Tests.Infrastructure;

namespace AspireWorkshop.Compose.EndToEnd.Tests.HandWritten;

/// <summary>
/// The hand-written compose.yaml at the repository root, brought up as a reader of the workshop would,
/// with the password and port that .env would hold given through the environment instead.
/// </summary>
public sealed class HandWrittenDeploymentFixture : IAsyncLifetime
{
    /// <summary>The page's port on 127.0.0.1 (WEB_PORT).</summary>
    public int WebPort { get; } = FreePort.Next();

    internal ComposeDeployment Deployment { get; }

    public HandWrittenDeploymentFixture()
    {
        // Variables in the environment win over a developer's own .env at the root.
        var environment = new Dictionary<string, string?>(WorkshopImages.Environment)
        {
            ["POSTGRES_PASSWORD"] = RandomNumberGenerator.GetHexString(24),
            ["WEB_PORT"] = WebPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        Deployment = new ComposeDeployment(Repository.HandWrittenCompose, environment, []);
    }

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        try
        {
            await Deployment.UpAsync(build: true, TestContext.Current.CancellationToken);
        }
        catch
        {
            await Deployment.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Deployment.DisposeAsync();
}

public sealed class HandWrittenComposeTests(HandWrittenDeploymentFixture fixture)
    : IClassFixture<HandWrittenDeploymentFixture>
{
    private readonly CancellationToken _cancellationToken = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_page_is_served_on_the_published_port_once_every_service_is_healthy()
    {
        using var web = new HttpClient
        {
            BaseAddress = new Uri($"http://127.0.0.1:{fixture.WebPort}"),
            Timeout = TestTimeouts.Request,
        };

        using var response = await web.GetAsync("/", _cancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(_cancellationToken);
        Assert.Contains("<h1>Todo</h1>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_data_lives_in_the_named_volume()
    {
        Assert.Equal(
            [$"{fixture.Deployment.ProjectName}_postgres-data"],
            await fixture.Deployment.VolumesAsync(_cancellationToken));
    }
}
