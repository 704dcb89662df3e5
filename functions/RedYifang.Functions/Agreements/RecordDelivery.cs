namespace RedYifang.Functions.Agreements;

/// <summary>Records a unit's delivery (queue <c>agreement-deliveries</c>); the message carries all it needs and may arrive twice.</summary>
public sealed class RecordDelivery(DeliveryStore deliveries)
{
    public Task HandleAsync(Delivery delivery, CancellationToken ct) => deliveries.RecordAsync(delivery, ct);
}
