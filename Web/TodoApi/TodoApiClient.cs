using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;

namespace AspireWorkshop.Web.TodoApi;

/// <summary>
/// Talks to the todo Api. Every failure, whether the Api is down, slow or refuses the request,
/// arrives as a <see cref="TodoApiException"/> with a message the page can show.
/// </summary>
public sealed partial class TodoApiClient(HttpClient httpClient, ILogger<TodoApiClient> logger)
{
    // Must match the header the Api reads; a retried POST carrying the same key creates one item.
    private const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>Every item, oldest first.</summary>
    public Task<IReadOnlyList<TodoItem>> ListAsync(CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<TodoItem>>(
            "load the items", () => new HttpRequestMessage(HttpMethod.Get, "/items"), cancellationToken);

    /// <summary>Adds an item. The idempotency key makes the request safe to retry.</summary>
    public Task<TodoItem> AddAsync(string name, CancellationToken cancellationToken)
    {
        var idempotencyKey = Guid.NewGuid().ToString();

        return SendAsync<TodoItem>("add the item", () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/items") { Content = JsonContent.Create(new NewTodoItem(name)) };
            request.Headers.Add(IdempotencyKeyHeader, idempotencyKey);

            return request;
        }, cancellationToken);
    }

    /// <summary>Saves an item's name and completed state.</summary>
    public Task<TodoItem> UpdateAsync(TodoItem item, CancellationToken cancellationToken) =>
        SendAsync<TodoItem>("update the item", () => new HttpRequestMessage(HttpMethod.Put, $"/items/{item.Id}")
        {
            Content = JsonContent.Create(new TodoItemChange(item.Name, item.Completed)),
        }, cancellationToken);

    /// <summary>Deletes an item; one that is already gone counts as deleted.</summary>
    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(
            "delete the item", () => new HttpRequestMessage(HttpMethod.Delete, $"/items/{id}"), cancellationToken);
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            await EnsureSuccessAsync(response, "delete the item", cancellationToken);
        }
    }

    private async Task<T> SendAsync<T>(string action, Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(action, createRequest, cancellationToken);
        await EnsureSuccessAsync(response, action, cancellationToken);

        return await response.Content.ReadFromJsonAsync<T>(cancellationToken)
            ?? throw new TodoApiException($"Could not {action}: the todo API sent an empty answer.");
    }

    private async Task<HttpResponseMessage> SendCoreAsync(string action, Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        using var request = createRequest();
        try
        {
            return await httpClient.SendAsync(request, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Connection refused, DNS failure, a timeout or an open circuit breaker: the Api is
            // out of reach, which the page reports instead of failing the whole circuit.
            LogApiUnreachable(exception, action);

            throw new TodoApiException($"Could not {action}: the todo API is not reachable right now.", exception);
        }
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, string action, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var detail = await ReadProblemAsync(response, cancellationToken);
        LogApiRefused(action, (int)response.StatusCode, detail);

        throw new TodoApiException($"Could not {action}: {detail}");
    }

    private static async Task<string> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(cancellationToken);
            var firstError = problem?.Errors.Values.SelectMany(messages => messages).FirstOrDefault();

            return firstError ?? problem?.Title ?? response.ReasonPhrase ?? "the todo API refused the request.";
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or NotSupportedException or InvalidOperationException)
        {
            return response.ReasonPhrase ?? "the todo API refused the request.";
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Todo API unreachable while trying to {Action}")]
    private partial void LogApiUnreachable(Exception exception, string action);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Todo API refused to {Action} with status {StatusCode}: {Detail}")]
    private partial void LogApiRefused(string action, int statusCode, string detail);
}
