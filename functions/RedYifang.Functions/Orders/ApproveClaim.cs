using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Orders;

/// <summary>
/// The community approves a unit's claim of a published order (domain.md: "claim one directly, which the community approves"):
/// the order is matched with the resource the unit claimed with, exactly as a match (<see cref="MatchOrder"/>: the project
/// agreement, the month's capacity reserved). Who may: as for a match (<see cref="OrderPolicy.MayApprove"/>).
/// </summary>
public sealed class ApproveClaim(OrderChanges changes, MatchOrder match)
{
    public async Task<Order> HandleAsync(Caller caller, string id, ClaimDecision body, CancellationToken ct)
    {
        var unitId = Validate(body, reasonRequired: false).UnitId;
        var stored = await changes.ReadAsync(caller, id, ct);
        if (!OrderPolicy.MayApprove(caller, stored.Order)) throw Problems.Forbidden();
        var claim = Claimed(stored.Order, unitId);
        return await match.HandleAsync(caller, id, new ResourceRequest(claim.ResourceId), ct);
    }

    public static (string UnitId, string? Reason) Validate(ClaimDecision body, bool reasonRequired)
    {
        var v = new Validator();
        var unitId = v.Id("unitId", body.UnitId);
        var reason = v.Text("reason", body.Reason, 500, required: reasonRequired);
        v.ThrowIfInvalid();
        return (unitId!, reason);
    }

    /// <summary>The unit's claim of a published order; an order no longer published is 409, a unit that did not claim 422.</summary>
    public static OrderClaim Claimed(Order order, string unitId)
    {
        if (order.State != OrderState.Published) throw OrderLifecycle.InvalidTransition(OrderAction.Match, order.State);
        return order.Claims.FirstOrDefault(c => c.UnitId == unitId)
            ?? throw Problems.InvalidReference("unitId", new("该单位没有认领此订单", "has not claimed this order"));
    }
}
