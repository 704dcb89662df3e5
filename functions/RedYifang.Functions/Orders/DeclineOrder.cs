using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Orders;

/// <summary>
/// The matched unit's liaison gives a matched or agreed order back, with a reason: it is published again (Matching ranks it
/// anew), the resource's capacity for the agreement's month is returned, and the unit's record counts the decline
/// (Matching/UnitRecords.cs; Assessment's statistics).
/// </summary>
public sealed class DeclineOrder(OrderChanges changes, OrderResources resources)
{
    public async Task<Order> HandleAsync(Caller caller, string id, ReasonRequest body, CancellationToken ct)
    {
        var reason = OrderChanges.RequiredReason(body.Reason);
        ProjectAgreement? held = null;
        var after = await changes.ApplyAsync(
            caller,
            id,
            OrderPolicy.IsProvider,
            o =>
            {
                held = o.Agreement;
                return o.Decline(caller.UserId, changes.Now, reason);
            },
            ct);
        if (held is not null) await resources.ReleaseAsync(id, held, ct);
        return after;
    }
}
