namespace AspireWorkshop.Compose.EndToEnd.Tests.Infrastructure;

/// <summary>Paths in the repository under test.</summary>
internal static class Repository
{
    /// <summary>The folder holding AspireWorkshop.sln, found above the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The AppHost project the exporter reads.</summary>
    public static string AppHostProject => Path.Combine(Root, "AppHost", "AspireWorkshop.AppHost.csproj");

    /// <summary>The hand-written compose.yaml at the root.</summary>
    public static string HandWrittenCompose => Path.Combine(Root, "compose.yaml");

    private static string FindRoot()
    {
        var start = AppContext.BaseDirectory;
        for (var folder = start; !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(Path.Combine(folder, "AspireWorkshop.sln")))
            {
                return folder;
            }
        }

        throw new InvalidOperationException($"No AspireWorkshop.sln above {AppContext.BaseDirectory}.");
    }
}
