using RedYifang.Functions.Evidence;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Orders;

/// <summary>
/// Answers Evidence for service orders (<see cref="IEvidenceOwner"/>; <c>ownerType: "order"</c>): the photos and documents that
/// prove an order was served. The matched unit's liaison attaches into the unit's archive, admins over the order's community
/// into the community's; whoever may read the order lists its evidence.
/// </summary>
public sealed class OrderEvidenceOwner(OrderStore orders, OrgStore orgs) : IEvidenceOwner
{
    public OwnerType Type => OwnerType.Order;

    public async Task<OwnerPlacement> PlaceForChangeAsync(Caller caller, string ownerId, CancellationToken ct)
    {
        var order = await ReadableAsync(caller, ownerId, ct) ?? throw Problems.NotFound("order");
        if (EvidencePolicy.AttachesAsProvider(caller, order.UnitId))
        {
            var unit = await orgs.FindAsync(order.UnitId!, ct) ?? throw Problems.NotFound("organisation");
            return new OwnerPlacement(order.CommunityPath, unit.Id, unit.Path);
        }
        if (EvidencePolicy.AttachesAsAdmin(caller, order.CommunityPath))
        {
            return new OwnerPlacement(order.CommunityPath, order.CommunityId, order.CommunityPath);
        }
        throw Problems.Forbidden();
    }

    public async Task<bool> MayListAsync(Caller caller, string ownerId, CancellationToken ct) =>
        await ReadableAsync(caller, ownerId, ct) is not null;

    private async Task<Order?> ReadableAsync(Caller caller, string id, CancellationToken ct) =>
        (await orders.FindAsync(id, ct))?.Order is { } order && OrderPolicy.MayRead(caller, order) ? order : null;
}
