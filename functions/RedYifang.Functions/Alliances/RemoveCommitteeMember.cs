using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Alliances;

/// <summary>
/// The street's admins remove a part-time committee member: the seat goes, and with it the role on the street (revoked through
/// Organisations' own use case, <see cref="SyncCommitteeRole"/>).
/// </summary>
public sealed class RemoveCommitteeMember(AllianceReads reads, AllianceStore alliances)
{
    public async Task HandleAsync(Caller caller, string id, string userId, CancellationToken ct)
    {
        var alliance = await reads.ManageAsync(caller, id, ct);
        var seat = (Keys.IsWellFormedId(userId) ? await alliances.FindSeatOfUserAsync(alliance, userId, ct) : null)
            ?? throw Problems.NotFound("committee member");
        await alliances.RemoveSeatAsync(seat, new AllianceEvent.CommitteeRemoved(seat.Value, caller.UserId, reads.Now), ct);
    }
}
