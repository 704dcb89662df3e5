using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Orders;

/// <summary>The matched unit's liaison agrees to the project agreement (项目意见书).</summary>
public sealed class AgreeOrder(OrderChanges changes)
{
    public Task<Order> HandleAsync(Caller caller, string id, CancellationToken ct) =>
        changes.ApplyAsync(caller, id, OrderPolicy.IsProvider, o => o.Apply(OrderAction.Agree, caller.UserId, changes.Now), ct);
}
