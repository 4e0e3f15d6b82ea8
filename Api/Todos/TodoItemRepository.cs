using Npgsql;
using NpgsqlTypes;

namespace AspireWorkshop.Api.Todos;

/// <summary>Reads and writes todo items with plain SQL over the pooled data source.</summary>
public sealed class TodoItemRepository(NpgsqlDataSource dataSource)
{
    /// <summary>Every item, oldest first.</summary>
    public async Task<IReadOnlyList<TodoItem>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, name, completed FROM todo_items ORDER BY position");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);

        var items = new List<TodoItem>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(ReadItem(reader));
        }

        return items;
    }

    /// <summary>One item, or null when no item has that id.</summary>
    public async Task<TodoItem?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, name, completed FROM todo_items WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });

        return await ReadSingleOrDefaultAsync(command, cancellationToken);
    }

    /// <summary>
    /// Inserts a new item with a server-chosen id. When the client sends an idempotency key that
    /// an earlier request already used, that request's item is returned instead of a duplicate.
    /// </summary>
    public async Task<TodoItem> CreateAsync(string name, bool completed, string? idempotencyKey, CancellationToken cancellationToken)
    {
        await using (var insert = dataSource.CreateCommand(
            """
            INSERT INTO todo_items (id, name, completed, idempotency_key)
            VALUES ($1, $2, $3, $4)
            ON CONFLICT (idempotency_key) DO NOTHING
            RETURNING id, name, completed
            """))
        {
            insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7() });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
            insert.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = completed });
            insert.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = idempotencyKey, NpgsqlDbType = NpgsqlDbType.Varchar });

            if (await ReadSingleOrDefaultAsync(insert, cancellationToken) is { } created)
            {
                return created;
            }
        }

        // Only a repeated idempotency key skips the insert; this statement's fresh snapshot sees
        // the row even when the first request committed while ours was waiting on the key.
        await using var replay = dataSource.CreateCommand(
            "SELECT id, name, completed FROM todo_items WHERE idempotency_key = $1");
        replay.Parameters.Add(new NpgsqlParameter<string> { TypedValue = idempotencyKey! });

        return await ReadSingleOrDefaultAsync(replay, cancellationToken)
            ?? throw new InvalidOperationException("An item with this idempotency key was reported but not found.");
    }

    /// <summary>Replaces an item's name and state; null when no item has that id.</summary>
    public async Task<TodoItem?> UpdateAsync(Guid id, string name, bool completed, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE todo_items SET name = $2, completed = $3 WHERE id = $1 RETURNING id, name, completed");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = completed });

        return await ReadSingleOrDefaultAsync(command, cancellationToken);
    }

    /// <summary>Deletes an item; false when no item has that id.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM todo_items WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });

        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task<TodoItem?> ReadSingleOrDefaultAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);

        return await reader.ReadAsync(cancellationToken) ? ReadItem(reader) : null;
    }

    private static TodoItem ReadItem(NpgsqlDataReader reader) =>
        new(reader.GetGuid(0), reader.GetString(1), reader.GetBoolean(2));
}
