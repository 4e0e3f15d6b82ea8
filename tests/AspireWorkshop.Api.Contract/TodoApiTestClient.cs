namespace AspireWorkshop.Api.Contract;

/// <summary>Small helpers over an <see cref="HttpClient"/> pointed at the Api.</summary>
public static class TodoApiTestClient
{
    /// <summary>Every stored item, as <c>GET /items</c> lists it.</summary>
    public static async Task<List<TodoItemJson>> ListItemsAsync(this HttpClient api, CancellationToken cancellationToken) =>
        await api.GetFromJsonAsync<List<TodoItemJson>>("/items", cancellationToken)
            ?? throw new InvalidOperationException("GET /items returned null.");

    /// <summary>Creates an item and returns it, failing the test on anything but 201.</summary>
    public static async Task<TodoItemJson> CreateItemAsync(this HttpClient api, string name, CancellationToken cancellationToken)
    {
        using var response = await api.PostAsJsonAsync("/items", new { name }, cancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        return await response.Content.ReadFromJsonAsync<TodoItemJson>(cancellationToken)
            ?? throw new InvalidOperationException("POST /items returned null.");
    }
}
