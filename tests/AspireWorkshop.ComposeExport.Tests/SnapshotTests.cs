using AspireWorkshop.ComposeExport.Tests.Infrastructure;

namespace AspireWorkshop.ComposeExport.Tests;

/// <summary>The exported compose.yaml of each case, compared with its reviewed snapshot.</summary>
public sealed class SnapshotTests : IDisposable
{
    private readonly TempDirectory temp = new();

    [Theory]
    [MemberData(nameof(ComposeValidityTests.Cases), MemberType = typeof(ComposeValidityTests))]
    public async Task The_compose_file_of_each_case_matches_its_snapshot(string caseName)
    {
        // The secrets differ on every run, but they live in .env: compose.yaml is the same every time.
        var run = await Export.ConvertValidAsync(Export.CaseManifest(caseName), temp.Combine("out"));

        Snapshot.AssertMatches(caseName, run.ComposeText);
    }

    public void Dispose() => temp.Dispose();
}
