using System.Runtime.CompilerServices;

namespace AspireWorkshop.ComposeExport.Tests.Infrastructure;

/// <summary>
/// Compares generated text with a committed <c>Snapshots/NAME.verified.yaml</c>. On a difference it writes
/// <c>NAME.received.yaml</c> beside it: review it, and rename it over the verified file if the change is right.
/// </summary>
internal static class Snapshot
{
    public static void AssertMatches(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        var folder = Path.Combine(SourceFolder(callerPath), "Snapshots");
        var verified = Path.Combine(folder, $"{name}.verified.yaml");
        var received = Path.Combine(folder, $"{name}.received.yaml");
        var expected = File.Exists(verified) ? File.ReadAllText(verified) : null;
        if (expected == actual)
        {
            File.Delete(received);

            return;
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(received, actual);
        Assert.Fail(expected is null
            ? $"No snapshot {verified} yet; review {received} and rename it to the verified name."
            : $"{name} differs from its snapshot; compare {received} with {verified}.");
    }

    /// <summary>
    /// The test project's source folder: above the calling file's compile-time path, or, where a
    /// deterministic build maps that path away, above the test binaries (bin/Debug/net10.0).
    /// </summary>
    private static string SourceFolder(string callerPath)
    {
        foreach (var start in new[] { Path.GetDirectoryName(callerPath), AppContext.BaseDirectory })
        {
            for (var folder = start; !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
            {
                if (File.Exists(Path.Combine(folder, "AspireWorkshop.ComposeExport.Tests.csproj")))
                {
                    return folder;
                }
            }
        }

        throw new InvalidOperationException($"No test project above {callerPath} or {AppContext.BaseDirectory}.");
    }
}
