using AspireWorkshop.AppHost.Tests.Api;
using AspireWorkshop.AppHost.Tests.Infrastructure;

namespace AspireWorkshop.AppHost.Tests.Web;

[Collection(nameof(SharedWorkshopApp))]
public sealed class WebPageTests(DevelopmentWorkshopAppFixture fixture)
{
    private readonly CancellationToken _cancellationToken = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_page_lists_an_item_created_through_the_Api()
    {
        using var api = fixture.CreateHttpClient("api");
        using var web = fixture.CreateHttpClient("web");
        var name = $"created through the Api {Guid.NewGuid():N}";
        await api.CreateItemAsync(name, _cancellationToken);

        var page = await web.GetStringAsync("/", _cancellationToken);

        Assert.Contains(name, page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api")]
    [InlineData("web")]
    public async Task Health_endpoints_report_only_the_status(string resource)
    {
        using var client = fixture.CreateHttpClient(resource);

        foreach (var path in new[] { "/health", "/alive" })
        {
            using var response = await client.GetAsync(path, _cancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(_cancellationToken));
        }
    }
}
