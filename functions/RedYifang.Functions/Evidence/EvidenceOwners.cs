using RedYifang.Functions.Identity;
using RedYifang.Functions.Orders;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Evidence;

/// <summary>Where a piece of evidence belongs: the scope that may see it and the organisation whose trace archive holds it.</summary>
public sealed record OwnerPlacement(IReadOnlyList<string> ScopePath, string ChainOrgId, IReadOnlyList<string> ChainOrgPath);

/// <summary>Which objects evidence can be attached to, and who may attach it.</summary>
public sealed class EvidenceOwners(OrderStore orders, OrgStore orgs)
{
    /// <summary>
    /// For an order: its provider's liaison (archive: the unit) or an admin over its community (archive: the community).
    /// For an organisation: its admins or its liaison (archive: the organisation). Activities and co-building
    /// agreements arrive with their own features.
    /// </summary>
    public async Task<OwnerPlacement> PlaceForChangeAsync(Caller caller, OwnerType type, string ownerId, CancellationToken ct)
    {
        switch (type)
        {
            case OwnerType.Order:
                var order = (await orders.FindAsync(ownerId, ct))?.Order;
                if (order is null || !OrderPolicy.MayRead(caller, order)) throw Problems.NotFound("order");
                if (OrderPolicy.IsProvider(caller, order))
                {
                    var unit = await orgs.FindAsync(order.UnitId!, ct) ?? throw Problems.NotFound("organisation");
                    return new OwnerPlacement(order.CommunityPath, unit.Id, unit.Path);
                }
                if (caller.IsAdminOf(order.CommunityPath)) return new OwnerPlacement(order.CommunityPath, order.CommunityId, order.CommunityPath);
                throw Problems.Forbidden();
            case OwnerType.Org:
                var org = await orgs.FindAsync(ownerId, ct) ?? throw Problems.NotFound("organisation");
                if (!caller.ActsFor(org.Path)) throw Problems.Forbidden();
                return new OwnerPlacement(org.Path, org.Id, org.Path);
            default:
                throw new RuleViolationException("owner_not_supported",
                    new("暂不支持该类对象的痕迹材料", "Evidence for this kind of object is not supported yet"),
                    new("活动与共建协议的痕迹将随对应功能上线。", "Activities and co-building agreements come with their own features."),
                    new Dictionary<string, IReadOnlyList<LocalizedText>> { ["ownerType"] = [new("暂不支持", "is not supported yet")] });
        }
    }

    public static bool MayRead(Caller caller, EvidenceRecord record) =>
        record.UploaderId == caller.UserId
        || caller.IsAdminOf(record.ScopePath)
        || caller.IsAdminOf(record.ChainOrgPath)
        || caller.IsLiaisonOf(record.ChainOrgId);

    /// <summary>May the caller list the evidence of this object?</summary>
    public async Task<bool> MayListAsync(Caller caller, OwnerType type, string ownerId, CancellationToken ct) => type switch
    {
        OwnerType.Order => (await orders.FindAsync(ownerId, ct))?.Order is { } order && OrderPolicy.MayRead(caller, order),
        OwnerType.Org => await orgs.FindAsync(ownerId, ct) is { } org && caller.ActsFor(org.Path),
        _ => false,
    };
}
