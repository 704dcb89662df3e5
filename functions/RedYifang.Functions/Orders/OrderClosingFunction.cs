using Microsoft.Azure.Functions.Worker;

namespace RedYifang.Functions.Orders;

/// <summary>Daily at 03:20 China Standard Time (19:20 UTC): closes accepted orders left unrated for the period.</summary>
internal sealed class OrderClosingFunction(CloseUnratedOrders close)
{
    [Function("OrderClosing")]
    public Task Run([TimerTrigger("%Orders:ClosingSchedule%")] TimerInfo timer, CancellationToken ct) => close.HandleAsync(ct);
}
