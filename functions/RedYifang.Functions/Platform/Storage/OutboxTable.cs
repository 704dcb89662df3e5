using Azure.Data.Tables;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RedYifang.Functions.Platform.Storage;

/// <summary>A table whose partitions may hold outbox rows; registered by the feature that owns it.</summary>
public sealed record OutboxTable(string Name);

/// <summary>On its schedule (every minute): sends outbox rows staged over <c>Outbox:SweepAfter</c> (a minute) ago and never sent.</summary>
internal sealed partial class OutboxSweeperFunction(
    Tables tables,
    IEnumerable<OutboxTable> outboxTables,
    Outbox outbox,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxSweeperFunction> logger)
{
    [Function("OutboxSweeper")]
    public async Task Run([TimerTrigger("%Outbox:Schedule%")] TimerInfo timer, CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - options.Value.SweepAfter;
        var filter = TableClient.CreateQueryFilter(
            $"RowKey ge {Outbox.RowPrefix} and RowKey lt {"outbox}"} and StagedAt lt {cutoff}");
        foreach (var outboxTable in outboxTables)
        {
            var table = await tables.GetAsync(outboxTable.Name, ct);
            await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            {
                await outbox.SendAsync(
                    table,
                    new OutboxEntry(row.PartitionKey, row.RowKey, row.GetString("Queue"), row.GetString("Message")),
                    row.ETag,
                    ct);
                LogSwept(row.GetString("Queue"));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sent a stranded outbox message to {Queue}")]
    private partial void LogSwept(string queue);
}
