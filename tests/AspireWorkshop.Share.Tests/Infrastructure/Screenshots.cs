using Microsoft.Playwright;

namespace AspireWorkshop.Share.Tests.Infrastructure;

/// <summary>Full-page screenshots under artifacts/screenshots/; reviewed copies go to docs/images/ by hand.</summary>
public static class Screenshots
{
    /// <summary>A size where the dashboard's grids and the trace waterfall show without wrapping.</summary>
    public static ViewportSize Viewport { get; } = new() { Width = 1440, Height = 900 };

    /// <summary>
    /// Waits, within <see cref="ShareTimeouts.DashboardPage"/>, until the page's text holds every one of
    /// <paramref name="texts"/>, then saves it as <paramref name="name"/>.png. On a timeout the page is saved
    /// as <paramref name="name"/>-timed-out.png and the failure shows where the page is and what it says.
    /// </summary>
    public static async Task SaveWhenShowingAsync(IPage page, string name, params string[] texts)
    {
        try
        {
            await page.WaitForFunctionAsync(
                "texts => texts.every(t => document.body.innerText.includes(t))",
                texts,
                new PageWaitForFunctionOptions { Timeout = (float)ShareTimeouts.DashboardPage.TotalMilliseconds });
        }
        catch (TimeoutException)
        {
            var shown = await page.InnerTextAsync("body");
            var missing = texts.Where(text => !shown.Contains(text, StringComparison.Ordinal));
            var screenshot = await SaveAsync(page, $"{name}-timed-out");
            Assert.Fail(
                $"{page.Url} did not show {string.Join(", ", missing)} within {ShareTimeouts.DashboardPage} "
                + $"(screenshot: {screenshot}). It shows:\n{shown}");
        }

        await SaveAsync(page, name);
    }

    /// <summary>Saves <paramref name="page"/> as <paramref name="name"/>.png and returns the path.</summary>
    private static async Task<string> SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(RepositoryPaths.Screenshots);
        var path = Path.Combine(RepositoryPaths.Screenshots, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });

        return path;
    }
}
