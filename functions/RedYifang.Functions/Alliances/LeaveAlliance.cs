using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Alliances;

/// <summary>
/// A member unit leaves (whoever acts for it: its liaisons, admins over it — the street's admins among them). Its committee seat,
/// if any, is vacated with it (the role revoked, <see cref="SyncCommitteeRole"/>). A unit chairing the alliance today or on a
/// later day is 409 <c>alliance_chair_holder</c>: its term is part of the record the members agreed on.
/// </summary>
public sealed class LeaveAlliance(AllianceReads reads, AllianceStore alliances)
{
    public async Task<Member> HandleAsync(Caller caller, string id, string unitId, CancellationToken ct)
    {
        var alliance = await reads.ReadAsync(caller, id, ct);
        var stored = await reads.MemberAsync(alliance, unitId, ct);
        if (!AlliancePolicy.MayActForMember(caller, stored.Value)) throw Problems.Forbidden();
        var now = reads.Now;
        var change = stored.Value.Leave(caller.UserId, now);
        var chairs = await alliances.ChairsAsync(alliance, ct);
        var today = ChinaTime.Today(now);
        if (chairs.Value.ChairsFrom(unitId, today))
        {
            throw AllianceProblems.ChairHolder(chairs.Value.Terms.First(t => t.UnitId == unitId && t.To >= today));
        }
        var seat = await alliances.FindSeatOfUnitAsync(alliance, unitId, ct);
        AllianceEvent? vacated = seat is null ? null : new AllianceEvent.CommitteeRemoved(seat.Value, caller.UserId, now);
        await alliances.LeaveAsync(stored, change, seat, vacated, chairs, ct);
        return change.Member;
    }
}
