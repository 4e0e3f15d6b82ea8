using AspireWorkshop.Bench.InMemoryItems;

// The same 20 items api-bench.sh seeds, built once: what is left is Kestrel, routing and JSON.
IReadOnlyList<TodoItem> items = [.. Enumerable.Range(1, 20).Select(TodoItem.Seeded)];

var app = WebApplication.CreateBuilder(args).Build();

app.MapGet("/items", () => TypedResults.Ok(items));

await app.RunAsync();
