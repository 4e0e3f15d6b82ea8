using AspireWorkshop.Api.Database;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AspireWorkshop.Api.Todos;

/// <summary>The Docker workshop's todo API: <c>/items</c>, with the same routes and JSON.</summary>
public static class TodoItemsApi
{
    /// <summary>
    /// The header a client sets on <c>POST /items</c> so that a retried request returns the item
    /// the first attempt created instead of creating a second one.
    /// </summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private const int IdempotencyKeyMaxLength = 100;

    // A todo is a short line of text; anything far larger is a mistake or an attack.
    private const long RequestBodyLimitBytes = 64 * 1024;

    /// <summary>Maps the item endpoints on <c>/items</c>.</summary>
    public static IEndpointRouteBuilder MapTodoItemsApi(this IEndpointRouteBuilder app)
    {
        var items = app.MapGroup("/items")
            .WithTags("Items")
            .WithMetadata(new RequestSizeLimitAttribute(RequestBodyLimitBytes))
            .AddEndpointFilter<DatabaseReadyFilter>();

        items.MapGet("/", ListItems).WithName(nameof(ListItems));
        items.MapGet("/{id:guid}", GetItem).WithName(nameof(GetItem));
        items.MapPost("/", CreateItem).WithName(nameof(CreateItem));
        items.MapPut("/{id:guid}", UpdateItem).WithName(nameof(UpdateItem));
        items.MapDelete("/{id:guid}", DeleteItem).WithName(nameof(DeleteItem));

        return app;
    }

    /// <summary>Every item, oldest first.</summary>
    public static async Task<Ok<IReadOnlyList<TodoItem>>> ListItems(
        TodoItemRepository repository, CancellationToken cancellationToken) =>
        TypedResults.Ok(await repository.ListAsync(cancellationToken));

    /// <summary>One item by id.</summary>
    public static async Task<Results<Ok<TodoItem>, NotFound>> GetItem(
        Guid id, TodoItemRepository repository, CancellationToken cancellationToken) =>
        await repository.FindAsync(id, cancellationToken) is { } item
            ? TypedResults.Ok(item)
            : TypedResults.NotFound();

    /// <summary>Creates an item; the server chooses its id.</summary>
    public static async Task<Results<Created<TodoItem>, ValidationProblem, ProblemHttpResult>> CreateItem(
        CreateTodoItem request,
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey,
        TodoItemRepository repository,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!TodoItemName.TryNormalize(request.Name, out var name, out var nameError))
        {
            errors["name"] = [nameError!];
        }

        if (idempotencyKey is { Length: 0 or > IdempotencyKeyMaxLength })
        {
            errors[IdempotencyKeyHeader] = [$"The key must be 1 to {IdempotencyKeyMaxLength} characters long."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (outcome, item) = await repository.CreateAsync(name, request.Completed, idempotencyKey, cancellationToken);
        if (outcome == CreateOutcome.KeyUsedByAnotherRequest)
        {
            // A retry carries the same body; a different body under the same key is a client bug,
            // and answering with the first item would hide it (the IETF Idempotency-Key draft's 422).
            return TypedResults.Problem(
                title: "The Idempotency-Key was already used for a different request.",
                detail: "Send a new key for a new item; a retry must repeat the first request's name and completed.",
                statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        return TypedResults.Created($"/items/{item!.Id}", item);
    }

    /// <summary>Replaces an item's name and completed state.</summary>
    public static async Task<Results<Ok<TodoItem>, NotFound, ValidationProblem>> UpdateItem(
        Guid id, UpdateTodoItem request, TodoItemRepository repository, CancellationToken cancellationToken)
    {
        if (!TodoItemName.TryNormalize(request.Name, out var name, out var nameError))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [nameError!] });
        }

        return await repository.UpdateAsync(id, name, request.Completed, cancellationToken) is { } item
            ? TypedResults.Ok(item)
            : TypedResults.NotFound();
    }

    /// <summary>Deletes an item.</summary>
    public static async Task<Results<NoContent, NotFound>> DeleteItem(
        Guid id, TodoItemRepository repository, CancellationToken cancellationToken) =>
        await repository.DeleteAsync(id, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.NotFound();
}
