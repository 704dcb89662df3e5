using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Evidence;

/// <summary>
/// One item as the API shows it, to those who may read it (<see cref="EvidencePolicy.MayRead"/>) or list the evidence of the object
/// it proves (as the object's feature answers: a resident reads the unit's photos of their own order), unless content security
/// holds or hid it from them (<see cref="EvidencePolicy.SeesScreened"/>); 404 to anyone else.
/// </summary>
public sealed class GetEvidence(EvidenceStore store, EvidenceBlobs blobs, EvidenceOwners owners)
{
    public async Task<EvidenceView> HandleAsync(Caller caller, string id, CancellationToken ct)
    {
        var stored = await store.FindAsync(id, ct);
        if (stored is null
            || !(EvidencePolicy.MayRead(caller, stored.Record)
                || await owners.MayListAsync(caller, stored.Record.OwnerType, stored.Record.OwnerId, ct))
            || !EvidencePolicy.SeesScreened(caller, stored.Record))
        {
            throw Problems.NotFound("evidence");
        }
        return await EvidenceView.FromAsync(stored.Record, blobs, ct);
    }
}
