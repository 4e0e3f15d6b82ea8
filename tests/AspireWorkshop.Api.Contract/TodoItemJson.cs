namespace AspireWorkshop.Api.Contract;

/// <summary>
/// The JSON shape the workshop's todo API promises, declared here rather than borrowed from the
/// Api project so the tests notice when the contract changes.
/// </summary>
public sealed record TodoItemJson(Guid Id, string Name, bool Completed);
