using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Evidence;

/// <summary>Queue <c>evidence-media-check</c>: a verified photo to WeChat's media check (<see cref="CheckEvidenceMedia"/>).</summary>
internal sealed class EvidenceMediaCheckFunction(CheckEvidenceMedia check)
{
    [Function("CheckEvidenceMedia")]
    public Task Run([QueueTrigger(MediaCheckMessage.Queue, Connection = "AzureWebJobsStorage")] string message, long dequeueCount,
        CancellationToken ct) =>
        check.HandleAsync(QueueMessages.Parse<MediaCheckMessage>(message).EvidenceId, dequeueCount >= QueueMessages.MaxDequeueCount, ct);
}
