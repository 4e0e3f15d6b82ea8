using AspireWorkshop.ComposeExport.Tests.Infrastructure;

namespace AspireWorkshop.ComposeExport.Tests;

/// <summary><c>--publish</c>: an internal HTTP endpoint reached from the host, as the end-to-end tests need.</summary>
public sealed class PublishTests : IDisposable
{
    private readonly TempDirectory temp = new();

    private string InternalGatewayManifest() => Export.WriteManifest(
        temp.Path,
        File.ReadAllText(Export.CaseManifest("endpoints"))
            .Replace("\"port\": 8001, \"external\": true", "\"port\": 8001", StringComparison.Ordinal));

    [Fact]
    public async Task An_internal_endpoint_is_published_only_when_asked()
    {
        var manifest = InternalGatewayManifest();

        var plain = await Export.ConvertValidAsync(manifest, temp.Combine("plain"));
        var published = await Export.ConvertValidAsync(manifest, temp.Combine("published"), ["--publish", "gateway"]);

        Assert.Null(plain.Service("gateway")["ports"]);
        Assert.Matches(@"^127\.0\.0\.1:\d+:8000$", published.Service("gateway")["ports"]![0].Text());
        Assert.Null(published.Service("cache")["ports"]);
    }

    [Fact]
    public async Task A_port_given_with_publish_replaces_the_manifest_port()
    {
        var run = await Export.ConvertValidAsync(
            Export.CaseManifest("endpoints"), temp.Combine("out"), ["--publish", "gateway=18123"]);

        Assert.Equal(["127.0.0.1:18123:8000"], run.Service("gateway")["ports"]!.AsArray().Select(p => p.Text()));
        Assert.Contains("gateway http: 127.0.0.1:18123 -> 8000", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nosuchservice", 1)]
    [InlineData("gateway=0", 2)]
    [InlineData("gateway=http", 2)]
    [InlineData("=8000", 2)]
    public async Task A_wrong_publish_is_refused(string publish, int exitCode)
    {
        var run = await Export.ConvertAsync(
            Export.CaseManifest("endpoints"), temp.Combine("out"), ["--publish", publish]);

        Assert.Equal(exitCode, run.ExitCode);
        Assert.Contains("publish", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => temp.Dispose();
}
