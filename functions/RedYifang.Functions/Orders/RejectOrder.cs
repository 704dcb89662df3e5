using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Orders;

/// <summary>A submitted order is turned down, with the reason the resident reads.</summary>
public sealed class RejectOrder(OrderChanges changes)
{
    public Task<Order> HandleAsync(Caller caller, string id, ReasonRequest body, CancellationToken ct)
    {
        var reason = OrderChanges.RequiredReason(body.Reason);
        return changes.ApplyAsync(
            caller,
            id,
            OrderPolicy.MayApprove,
            o => o.Apply(OrderAction.Reject, caller.UserId, changes.Now, reason),
            ct);
    }
}
