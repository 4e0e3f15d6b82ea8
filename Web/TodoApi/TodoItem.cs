namespace AspireWorkshop.Web.TodoApi;

/// <summary>A todo item as the Api sends it.</summary>
public sealed record TodoItem(Guid Id, string Name, bool Completed);

/// <summary>What the page sends to add an item.</summary>
public sealed record NewTodoItem(string Name);

/// <summary>What the page sends to change an item.</summary>
public sealed record TodoItemChange(string Name, bool Completed);
