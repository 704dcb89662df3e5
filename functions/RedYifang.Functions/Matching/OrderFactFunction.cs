using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Matching;

/// <summary>Keeps each unit's record from the facts on queue <c>order-events</c>.</summary>
internal sealed class OrderFactFunction(UnitRecords records)
{
    [Function("RecordOrderFact")]
    public Task Run([QueueTrigger(OrderFact.Queue, Connection = "AzureWebJobsStorage")] string message, CancellationToken ct) =>
        records.RecordAsync(QueueMessages.Parse<OrderFact>(message), ct);
}
