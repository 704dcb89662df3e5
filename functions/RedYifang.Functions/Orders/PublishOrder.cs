using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Orders;

/// <summary>The community (or the street, for orders above community level) publishes a submitted order (立项).</summary>
public sealed class PublishOrder(OrderChanges changes)
{
    public Task<Order> HandleAsync(Caller caller, string id, CancellationToken ct) =>
        changes.ApplyAsync(caller, id, OrderPolicy.MayApprove, o => o.Apply(OrderAction.Publish, caller.UserId, changes.Now), ct);
}
