using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Assessment;

/// <summary>Records what each organisation received in a closed evaluation window (queue <c>assessment-evaluations</c>).</summary>
internal sealed class EvaluationFactFunction(RecordEvaluationFacts record)
{
    [Function("RecordEvaluationFact")]
    public Task Run([QueueTrigger(EvaluationsClosed.Queue, Connection = "AzureWebJobsStorage")] string message, CancellationToken ct) =>
        record.HandleAsync(QueueMessages.Parse<EvaluationsClosed>(message), ct);
}
