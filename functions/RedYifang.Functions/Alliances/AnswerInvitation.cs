using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Alliances;

/// <summary>
/// The steps accepting and declining share: the alliance the caller may see, the unit's invitation (404 when it has none),
/// whoever acts for the unit (403 otherwise), then the step (409 <c>invalid_transition</c> unless the unit is invited), written
/// on the ETag it was read with.
/// </summary>
public sealed class AnswerInvitation(AllianceReads reads, AllianceStore alliances)
{
    public async Task<Member> HandleAsync(Caller caller, string id, string unitId, bool accept, CancellationToken ct)
    {
        var alliance = await reads.ReadAsync(caller, id, ct);
        var stored = await reads.MemberAsync(alliance, unitId, ct);
        if (!AlliancePolicy.MayActForMember(caller, stored.Value)) throw Problems.Forbidden();
        var change = accept ? stored.Value.Accept(caller.UserId, reads.Now) : stored.Value.Decline(caller.UserId, reads.Now);
        await alliances.WriteMemberAsync(stored, change, ct);
        return change.Member;
    }
}
