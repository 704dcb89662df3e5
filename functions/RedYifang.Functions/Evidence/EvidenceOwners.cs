using RedYifang.Functions.Orders;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Evidence;

/// <summary>
/// Which objects evidence can be attached to, and where it goes when the caller may (<see cref="EvidencePolicy"/>): orders and
/// organisations here, other kinds by the feature that owns them (<see cref="IEvidenceOwner"/>).
/// </summary>
public sealed class EvidenceOwners(OrderStore orders, OrgStore orgs, IEnumerable<IEvidenceOwner> others)
{
    private readonly IReadOnlyDictionary<OwnerType, IEvidenceOwner> _others = others.ToDictionary(o => o.Type);

    /// <summary>
    /// For an order: its provider's liaison (archive: the unit) or an admin over its community (archive: the community).
    /// For an organisation: its admins or its liaison (archive: the organisation). Other kinds: as their feature answers
    /// (co-building agreements: Agreements/AgreementEvidenceOwner.cs); a kind no feature answers for yet is 422.
    /// </summary>
    public async Task<OwnerPlacement> PlaceForChangeAsync(Caller caller, OwnerType type, string ownerId, CancellationToken ct)
    {
        switch (type)
        {
            case OwnerType.Order:
                var order = (await orders.FindAsync(ownerId, ct))?.Order;
                if (order is null || !EvidencePolicy.MaySeeOrder(caller, order)) throw Problems.NotFound("order");
                if (EvidencePolicy.AttachesAsProvider(caller, order))
                {
                    var unit = await orgs.FindAsync(order.UnitId!, ct) ?? throw Problems.NotFound("organisation");
                    return new OwnerPlacement(order.CommunityPath, unit.Id, unit.Path);
                }
                if (EvidencePolicy.AttachesAsAdmin(caller, order))
                {
                    return new OwnerPlacement(order.CommunityPath, order.CommunityId, order.CommunityPath);
                }
                throw Problems.Forbidden();
            case OwnerType.Org:
                var org = await orgs.FindAsync(ownerId, ct) ?? throw Problems.NotFound("organisation");
                if (!EvidencePolicy.ActsFor(caller, org)) throw Problems.Forbidden();
                return new OwnerPlacement(org.Path, org.Id, org.Path);
            default:
                return _others.TryGetValue(type, out var owner)
                    ? await owner.PlaceForChangeAsync(caller, ownerId, ct)
                    : throw EvidenceProblems.OwnerNotSupported();
        }
    }

    /// <summary>May the caller list the evidence of this object?</summary>
    public async Task<bool> MayListAsync(Caller caller, OwnerType type, string ownerId, CancellationToken ct) => type switch
    {
        OwnerType.Order => (await orders.FindAsync(ownerId, ct))?.Order is { } order && EvidencePolicy.MaySeeOrder(caller, order),
        OwnerType.Org => await orgs.FindAsync(ownerId, ct) is { } org && EvidencePolicy.ActsFor(caller, org),
        _ => _others.TryGetValue(type, out var owner) && await owner.MayListAsync(caller, ownerId, ct),
    };
}
