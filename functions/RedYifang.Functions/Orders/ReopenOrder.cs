using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Orders;

/// <summary>The community refuses a reported completion (验收 not passed): back in progress, with the reason.</summary>
public sealed class ReopenOrder(OrderChanges changes)
{
    public Task<Order> HandleAsync(Caller caller, string id, ReasonRequest body, CancellationToken ct)
    {
        var reason = OrderChanges.RequiredReason(body.Reason);
        return changes.ApplyAsync(
            caller,
            id,
            OrderPolicy.MayAccept,
            o => o.Apply(OrderAction.Reopen, caller.UserId, changes.Now, reason),
            ct);
    }
}
