namespace RedYifang.Functions.Agreements;

/// <summary>
/// Records money a unit gave towards an agreement (queue <c>agreement-funds</c>) in the unit's own partition of deliveries, so
/// only the agreement's unit's gifts are ever read for it (a movement naming another unit's agreement is kept under the giver and
/// counts for nothing). The message carries all it needs and may arrive twice: its row is keyed by the movement.
/// </summary>
public sealed class RecordFundsDelivery(DeliveryStore deliveries)
{
    public Task HandleAsync(FundsDelivery delivery, CancellationToken ct) => deliveries.RecordFundsAsync(delivery, ct);
}
