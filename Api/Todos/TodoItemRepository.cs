using System.Security.Cryptography;
using System.Text;
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
    /// Inserts a new item with a server-chosen id. When the client sends an idempotency key that an
    /// earlier request already used, that request's item is returned instead of a duplicate, provided the
    /// earlier request asked for the same name and state; for a different request under the same key
    /// the result is <see cref="CreateOutcome.KeyUsedByAnotherRequest"/> and nothing is written.
    /// </summary>
    public async Task<(CreateOutcome Outcome, TodoItem? Item)> CreateAsync(
        string name, bool completed, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var fingerprint = idempotencyKey is null ? null : RequestFingerprint(name, completed);
        await using (var insert = dataSource.CreateCommand(
            """
            INSERT INTO todo_items (id, name, completed, idempotency_key, idempotency_fingerprint)
            VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (idempotency_key) DO NOTHING
            RETURNING id, name, completed
            """))
        {
            insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7() });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
            insert.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = completed });
            insert.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = idempotencyKey, NpgsqlDbType = NpgsqlDbType.Varchar });
            insert.Parameters.Add(
                new NpgsqlParameter<byte[]?> { TypedValue = fingerprint, NpgsqlDbType = NpgsqlDbType.Bytea });

            if (await ReadSingleOrDefaultAsync(insert, cancellationToken) is { } created)
            {
                return (CreateOutcome.Created, created);
            }
        }

        // Only a repeated idempotency key skips the insert; this statement's fresh snapshot sees
        // the row even when the first request committed while ours was waiting on the key. Rows
        // written before fingerprints existed have none, and are taken to match.
        await using var replay = dataSource.CreateCommand(
            """
            SELECT id, name, completed, idempotency_fingerprint IS NULL OR idempotency_fingerprint = $2
            FROM todo_items WHERE idempotency_key = $1
            """);
        replay.Parameters.Add(new NpgsqlParameter<string> { TypedValue = idempotencyKey! });
        replay.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = fingerprint! });
        await using var reader = await replay.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException("An item with this idempotency key was reported but not found.");
        }

        return reader.GetBoolean(3)
            ? (CreateOutcome.Replayed, ReadItem(reader))
            : (CreateOutcome.KeyUsedByAnotherRequest, null);
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

    /// <summary>What identifies a create request: its normalised name and its completed state.</summary>
    private static byte[] RequestFingerprint(string name, bool completed) =>
        SHA256.HashData(Encoding.UTF8.GetBytes($"{(completed ? '1' : '0')}{name}"));

    private static TodoItem ReadItem(NpgsqlDataReader reader) =>
        new(reader.GetGuid(0), reader.GetString(1), reader.GetBoolean(2));
}
