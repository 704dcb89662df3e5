using RedYifang.Functions.Evidence;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Orders;

/// <summary>
/// Answers Evidence for service orders (<see cref="IEvidenceOwner"/>; <c>ownerType: "order"</c>): the photos and documents that
/// prove an order was served. The matched unit's liaison attaches into the unit's archive, admins over the order's community
/// into the community's; the order's owner attaches photos (at most <see cref="OrderLifecycle.MaxOwnerPhotos"/>) into the community's
/// archive while the order is still open to review and matching (submitted, published). Whoever may read the order lists its
/// evidence and reads each item.
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
        if (OrderPolicy.IsOwner(caller, order))
        {
            if (!OrderLifecycle.OwnerAddsPhotosIn(order.State)) throw OwnerPhotosClosed(order.State);
            return new OwnerPlacement(order.CommunityPath, order.CommunityId, order.CommunityPath, OrderLifecycle.MaxOwnerPhotos);
        }
        throw Problems.Forbidden();
    }

    public async Task<bool> MayListAsync(Caller caller, string ownerId, CancellationToken ct) =>
        await ReadableAsync(caller, ownerId, ct) is not null;

    private static InvalidTransitionException OwnerPhotosClosed(OrderState state) =>
        new("invalid_transition",
            new("订单当前状态不允许此操作", "The order's state does not allow this"),
            new LocalizedText("订单处于 {0} 状态：只有待审核或已发布的订单可以补充照片。",
                "The order is {0}: photos may be added only while it is submitted or published.").Format(EnumText.ToText(state)));

    private async Task<Order?> ReadableAsync(Caller caller, string id, CancellationToken ct) =>
        (await orders.FindAsync(id, ct))?.Order is { } order && OrderPolicy.MayRead(caller, order) ? order : null;
}
