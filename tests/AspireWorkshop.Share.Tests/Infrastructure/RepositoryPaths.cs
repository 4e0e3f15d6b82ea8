using System.Net.Sockets;

namespace AspireWorkshop.Share.Tests.Infrastructure;

/// <summary>Where the repository and its artifacts are, found from the test binaries upwards.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding AspireWorkshop.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The AppHost project the exporter reads.</summary>
    public static string AppHostProject => Path.Combine(Root, "AppHost", "AspireWorkshop.AppHost.csproj");

    /// <summary>Screenshots the tests take; docs/images/ holds reviewed copies for the README.</summary>
    public static string Screenshots => Path.Combine(Root, "artifacts", "screenshots");

    /// <summary>A loopback port nothing listens on right now, for a service the test is about to start.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();

        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AspireWorkshop.sln"))
                || File.Exists(Path.Combine(directory.FullName, "AspireWorkshop.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No AspireWorkshop solution above {AppContext.BaseDirectory}.");
    }
}
