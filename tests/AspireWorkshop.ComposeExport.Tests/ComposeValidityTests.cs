using AspireWorkshop.ComposeExport.Tests.Infrastructure;

namespace AspireWorkshop.ComposeExport.Tests;

/// <summary>Every case's export is accepted by the real consumer, nothing docker-compose 1.29 rejects.</summary>
public sealed class ComposeValidityTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public static TheoryData<string> Cases =>
        ["endpoints", "nested-references", "scalars-and-dollars", "special-password"];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_case_is_accepted_by_docker_compose_config(string caseName)
    {
        Assert.SkipUnless(DockerCompose.IsInstalled, DockerCompose.SkipReason);
        await Export.ConvertValidAsync(Export.CaseManifest(caseName), temp.Combine("out"));

        var result = await DockerCompose.RunAsync(
            temp.Combine("out"), ["config", "-q"], TestTimeouts.ComposeCommand, TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("", result.Error.Trim());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_case_matches_the_compose_schema_without_keys_docker_compose_1_29_rejects(string caseName)
    {
        var run = await Export.ConvertValidAsync(Export.CaseManifest(caseName), temp.Combine("out"));

        Assert.Null(run.Compose["name"]);
        Assert.Null(run.Compose["version"]);
        Assert.DoesNotContain("start_interval", run.ComposeText, StringComparison.Ordinal);
        Assert.DoesNotContain("required:", run.ComposeText, StringComparison.Ordinal);
        Assert.DoesNotContain("host_ip", run.ComposeText, StringComparison.Ordinal);
    }

    public void Dispose() => temp.Dispose();
}
