namespace AspireWorkshop.Api.Todos;

/// <summary>A todo item as the API returns it; the JSON shape of the Docker workshop's app.</summary>
public sealed record TodoItem(Guid Id, string Name, bool Completed);

/// <summary>The body of <c>POST /items</c>. An <c>id</c> sent by the client is ignored: the server chooses it.</summary>
public sealed record CreateTodoItem(string Name, bool Completed = false);

/// <summary>The body of <c>PUT /items/{id}</c>: both fields are required.</summary>
public sealed record UpdateTodoItem(string Name, bool Completed);
