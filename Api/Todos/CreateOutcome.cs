namespace AspireWorkshop.Api.Todos;

/// <summary>How <see cref="TodoItemRepository.CreateAsync"/> answered a create request.</summary>
public enum CreateOutcome
{
    /// <summary>A new item was written.</summary>
    Created,

    /// <summary>The idempotency key was used before by the same request; its item is returned.</summary>
    Replayed,

    /// <summary>The idempotency key was used before by a request for a different item.</summary>
    KeyUsedByAnotherRequest,
}
