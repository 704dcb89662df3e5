using Microsoft.Azure.Functions.Worker;

namespace RedYifang.Functions.Orders;

/// <summary>Daily at 03:00 China Standard Time (19:00 UTC): expires published orders nobody matched in time.</summary>
internal sealed class OrderExpiryFunction(ExpireStaleOrders expire)
{
    [Function("OrderExpiry")]
    public Task Run([TimerTrigger("%Orders:ExpirySchedule%")] TimerInfo timer, CancellationToken ct) => expire.HandleAsync(ct);
}
