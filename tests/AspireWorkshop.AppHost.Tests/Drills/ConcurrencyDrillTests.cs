using AspireWorkshop.AppHost.Tests.Infrastructure;

namespace AspireWorkshop.AppHost.Tests.Drills;

/// <summary>Many clients at once against the shared AppHost; nothing is broken, so it is shared.</summary>
[Collection(nameof(SharedWorkshopApp))]
public sealed class ConcurrencyDrillTests(DevelopmentWorkshopAppFixture fixture)
{
    private readonly HttpClient _api = fixture.CreateHttpClient("api");
    private readonly CancellationToken _cancellationToken = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_hundred_concurrent_creates_give_exactly_two_hundred_new_items()
    {
        var batch = Guid.NewGuid().ToString("N");

        var statuses = await Task.WhenAll(Enumerable.Range(0, 200).Select(async number =>
        {
            using var response = await _api.PostAsJsonAsync("/items", new { name = $"{batch} {number}" }, _cancellationToken);

            return response.StatusCode;
        }));

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Created, status));
        var created = (await _api.GetFromJsonAsync<List<DrillItem>>("/items", _cancellationToken))!
            .Where(item => item.Name.StartsWith(batch, StringComparison.Ordinal))
            .ToList();
        Assert.Equal(200, created.Count);
        Assert.Equal(200, created.Select(item => item.Name).Distinct().Count());
    }

    [Fact]
    public async Task Concurrent_updates_of_one_item_leave_it_as_one_of_them_set_it()
    {
        using var created = await _api.PostAsJsonAsync("/items", new { name = "toggled by 50 clients" }, _cancellationToken);
        var item = (await created.Content.ReadFromJsonAsync<DrillItem>(_cancellationToken))!;
        var updates = Enumerable.Range(0, 50)
            .Select(number => new DrillItem(item.Id, $"toggle {number}", Random.Shared.Next(2) == 1))
            .ToList();

        var statuses = await Task.WhenAll(updates.Select(async update =>
        {
            using var response = await _api.PutAsJsonAsync($"/items/{item.Id}", new { name = update.Name, completed = update.Completed }, _cancellationToken);

            return response.StatusCode;
        }));

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        var final = await _api.GetFromJsonAsync<DrillItem>($"/items/{item.Id}", _cancellationToken);
        Assert.Contains(final, updates);
    }
}
