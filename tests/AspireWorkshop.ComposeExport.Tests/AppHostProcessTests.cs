using System.Globalization;
using AspireWorkshop.ComposeExport.Cli;
using AspireWorkshop.ComposeExport.Tests.Infrastructure;

namespace AspireWorkshop.ComposeExport.Tests;

/// <summary>
/// <c>export --apphost</c> runs the AppHost through <c>dotnet run</c>. What that child prints belongs to the
/// export, not to whoever started the exporter: a test runner that reads messages from the exporter's
/// standard output, or a script that keeps only the summary, must never see it; and an interrupted export
/// takes the child with it. These run the exporter as its own process, with a stand-in AppHost.
/// </summary>
public sealed class AppHostProcessTests : IDisposable
{
    private const string StandardOutputMarker = "stand-in-apphost-wrote-to-stdout";
    private const string StandardErrorMarker = "stand-in-apphost-wrote-to-stderr";

    private static readonly TimeSpan StoppedProcessGrace = TimeSpan.FromSeconds(10);

    // Tells the stand-in to record its process id and wait until it is stopped.
    private const string HangingExitCode = "hang";

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
        var run = await ExportStandInAsync(exitCode: 3, output: temp.Combine("out", "nested", "deeper"));

        Assert.True(run.ExitCode == ExportCommand.InvalidInput, run.Transcript);
        Assert.Contains("('dotnet run' exited with 3)", run.Error, StringComparison.Ordinal);
        Assert.Contains(StandardOutputMarker, run.Error, StringComparison.Ordinal);
        Assert.Contains(StandardErrorMarker, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(StandardOutputMarker, run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(StandardErrorMarker, run.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Combine("out")));
    }

    [Fact]
    public async Task The_apphost_folder_is_exported_like_its_project_file()
    {
        var run = await ExportStandInAsync(exitCode: 0, giveFolder: true);

        Assert.True(run.ExitCode == ExportCommand.Success, run.Transcript);
        Assert.True(File.Exists(temp.Combine("out", "compose.yaml")));
    }

    [Fact]
    public async Task A_terminated_export_stops_the_apphost_and_leaves_no_output_folder()
    {
        var export = ExportStandInAsync(HangingExitCode, giveFolder: false);
        var pidFile = temp.Combine("standin.pid");
        using (var deadline = new CancellationTokenSource(ExportTimeout))
        {
            while (!File.Exists(pidFile) || new FileInfo(pidFile).Length == 0)
            {
                if (export.IsCompleted)
                {
                    Assert.Fail($"The export ended before the stand-in started:\n{(await export).Transcript}");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
            }
        }

        var exporter = await ProcessRunner.RunAsync(
            "pgrep", ["-f", $"AspireWorkshop.ComposeExport.dll export --apphost {StandInProjectPath}"],
            TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.True(exporter.ExitCode == 0, exporter.Transcript);
        var kill = await ProcessRunner.RunAsync(
            "kill", ["-TERM", exporter.Output.Trim()], TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.True(kill.ExitCode == 0, kill.Transcript);
        var run = await export;

        Assert.True(run.ExitCode == ExportCommand.Cancelled, run.Transcript);
        Assert.Equal("cancelled", run.Error.Trim());
        Assert.False(Directory.Exists(temp.Combine("out")));
        await WaitUntilGoneAsync(int.Parse(File.ReadAllText(pidFile), CultureInfo.InvariantCulture));
    }

    public void Dispose() => temp.Dispose();

    private string StandInProjectPath => temp.Combine("standin", "StandInAppHost.csproj");

    /// <summary>
    /// A killed process lingers for a moment until whoever inherited it reaps it; one still there after
    /// <see cref="StoppedProcessGrace"/> was not stopped.
    /// </summary>
    private static async Task WaitUntilGoneAsync(int processId)
    {
        var deadline = DateTime.UtcNow + StoppedProcessGrace;
        var status = $"/proc/{processId}/stat";
        while (File.Exists(status) && !File.ReadAllText(status).Contains(") Z ", StringComparison.Ordinal))
        {
            Assert.True(
                DateTime.UtcNow < deadline, $"The stand-in AppHost (pid {processId}) still runs after the export was stopped.");
            await Task.Delay(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
        }
    }

    private Task<ProcessResult> ExportStandInAsync(int exitCode, bool giveFolder = false, string? output = null) =>
        ExportStandInAsync(exitCode.ToString(CultureInfo.InvariantCulture), giveFolder, output);

    /// <summary>
    /// Exports a console project marked as an AppHost that prints a marker on each stream, writes a
    /// one-container manifest where <c>--output-path</c> says and exits with <paramref name="exitCode"/>,
    /// or with <see cref="HangingExitCode"/> writes its process id and waits.
    /// </summary>
    private async Task<ProcessResult> ExportStandInAsync(string exitCode, bool giveFolder, string? output = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StandInProjectPath)!);
        await File.WriteAllTextAsync(StandInProjectPath, StandInProject, TestContext.Current.CancellationToken);
        var manifest = temp.Combine("standin-manifest.json");
        await File.WriteAllTextAsync(manifest, StandInManifest, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(
            temp.Combine("standin", "Program.cs"),
            StandInProgram(manifest, temp.Combine("standin.pid"), exitCode),
            TestContext.Current.CancellationToken);

        var exporter = Path.Combine(AppContext.BaseDirectory, "AspireWorkshop.ComposeExport.dll");
        var appHost = giveFolder ? Path.GetDirectoryName(StandInProjectPath)! : StandInProjectPath;

        return await ProcessRunner.RunAsync(
            "dotnet",
            [exporter, "export", "--apphost", appHost, "--output", output ?? temp.Combine("out")],
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
            <!-- What Aspire.AppHost.Sdk sets, without the packages it brings. -->
            <IsAspireHost>true</IsAspireHost>
            <AspireHostingSDKVersion>13.6.4</AspireHostingSDKVersion>
          </PropertyGroup>
        </Project>
        """;

    private const string StandInManifest = """{"resources":{"cache":{"type":"container.v0","image":"redis:7"}}}""";

    private static string StandInProgram(string manifestSource, string pidFile, string exitCode) => $$"""
        Console.WriteLine("{{StandardOutputMarker}}");
        Console.Error.WriteLine("{{StandardErrorMarker}}");
        if ("{{exitCode}}" == "{{HangingExitCode}}")
        {
            File.WriteAllText(@"{{pidFile}}", Environment.ProcessId.ToString());
            Thread.Sleep(Timeout.Infinite);
        }

        File.Copy(@"{{manifestSource}}", args[Array.IndexOf(args, "--output-path") + 1]);
        return int.Parse("{{exitCode}}");
        """;
}
