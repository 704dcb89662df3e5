using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using RedYifang.Functions.Platform.Http;

namespace RedYifang.Functions.Platform.Storage;

/// <summary>
/// Transactional outbox for queue messages: a state change stages its message as an <c>outbox|…</c> row in
/// the same entity-group transaction, then <see cref="DispatchAsync"/> sends it and deletes the row. If the
/// process dies in between, <see cref="OutboxSweeperFunction"/> sends it later. Consumers are idempotent, so a
/// message sent twice is harmless; a message is never lost.
/// </summary>
public sealed partial class Outbox(StorageClients clients, StorageOutage outage, TimeProvider clock, ILogger<Outbox> logger)
{
    public const string RowPrefix = "outbox|";
    private readonly Azure.Storage.Queues.QueueServiceClient _queues = clients.Queues();

    /// <summary>Queues known to exist: created once per process, not before every message (a failure is not remembered).</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _created = new(StringComparer.Ordinal);

    public (TableTransactionAction Action, OutboxEntry Entry) Stage(string partitionKey, string queue, object message)
    {
        var entry = new OutboxEntry(partitionKey, RowPrefix + Keys.NewId("evt", clock), queue,
            JsonSerializer.Serialize(message, message.GetType(), Json.Options));
        var row = new TableEntity(entry.PartitionKey, entry.RowKey)
        {
            ["Queue"] = entry.Queue,
            ["Message"] = entry.Message,
            ["StagedAt"] = clock.GetUtcNow(),
        };
        return (new TableTransactionAction(TableTransactionActionType.Add, row), entry);
    }

    /// <summary>
    /// Sends staged messages after their transaction committed; a failure here leaves them to the sweeper, and never fails
    /// the change, which stands. Storage not answering (connection refused, timeouts, 5xx: the SDK then throws an
    /// <see cref="AggregateException"/> of its attempts, not a <see cref="RequestFailedException"/>) stops the dispatch — the
    /// rest would fail the same way, each after the SDK's retries — and is logged once per outage window.
    /// </summary>
    public async Task DispatchAsync(TableClient table, IEnumerable<OutboxEntry> entries, CancellationToken ct = default)
    {
        foreach (var entry in entries)
        {
            try
            {
                await SendAsync(table, entry, ETag.All, ct);
            }
            catch (Exception e) when (StorageOutage.Is(e))
            {
                if (outage.ShouldLog()) LogDeferredOutage(StorageOutage.Describe(e), entry.Queue);
                return;
            }
            catch (RequestFailedException e)
            {
                LogDeferred(e, entry.Queue);
            }
        }
    }

    internal async Task SendAsync(TableClient table, OutboxEntry entry, ETag etag, CancellationToken ct)
    {
        var queue = _queues.GetQueueClient(entry.Queue);
        if (!_created.ContainsKey(entry.Queue))
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: ct);
            _created[entry.Queue] = true;
        }
        await queue.SendMessageAsync(entry.Message, ct);
        try
        {
            await table.DeleteEntityAsync(entry.PartitionKey, entry.RowKey, etag, ct);
        }
        catch (RequestFailedException e) when (e.IsNotFound() || e.IsPreconditionFailed())
        {
            // Sent by the sweeper meanwhile: the consumer sees it twice, which it tolerates.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending an outbox message to {Queue} failed; the sweeper will send it")]
    private partial void LogDeferred(Exception exception, string queue);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Storage unavailable ({Failure}) sending an outbox message to {Queue}; the sweeper will send it and the rest of its change's (logged again after the outage window)")]
    private partial void LogDeferredOutage(string failure, string queue);
}
