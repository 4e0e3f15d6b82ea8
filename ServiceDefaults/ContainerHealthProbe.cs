namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Lets a container check its own health endpoint without curl or wget, which the ASP.NET
/// runtime images do not ship: Compose runs <c>dotnet App.dll --healthcheck URL</c>, and the
/// app answers by requesting the URL instead of starting the web host.
/// </summary>
public static class ContainerHealthProbe
{
    /// <summary>The command-line switch that turns a start of the app into a health probe.</summary>
    public const string Switch = "--healthcheck";

    // Compose kills the probe after its own timeout; finishing first gives a clear message instead.
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(3);

    /// <summary>True when the arguments ask for a probe rather than a normal start.</summary>
    public static bool IsRequested(string[] args) => args is [Switch, _];

    /// <summary>Requests the URL in <paramref name="args"/>; 0 when it answers 2xx, 1 otherwise.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var url = args[1];
        using var client = new HttpClient { Timeout = RequestTimeout };
        try
        {
            using var response = await client.GetAsync(new Uri(url));
            await Console.Out.WriteLineAsync($"{url}: {(int)response.StatusCode} {response.ReasonPhrase}");

            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            await Console.Error.WriteLineAsync($"{url}: {exception.Message}");

            return 1;
        }
    }
}
