using Microsoft.Playwright;

namespace AspireWorkshop.AppHost.Tests.Infrastructure;

/// <summary>One headless Chromium for the tests of a class; each test opens its own page.</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The running browser.</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not started.");

    /// <summary>A new page whose every step is bounded by <see cref="TestTimeouts.BrowserStep"/>.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var page = await Browser.NewPageAsync();
        page.SetDefaultTimeout((float)TestTimeouts.BrowserStep.TotalMilliseconds);

        return page;
    }

    /// <inheritdoc />
    public async ValueTask InitializeAsync() => (_playwright, _browser) = await HeadlessChromium.LaunchAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
