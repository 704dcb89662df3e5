using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Evidence;

/// <summary>Queue <c>evidence-process</c>: processes a committed item; the last attempt marks it failed.</summary>
internal sealed class EvidenceProcessFunction(ProcessEvidence process)
{
    [Function("ProcessEvidence")]
    public Task Run([QueueTrigger(EvidenceRecord.ProcessQueue, Connection = "AzureWebJobsStorage")] string message, long dequeueCount,
        CancellationToken ct) =>
        process.HandleAsync(QueueMessages.Parse<ProcessMessage>(message).EvidenceId, dequeueCount >= QueueMessages.MaxDequeueCount, ct);
}
