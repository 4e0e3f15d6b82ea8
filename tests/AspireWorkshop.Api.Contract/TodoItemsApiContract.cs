namespace AspireWorkshop.Api.Contract;

/// <summary>
/// What the todo Api promises for creating, reading, updating and deleting items, whatever runs it:
/// <paramref name="createApiClient"/> gives a client whose base address is the Api.
/// </summary>
public abstract class TodoItemsApiContract(Func<HttpClient> createApiClient)
{
    private readonly HttpClient _api = createApiClient();
    private readonly CancellationToken _cancellationToken = TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_item_can_be_created_read_updated_and_deleted()
    {
        using var created = await _api.PostAsJsonAsync("/items", new { name = "Buy milk" }, _cancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var item = await created.Content.ReadFromJsonAsync<TodoItemJson>(_cancellationToken);
        Assert.NotNull(item);
        Assert.NotEqual(Guid.Empty, item.Id);
        Assert.Equal("Buy milk", item.Name);
        Assert.False(item.Completed);
        Assert.Equal($"/items/{item.Id}", created.Headers.Location?.OriginalString);

        Assert.Equal(item, await _api.GetFromJsonAsync<TodoItemJson>($"/items/{item.Id}", _cancellationToken));
        Assert.Contains(item, await _api.ListItemsAsync(_cancellationToken));

        using var updated = await _api.PutAsJsonAsync($"/items/{item.Id}", new { name = "Buy oat milk", completed = true }, _cancellationToken);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var expectedAfterUpdate = item with { Name = "Buy oat milk", Completed = true };
        Assert.Equal(expectedAfterUpdate, await updated.Content.ReadFromJsonAsync<TodoItemJson>(_cancellationToken));
        Assert.Equal(expectedAfterUpdate, await _api.GetFromJsonAsync<TodoItemJson>($"/items/{item.Id}", _cancellationToken));

        using var deleted = await _api.DeleteAsync($"/items/{item.Id}", _cancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var afterDelete = await _api.GetAsync($"/items/{item.Id}", _cancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, afterDelete.StatusCode);
        Assert.DoesNotContain(await _api.ListItemsAsync(_cancellationToken), listed => listed.Id == item.Id);
    }

    [Fact]
    public async Task Items_are_listed_oldest_first()
    {
        var first = await _api.CreateItemAsync("first of three", _cancellationToken);
        var second = await _api.CreateItemAsync("second of three", _cancellationToken);
        var third = await _api.CreateItemAsync("third of three", _cancellationToken);

        var ids = (await _api.ListItemsAsync(_cancellationToken)).Select(item => item.Id).ToList();

        Assert.True(ids.IndexOf(first.Id) < ids.IndexOf(second.Id));
        Assert.True(ids.IndexOf(second.Id) < ids.IndexOf(third.Id));
    }

    [Fact]
    public async Task Completed_defaults_to_false_and_can_be_set_on_create()
    {
        using var response = await _api.PostAsJsonAsync("/items", new { name = "already done", completed = true }, _cancellationToken);
        var item = await response.Content.ReadFromJsonAsync<TodoItemJson>(_cancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(item?.Completed);
        Assert.False((await _api.CreateItemAsync("not done yet", _cancellationToken)).Completed);
    }

    [Fact]
    public async Task Names_are_trimmed()
    {
        var item = await _api.CreateItemAsync("  padded name \t", _cancellationToken);

        Assert.Equal("padded name", item.Name);
    }

    [Theory]
    [InlineData("😀 é ü 中文")]
    [InlineData("👩‍👩‍👧 family, Ωmega, עברית, العربية")]
    public async Task Unicode_names_are_stored_exactly(string name)
    {
        var created = await _api.CreateItemAsync(name, _cancellationToken);

        var stored = Assert.Single(await _api.ListItemsAsync(_cancellationToken), item => item.Id == created.Id);
        Assert.Equal(name, stored.Name);
    }

    [Theory]
    [InlineData("a", 255, HttpStatusCode.Created)]
    [InlineData("a", 256, HttpStatusCode.BadRequest)]
    [InlineData("😀", 255, HttpStatusCode.Created)]
    [InlineData("😀", 256, HttpStatusCode.BadRequest)]
    public async Task Names_may_have_at_most_255_characters_counted_as_code_points(string character, int count, HttpStatusCode expected)
    {
        var name = string.Concat(Enumerable.Repeat(character, count));

        using var response = await _api.PostAsJsonAsync("/items", new { name }, _cancellationToken);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Created)
        {
            var item = await response.Content.ReadFromJsonAsync<TodoItemJson>(_cancellationToken);
            Assert.Equal(name, (await _api.GetFromJsonAsync<TodoItemJson>($"/items/{item!.Id}", _cancellationToken))?.Name);
        }
    }

    [Fact]
    public async Task A_retried_create_with_the_same_idempotency_key_creates_one_item()
    {
        var key = Guid.NewGuid().ToString();
        var name = $"idempotent {key}";

        var first = await PostWithIdempotencyKeyAsync(name, key);
        var retried = await PostWithIdempotencyKeyAsync(name, key);

        Assert.Equal(first, retried);
        Assert.Single(await _api.ListItemsAsync(_cancellationToken), item => item.Name == name);
    }

    [Fact]
    public async Task A_key_reused_for_a_different_item_is_refused_and_creates_nothing()
    {
        var key = Guid.NewGuid().ToString();
        var first = await PostWithIdempotencyKeyAsync($"first {key}", key);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/items")
        {
            Content = JsonContent.Create(new { name = $"second {key}" }),
        };
        request.Headers.Add("Idempotency-Key", key);
        using var reused = await _api.SendAsync(request, _cancellationToken);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("application/problem+json", reused.Content.Headers.ContentType?.MediaType);
        var items = await _api.ListItemsAsync(_cancellationToken);
        Assert.DoesNotContain(items, item => item.Name == $"second {key}");
        Assert.Single(items, item => item.Id == first!.Id);
    }

    [Fact]
    public async Task A_quoted_charset_is_understood()
    {
        using var content = new StringContent("""{"name":"quoted charset"}""", System.Text.Encoding.UTF8);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=\"utf-8\"");

        using var response = await _api.PostAsync("/items", content, _cancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task The_Api_serves_an_OpenAPI_document_describing_the_items_routes()
    {
        var document = await _api.GetStringAsync("/openapi/v1.json", _cancellationToken);

        Assert.Contains("\"/items\"", document, StringComparison.Ordinal);
        Assert.Contains("\"/items/{id}\"", document, StringComparison.Ordinal);
    }

    private async Task<TodoItemJson?> PostWithIdempotencyKeyAsync(string name, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/items") { Content = JsonContent.Create(new { name }) };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await _api.SendAsync(request, _cancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        return await response.Content.ReadFromJsonAsync<TodoItemJson>(_cancellationToken);
    }
}
