using Microsoft.Azure.Functions.Worker;

namespace RedYifang.Functions.Orders;

/// <summary>
/// Daily at 03:00 China Standard Time (19:00 UTC): orders that waited too long. Matches their unit left unanswered go back to
/// the pool first, then published orders nobody matched in time expire (a match just given back is fresh, not stale).
/// </summary>
internal sealed class OrderExpiryFunction(LapseUnansweredMatches lapse, ExpireStaleOrders expire)
{
    [Function("OrderExpiry")]
    public async Task Run([TimerTrigger("%Orders:ExpirySchedule%")] TimerInfo timer, CancellationToken ct)
    {
        await lapse.HandleAsync(ct);
        await expire.HandleAsync(ct);
    }
}
