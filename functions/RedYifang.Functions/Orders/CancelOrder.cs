using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Orders;

/// <summary>The owner or the community cancels, with a reason; an order already matched gives its unit's capacity back.</summary>
public sealed class CancelOrder(OrderChanges changes, OrderResources resources)
{
    public async Task<Order> HandleAsync(Caller caller, string id, ReasonRequest body, CancellationToken ct)
    {
        var reason = OrderChanges.RequiredReason(body.Reason);
        var after = await changes.ApplyAsync(
            caller,
            id,
            OrderPolicy.MayCancel,
            o => o.Apply(OrderAction.Cancel, caller.UserId, changes.Now, reason),
            ct);
        if (after.Agreement is { } agreement) await resources.ReleaseAsync(id, agreement, ct);
        return after;
    }
}
