using AspireWorkshop.AppHost.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AspireWorkshop.AppHost.Tests.Web;

[Collection(nameof(SharedWorkshopApp))]
public sealed class BrowserTests(DevelopmentWorkshopAppFixture fixture, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{

    [Fact]
    public async Task A_user_adds_completes_and_deletes_an_item_in_the_browser()
    {
        var page = await chromium.NewPageAsync();
        var name = $"Water the plants {Guid.NewGuid():N}"[..30];

        await page.GotoAsync(fixture.App.GetEndpoint("web", "http").ToString());
        var input = page.GetByLabel("New item");
        var addButton = page.GetByRole(AriaRole.Button, new() { Name = "Add item" });

        // The input is enabled once the interactive circuit is connected.
        await Assertions.Expect(input).ToBeEnabledAsync();
        await Assertions.Expect(addButton).ToBeDisabledAsync();

        await input.FillAsync(name);
        await Assertions.Expect(addButton).ToBeEnabledAsync();
        await addButton.ClickAsync();

        var item = page.Locator(".item", new() { HasText = name });
        await Assertions.Expect(item).ToHaveCountAsync(1);
        await Assertions.Expect(input).ToHaveValueAsync("");

        await item.GetByRole(AriaRole.Checkbox).CheckAsync();
        await Assertions.Expect(item).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("item--completed"));
        await Assertions.Expect(item.Locator(".item__name")).ToHaveCSSAsync("text-decoration-line", "line-through");

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".item--completed", new() { HasText = name })).ToHaveCountAsync(1);

        await Assertions.Expect(input).ToBeEnabledAsync();
        await page.Locator(".item", new() { HasText = name }).GetByRole(AriaRole.Button, new() { Name = $"Remove {name}" }).ClickAsync();
        await Assertions.Expect(page.Locator(".item", new() { HasText = name })).ToHaveCountAsync(0);
    }
}
