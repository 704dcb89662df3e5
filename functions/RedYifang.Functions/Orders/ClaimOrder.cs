using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Orders;

/// <summary>A unit's liaison asks to take a published order with one of the unit's published resources.</summary>
public sealed class ClaimOrder(OrderChanges changes, OrderResources resources, OrderStore orders)
{
    public async Task<Order> HandleAsync(Caller caller, string id, ResourceRequest body, CancellationToken ct)
    {
        var resource = await resources.PublishedAsync(body, ct);
        if (!OrderPolicy.MayClaimFor(caller, resource.UnitId)) throw Problems.Forbidden();
        var stored = await changes.ReadAsync(caller, id, ct);
        if (stored.Order.State != OrderState.Published) throw OrderLifecycle.InvalidTransition(OrderAction.Match, stored.Order.State);
        OrderResources.CheckFits(stored.Order, resource, ChinaTime.Today(changes.Now));
        var change = stored.Order.Claim(new OrderClaim(resource.UnitId, resource.Id, caller.UserId, changes.Now));
        await orders.UpdateAsync(stored, change, ct);
        return change.Order;
    }
}
