using RedYifang.Functions.Evidence;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Agreements;

/// <summary>
/// Answers Evidence for co-building agreements (<see cref="IEvidenceOwner"/>; <c>ownerType: "agreement"</c>): the signed
/// document and whatever else proves the agreement. Admins over the party organisation attach into its archive, the unit's
/// liaisons into the unit's; the agreement's parties (<see cref="AgreementPolicy.MayRead"/>) list it.
/// </summary>
public sealed class AgreementEvidenceOwner(AgreementStore agreements) : IEvidenceOwner
{
    public OwnerType Type => OwnerType.Agreement;

    public async Task<OwnerPlacement> PlaceForChangeAsync(Caller caller, string ownerId, CancellationToken ct)
    {
        var agreement = await ReadableAsync(caller, ownerId, ct) ?? throw Problems.NotFound("agreement");
        if (AgreementPolicy.AttachesForPartyOrg(caller, agreement))
        {
            return new OwnerPlacement(agreement.PartyOrgPath, agreement.PartyOrgId, agreement.PartyOrgPath);
        }
        if (AgreementPolicy.AttachesForUnit(caller, agreement))
        {
            return new OwnerPlacement(agreement.PartyOrgPath, agreement.UnitId, agreement.UnitPath);
        }
        throw Problems.Forbidden();
    }

    public async Task<bool> MayListAsync(Caller caller, string ownerId, CancellationToken ct) =>
        await ReadableAsync(caller, ownerId, ct) is not null;

    private async Task<Agreement?> ReadableAsync(Caller caller, string id, CancellationToken ct) =>
        (await agreements.FindAsync(id, ct))?.Agreement is { } agreement && AgreementPolicy.MayRead(caller, agreement) ? agreement : null;
}
