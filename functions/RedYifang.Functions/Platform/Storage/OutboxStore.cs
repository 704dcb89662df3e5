using Azure.Data.Tables;
using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Platform.Storage;

/// <summary>
/// The base of every store that owns a table whose changes cause messages: it finds rows, and commits a change's rows
/// together with its outbox messages in one entity-group transaction (one partition, at most 100 actions, as Azure
/// requires), then dispatches them. A conditional write that lost its race is a <c>ConflictException</c> and writes nothing.
/// </summary>
public abstract class OutboxStore(Tables tables, Outbox outbox, string tableName)
{
    protected Task<TableClient> TableAsync(CancellationToken ct) => tables.GetAsync(tableName, ct);

    protected async Task<TableEntity?> FindRowAsync(string partitionKey, string rowKey, CancellationToken ct)
    {
        var table = await TableAsync(ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: ct);
        return row.HasValue ? row.Value : null;
    }

    protected async Task CommitAsync(string partitionKey, IEnumerable<TableTransactionAction> rows, IEnumerable<OutboxMessage> messages,
        CancellationToken ct)
    {
        var staged = messages.Select(m => outbox.Stage(partitionKey, m.Queue, m.Body)).ToList();
        var table = await TableAsync(ct);
        try
        {
            await table.SubmitTransactionAsync([.. rows, .. staged.Select(s => s.Action)], ct);
        }
        catch (TableTransactionFailedException e) when (e.Status is 412 or 409 or 404)
        {
            throw Problems.Problems.Conflict();
        }
        await outbox.DispatchAsync(table, staged.Select(s => s.Entry), ct);
    }
}
