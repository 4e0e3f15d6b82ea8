using AspireWorkshop.ComposeExport.Cli;
using AspireWorkshop.ComposeExport.Tests.Infrastructure;

namespace AspireWorkshop.ComposeExport.Tests;

/// <summary>
/// <c>export --apphost</c> runs the AppHost through <c>dotnet run</c>. What that child prints belongs to the
/// export, not to whoever started the exporter: a test runner that reads messages from the exporter's
/// standard output, or a script that keeps only the summary, must never see it. These run the exporter
/// as its own process, with a stand-in AppHost that writes to both streams.
/// </summary>
public sealed class AppHostOutputTests : IDisposable
{
    private const string StandardOutputMarker = "stand-in-apphost-wrote-to-stdout";
    private const string StandardErrorMarker = "stand-in-apphost-wrote-to-stderr";

    // A cold `dotnet run` restores and builds the stand-in before it runs.
    private static readonly TimeSpan ExportTimeout = TimeSpan.FromMinutes(3);

    private readonly TempDirectory temp = new();

    [Fact]
    public async Task A_successful_export_prints_its_summary_and_nothing_the_apphost_printed()
    {
        var run = await ExportStandInAsync(exitCode: 0);

        Assert.True(run.ExitCode == ExportCommand.Success, run.Transcript);
        Assert.Contains("cache", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(StandardOutputMarker, run.Output + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(StandardErrorMarker, run.Output + run.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(temp.Combine("out", "compose.yaml")));
    }

    [Fact]
    public async Task A_failing_apphost_shows_its_own_output_in_the_error_and_none_on_standard_output()
    {
        var run = await ExportStandInAsync(exitCode: 3);

        Assert.True(run.ExitCode == ExportCommand.InvalidInput, run.Transcript);
        Assert.Contains("'dotnet run' exited with 3", run.Error, StringComparison.Ordinal);
        Assert.Contains(StandardOutputMarker, run.Error, StringComparison.Ordinal);
        Assert.Contains(StandardErrorMarker, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(StandardOutputMarker, run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(StandardErrorMarker, run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.Combine("out", "compose.yaml")));
    }

    public void Dispose() => temp.Dispose();

    /// <summary>
    /// Exports a console project that prints a marker on each stream, writes a one-container manifest
    /// where <c>--output-path</c> says and exits with <paramref name="exitCode"/>.
    /// </summary>
    private async Task<ProcessResult> ExportStandInAsync(int exitCode)
    {
        var project = temp.Combine("standin", "StandInAppHost.csproj");
        Directory.CreateDirectory(Path.GetDirectoryName(project)!);
        await File.WriteAllTextAsync(project, StandInProject, TestContext.Current.CancellationToken);
        var manifest = temp.Combine("standin-manifest.json");
        await File.WriteAllTextAsync(manifest, StandInManifest, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(
            temp.Combine("standin", "Program.cs"), StandInProgram(manifest, exitCode), TestContext.Current.CancellationToken);

        var exporter = Path.Combine(AppContext.BaseDirectory, "AspireWorkshop.ComposeExport.dll");

        return await ProcessRunner.RunAsync(
            "dotnet",
            [exporter, "export", "--apphost", project, "--output", temp.Combine("out")],
            ExportTimeout,
            TestContext.Current.CancellationToken,
            workingDirectory: temp.Path);
    }

    private const string StandInProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
        </Project>
        """;

    private const string StandInManifest = """{"resources":{"cache":{"type":"container.v0","image":"redis:7"}}}""";

    private static string StandInProgram(string manifestSource, int exitCode) => $"""
        Console.WriteLine("{StandardOutputMarker}");
        Console.Error.WriteLine("{StandardErrorMarker}");
        File.Copy(@"{manifestSource}", args[Array.IndexOf(args, "--output-path") + 1]);
        return {exitCode};
        """;
}
