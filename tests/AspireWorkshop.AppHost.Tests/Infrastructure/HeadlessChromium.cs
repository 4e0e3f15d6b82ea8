using Microsoft.Playwright;

namespace AspireWorkshop.AppHost.Tests.Infrastructure;

/// <summary>
/// Launches headless Chromium for browser tests. Playwright cannot download its own browser on an
/// offline machine, so the system's Chromium is used when there is one (CHROMIUM_PATH, else
/// /usr/bin/chromium); otherwise Playwright's own installed browser.
/// </summary>
public static class HeadlessChromium
{
    private const string SystemChromium = "/usr/bin/chromium";

    /// <summary>Starts Playwright and a headless browser; dispose both when done.</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                Headless = true,
                ExecutablePath = FindExecutable(),
                Args = LaunchArguments(),
                Timeout = (float)TestTimeouts.BrowserStep.TotalMilliseconds,
            });

            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    private static string? FindExecutable()
    {
        var configured = Environment.GetEnvironmentVariable("CHROMIUM_PATH");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        return File.Exists(SystemChromium) ? SystemChromium : null;
    }

    private static string[] LaunchArguments()
    {
        // Chromium refuses to run its sandbox as root, which is how CI and containers run it.
        // Background networking would only try to reach hosts an offline machine cannot see.
        string[] common = ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

        return Environment.UserName == "root" ? [.. common, "--no-sandbox"] : common;
    }
}
