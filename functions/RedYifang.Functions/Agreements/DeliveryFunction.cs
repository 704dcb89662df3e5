using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Agreements;

/// <summary>Records each delivery a commitment may count (queue <c>agreement-deliveries</c>).</summary>
internal sealed class DeliveryFunction(RecordDelivery record)
{
    [Function("RecordAgreementDelivery")]
    public Task Run([QueueTrigger(Delivery.Queue, Connection = "AzureWebJobsStorage")] string message, CancellationToken ct) =>
        record.HandleAsync(QueueMessages.Parse<Delivery>(message), ct);
}
