using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Storage;
using RedYifang.Functions.Resources;

namespace RedYifang.Functions.Orders;

/// <summary>
/// The community confirms a resource for the order, which creates the project agreement (项目意见书). The resource's
/// capacity for the month is reserved first and released again if the order cannot be written.
/// </summary>
public sealed class MatchOrder(
    OrderChanges changes,
    OrderResources resources,
    CapacityLedger capacity,
    OrderStore orders,
    TimeProvider clock)
{
    public async Task<Order> HandleAsync(Caller caller, string id, ResourceRequest body, CancellationToken ct)
    {
        var resource = await resources.PublishedAsync(body, ct);
        var stored = await changes.ReadAsync(caller, id, ct);
        if (!OrderPolicy.MayApprove(caller, stored.Order)) throw Problems.Forbidden();
        OrderLifecycle.Target(OrderAction.Match, stored.Order.State);
        OrderResources.CheckFits(stored.Order, resource, ChinaTime.Today(clock.GetUtcNow()));
        var at = clock.GetUtcNow();
        var agreement = new ProjectAgreement(
            Keys.NewChildId("agr", stored.Order.CommunityId, clock),
            resource.Id,
            resource.UnitId,
            caller.UserId,
            at,
            resource.Kind == ResourceKind.Funds ? resource.Amount : null);
        var month = ChinaTime.Month(at);
        await capacity.ReserveAsync(resource, id, agreement.Id, month, ct);
        try
        {
            var change = stored.Order.Match(agreement);
            await orders.UpdateAsync(stored, change, ct);
            return change.Order;
        }
        catch
        {
            await capacity.ReleaseAsync(resource, id, agreement.Id, month, CancellationToken.None);
            throw;
        }
    }
}
