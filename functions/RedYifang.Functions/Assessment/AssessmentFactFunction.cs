using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Assessment;

/// <summary>Records the facts of each order event the assessment counts (queue <c>assessment-facts</c>).</summary>
internal sealed class AssessmentFactFunction(AssessmentFacts facts)
{
    [Function("RecordAssessmentFact")]
    public Task Run([QueueTrigger(AssessmentEvent.Queue, Connection = "AzureWebJobsStorage")] string message, CancellationToken ct) =>
        facts.RecordAsync(QueueMessages.Parse<AssessmentEvent>(message), ct);
}
