using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Assessment;

/// <summary>Records the facts of each co-building event the assessment counts (queue <c>assessment-cobuilding</c>).</summary>
internal sealed class CoBuildingFactFunction(RecordCoBuildingFacts record)
{
    [Function("RecordCoBuildingFact")]
    public Task Run([QueueTrigger(CoBuildingEvent.Queue, Connection = "AzureWebJobsStorage")] string message, CancellationToken ct) =>
        record.HandleAsync(QueueMessages.Parse<CoBuildingEvent>(message), ct);
}
