using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Orders;

/// <summary>
/// The community turns a unit's claim down, with the reason: the claim is dropped, the order stays published for others (and
/// for the unit, which may claim again), and the reason is in the history (published → published, naming the unit).
/// </summary>
public sealed class RejectClaim(OrderChanges changes)
{
    public Task<Order> HandleAsync(Caller caller, string id, ClaimDecision body, CancellationToken ct)
    {
        var (unitId, reason) = ApproveClaim.Validate(body, reasonRequired: true);
        return changes.ApplyAsync(caller, id, OrderPolicy.MayApprove, o => o.RejectClaim(unitId, caller.UserId, changes.Now, reason!), ct);
    }
}
