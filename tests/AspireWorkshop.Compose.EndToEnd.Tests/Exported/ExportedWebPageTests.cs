namespace AspireWorkshop.Compose.EndToEnd.Tests.Exported;

/// <summary>The page the exported deployment publishes, and its data across <c>down</c> and <c>up</c>.</summary>
[Collection(nameof(ExportedDeployment))]
public sealed class ExportedWebPageTests(ExportedDeploymentFixture fixture)
{
    private readonly CancellationToken _cancellationToken = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_published_page_lists_an_item_created_through_the_Api()
    {
        using var api = fixture.CreateApiClient();
        using var web = fixture.CreateWebClient();
        var name = $"created through the Api {Guid.NewGuid():N}";
        await api.CreateItemAsync(name, _cancellationToken);

        var page = await web.GetStringAsync("/", _cancellationToken);

        Assert.Contains(name, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Items_survive_down_and_up_without_removing_volumes()
    {
        using var api = fixture.CreateApiClient();
        var created = await api.CreateItemAsync($"survives down and up {Guid.NewGuid():N}", _cancellationToken);

        await fixture.Deployment.DownKeepingVolumesAsync(_cancellationToken);
        await fixture.Deployment.UpAsync(build: false, _cancellationToken);

        Assert.Contains(created, await api.ListItemsAsync(_cancellationToken));
        Assert.Equal(
            [$"{fixture.Deployment.ProjectName}_postgres-data"],
            await fixture.Deployment.VolumesAsync(_cancellationToken));
    }
}
