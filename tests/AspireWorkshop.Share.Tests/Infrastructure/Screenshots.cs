using Microsoft.Playwright;

namespace AspireWorkshop.Share.Tests.Infrastructure;

/// <summary>Full-page screenshots under artifacts/screenshots/; reviewed copies go to docs/images/ by hand.</summary>
public static class Screenshots
{
    /// <summary>A size where the dashboard's grids and the trace waterfall show without wrapping.</summary>
    public static ViewportSize Viewport { get; } = new() { Width = 1440, Height = 900 };

    /// <summary>Saves <paramref name="page"/> as <paramref name="name"/>.png and returns the path.</summary>
    public static async Task<string> SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(RepositoryPaths.Screenshots);
        var path = Path.Combine(RepositoryPaths.Screenshots, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });

        return path;
    }

    /// <summary>Waits, within <see cref="TestTimeouts.BrowserStep"/>, until the page's text holds every one of <paramref name="texts"/>.</summary>
    public static Task WaitForTextsAsync(IPage page, params string[] texts) =>
        page.WaitForFunctionAsync(
            "texts => texts.every(t => document.body.innerText.includes(t))",
            texts,
            new PageWaitForFunctionOptions { Timeout = (float)TestTimeouts.BrowserStep.TotalMilliseconds });
}
