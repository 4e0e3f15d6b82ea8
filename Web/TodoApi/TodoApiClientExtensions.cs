namespace AspireWorkshop.Web.TodoApi;

/// <summary>Registers the typed client the page uses to reach the Api.</summary>
public static class TodoApiClientExtensions
{
    /// <summary>
    /// The Api's address for service discovery: the AppHost (or Compose) tells the Web where the
    /// resource named <c>api</c> listens, preferring HTTPS when it has an HTTPS endpoint.
    /// </summary>
    public const string ApiBaseAddress = "https+http://api";

    /// <summary>Adds <see cref="TodoApiClient"/> with the service defaults' resilience and discovery.</summary>
    public static WebApplicationBuilder AddTodoApiClient(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpClient<TodoApiClient>(client => client.BaseAddress = new Uri(ApiBaseAddress));

        return builder;
    }
}
