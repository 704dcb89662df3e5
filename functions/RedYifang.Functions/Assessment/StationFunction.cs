using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Assessment;

/// <summary>Records each registered service station the statistics count (queue <c>assessment-stations</c>).</summary>
internal sealed class StationFunction(StationStore stations)
{
    [Function("RecordStation")]
    public Task Run([QueueTrigger(StationRegistered.Queue, Connection = "AzureWebJobsStorage")] string message, CancellationToken ct) =>
        stations.RecordAsync(QueueMessages.Parse<StationRegistered>(message), ct);
}
