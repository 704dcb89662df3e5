using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Agreements;

/// <summary>Records money given towards an agreement (queue <c>agreement-funds</c>).</summary>
internal sealed class FundsDeliveryFunction(RecordFundsDelivery record)
{
    [Function("RecordAgreementFunds")]
    public Task Run([QueueTrigger(FundsDelivery.Queue, Connection = "AzureWebJobsStorage")] string message, CancellationToken ct) =>
        record.HandleAsync(QueueMessages.Parse<FundsDelivery>(message), ct);
}
