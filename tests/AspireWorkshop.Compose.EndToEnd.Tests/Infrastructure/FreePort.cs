using System.Net.Sockets;

namespace AspireWorkshop.Compose.EndToEnd.Tests.Infrastructure;

/// <summary>A loopback port free at the moment of asking, so parallel runs do not publish the same one.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();

        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
