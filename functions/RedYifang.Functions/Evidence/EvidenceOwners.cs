using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Evidence;

/// <summary>
/// Which objects evidence can be attached to, and where it goes when the caller may (<see cref="EvidencePolicy"/>): organisations
/// (the registry every feature reads) here, every other kind by the feature that owns it (<see cref="IEvidenceOwner"/>), so that
/// Evidence never reads another feature's store.
/// </summary>
public sealed class EvidenceOwners(OrgStore orgs, IEnumerable<IEvidenceOwner> others)
{
    private readonly IReadOnlyDictionary<OwnerType, IEvidenceOwner> _others = others.ToDictionary(o => o.Type);

    /// <summary>
    /// For an organisation: its admins or its liaison (archive: the organisation). Other kinds: as their feature answers
    /// (orders: Orders/OrderEvidenceOwner.cs; co-building agreements: Agreements/AgreementEvidenceOwner.cs); a kind no feature
    /// answers for yet is 422.
    /// </summary>
    public async Task<OwnerPlacement> PlaceForChangeAsync(Caller caller, OwnerType type, string ownerId, CancellationToken ct)
    {
        switch (type)
        {
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
        OwnerType.Org => await orgs.FindAsync(ownerId, ct) is { } org && EvidencePolicy.ActsFor(caller, org),
        _ => _others.TryGetValue(type, out var owner) && await owner.MayListAsync(caller, ownerId, ct),
    };
}
