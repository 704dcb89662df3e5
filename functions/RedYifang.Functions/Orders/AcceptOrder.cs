using RedYifang.Functions.Evidence;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Orders;

/// <summary>
/// The community accepts the reported completion (验收). The assessment counts it only if every piece of its evidence
/// is verified and this order's, which is checked now and carried on the event.
/// </summary>
public sealed class AcceptOrder(OrderChanges changes, IVerifiedEvidence evidence)
{
    public async Task<Order> HandleAsync(Caller caller, string id, CancellationToken ct)
    {
        var stored = await changes.ReadAsync(caller, id, ct);
        var verified = await evidence.AllVerifiedAsync(OwnerType.Order, id, stored.Order.Completion?.EvidenceIds ?? [], ct);
        return await changes.ApplyAsync(caller, id, OrderPolicy.MayAccept, o => o.Accept(caller.UserId, changes.Now, verified), ct);
    }
}
