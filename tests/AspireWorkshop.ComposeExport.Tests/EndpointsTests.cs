using AspireWorkshop.ComposeExport.Tests.Infrastructure;

namespace AspireWorkshop.ComposeExport.Tests;

/// <summary>Case endpoints: references resolve to what containers reach; only external ones are published.</summary>
public sealed class EndpointsTests : IDisposable
{
    private readonly TempDirectory temp = new();

    [Fact]
    public async Task References_resolve_to_the_service_name_and_the_container_port()
    {
        var run = await Export.ConvertValidAsync(Export.CaseManifest("endpoints"), temp.Combine("out"));

        Assert.Equal("http://gateway:8000", run.Delivered("client", "GATEWAY_URL"));
        Assert.Equal("gateway", run.Delivered("client", "GATEWAY_HOST"));
        Assert.Equal("8000", run.Delivered("client", "GATEWAY_PORT"));
        Assert.Equal("8000", run.Delivered("client", "GATEWAY_TARGET_PORT"));
        Assert.Equal("cache:6379", run.Delivered("client", "CACHE"));
        Assert.Equal("8000", run.Delivered("gateway", "LISTEN_PORT"));
    }

    [Fact]
    public async Task Only_the_external_binding_is_published_on_loopback_with_the_manifest_port()
    {
        var run = await Export.ConvertValidAsync(Export.CaseManifest("endpoints"), temp.Combine("out"));

        Assert.Equal(["127.0.0.1:8001:8000"], run.Service("gateway")["ports"]!.AsArray().Select(p => p.Text()));
        Assert.Null(run.Service("cache")["ports"]);
        Assert.Equal(["6379"], run.Service("cache")["expose"]!.AsArray().Select(p => p.Text()));
        Assert.Null(run.Service("client")["ports"]);
        Assert.Contains("gateway http: 127.0.0.1:8001 -> 8000", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_external_binding_without_a_port_gets_a_stable_chosen_port_that_the_summary_prints()
    {
        var manifest = File.ReadAllText(Export.CaseManifest("endpoints"))
            .Replace("\"targetPort\": 8000, \"port\": 8001,", "\"targetPort\": 8000,", StringComparison.Ordinal);
        var path = Export.WriteManifest(temp.Path, manifest);

        var first = await Export.ConvertValidAsync(path, temp.Combine("first"));
        var second = await Export.ConvertValidAsync(path, temp.Combine("second"));

        var published = first.Service("gateway")["ports"]![0].Text();
        Assert.Matches(@"^127\.0\.0\.1:\d+:8000$", published);
        Assert.Equal(published, second.Service("gateway")["ports"]![0].Text());
        Assert.Contains("chosen by the export", first.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_client_starts_after_the_services_it_references()
    {
        var run = await Export.ConvertValidAsync(Export.CaseManifest("endpoints"), temp.Combine("out"));

        var dependsOn = run.Service("client")["depends_on"]!.AsObject();
        Assert.Equal(["cache", "gateway"], dependsOn.Select(d => d.Key).Order());
        Assert.All(dependsOn, d => Assert.Equal("service_started", d.Value!["condition"].Text()));
    }

    public void Dispose() => temp.Dispose();
}
