using Azure;
using Azure.Data.Tables;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Platform.Idempotency;

/// <summary>Hourly: deletes idempotency records past their retention (Table Storage has no TTL).</summary>
internal sealed partial class IdempotencyCleanupFunction(Tables tables, TimeProvider clock, ILogger<IdempotencyCleanupFunction> logger)
{
    [Function("IdempotencyCleanup")]
    public async Task Run([TimerTrigger("%Idempotency:CleanupSchedule%")] TimerInfo timer, CancellationToken ct)
    {
        var table = await tables.GetAsync(IdempotentRequests.TableName, ct);
        var filter = TableClient.CreateQueryFilter($"ExpiresAt lt {clock.GetUtcNow()}");
        var deleted = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: ct))
        {
            try
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, ct);
                deleted++;
            }
            catch (RequestFailedException e) when (e.IsPreconditionFailed() || e.IsNotFound())
            {
                // Re-used or removed meanwhile.
            }
        }
        LogDeleted(deleted);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} expired idempotency records")]
    private partial void LogDeleted(int count);
}
