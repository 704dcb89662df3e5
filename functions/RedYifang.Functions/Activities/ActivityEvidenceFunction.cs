using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Activities;

/// <summary>Notes each verified piece of an activity's evidence (queue <c>activity-evidence</c>).</summary>
internal sealed class ActivityEvidenceFunction(RecordActivityEvidence record)
{
    [Function("RecordActivityEvidence")]
    public Task Run([QueueTrigger(ActivityEvidenceVerified.Queue, Connection = "AzureWebJobsStorage")] string message,
        CancellationToken ct) =>
        record.HandleAsync(QueueMessages.Parse<ActivityEvidenceVerified>(message), ct);
}
