using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Orders;

/// <summary>The matched unit's liaison starts the work.</summary>
public sealed class StartOrder(OrderChanges changes)
{
    public Task<Order> HandleAsync(Caller caller, string id, CancellationToken ct) =>
        changes.ApplyAsync(caller, id, OrderPolicy.IsProvider, o => o.Apply(OrderAction.Start, caller.UserId, changes.Now), ct);
}
