using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.ContentSecurity;

/// <summary>Queue <c>content-moderation</c>: applies a pushed verdict and lists what awaits a person (<see cref="RecordModeration"/>).</summary>
internal sealed class ModerationQueueFunction(RecordModeration record)
{
    [Function("RecordModeration")]
    public Task Run([QueueTrigger(ModerationMessage.Queue, Connection = "AzureWebJobsStorage")] string message, CancellationToken ct) =>
        record.HandleAsync(QueueMessages.Parse<ModerationMessage>(message), ct);
}
