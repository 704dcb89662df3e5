using RedYifang.Functions.Identity;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Alliances;

/// <summary>
/// The street's admins appoint a part-time committee member (兼职委员): a person of a member unit — someone holding a role at
/// it (its liaison, a party member there) — never themselves (403). One seat per member unit and per person (409
/// <c>committee_seat_taken</c>). The person then holds <c>partTimeCommitteeMember</c> on the street, granted through
/// Organisations' own use case once the seat is written (<see cref="SyncCommitteeRole"/>).
/// </summary>
public sealed class AppointCommitteeMember(AllianceReads reads, AllianceStore alliances, UserStore users)
{
    public sealed record Request(string? UserId, string? UnitId);

    public async Task<CommitteeSeat> HandleAsync(Caller caller, string id, Request request, CancellationToken ct)
    {
        var v = new Validator();
        var userId = v.Id("userId", request.UserId);
        var unitId = v.Id("unitId", request.UnitId);
        v.ThrowIfInvalid();
        var alliance = await reads.ManageAsync(caller, id, ct);
        if (!AlliancePolicy.MayAppoint(caller, alliance, userId!)) throw Problems.Forbidden();
        var member = await alliances.FindMemberAsync(alliance, unitId!, ct);
        if (member is not { Value.State: MemberState.Active })
        {
            throw Problems.InvalidReference("unitId", new("须为联盟的成员单位", "must be a member unit of the alliance"));
        }
        if (!AlliancePolicy.IsPersonOf(await users.GetRolesAsync(userId!, ct), unitId!))
        {
            throw Problems.InvalidReference("userId",
                new("须为该成员单位的人员（联络员或党员）", "must be a person of the member unit (its liaison or a party member there)"));
        }
        if (await alliances.FindSeatOfUnitAsync(alliance, unitId!, ct) is not null) throw AllianceProblems.SeatTaken(byUnit: true);
        if (await alliances.FindSeatOfUserAsync(alliance, userId!, ct) is not null) throw AllianceProblems.SeatTaken(byUnit: false);

        var seat = new CommitteeSeat(alliance.Id, alliance.DistrictId, alliance.StreetId, userId!, unitId!, caller.UserId, reads.Now);
        try
        {
            await alliances.AddSeatAsync(seat, member, new AllianceEvent.CommitteeAppointed(seat), ct);
        }
        catch (ConflictException e) when (e.Code == "conflict")
        {
            // Another appointment took the unit's or the person's seat meanwhile, or the unit's membership changed.
            if (await alliances.FindSeatOfUnitAsync(alliance, unitId!, ct) is not null) throw AllianceProblems.SeatTaken(byUnit: true);
            if (await alliances.FindSeatOfUserAsync(alliance, userId!, ct) is not null) throw AllianceProblems.SeatTaken(byUnit: false);
            throw;
        }
        return seat;
    }
}
