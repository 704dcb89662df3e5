using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Alliances;

/// <summary>
/// The street's admins invite a unit or volunteer team of the street into its alliance (422 <c>invalid_reference</c> for one
/// outside it); again after it declined or left; a unit invited or a member already is 409 <c>alliance_member_exists</c>.
/// </summary>
public sealed class InviteMember(AllianceReads reads, AllianceStore alliances, OrgStore orgs)
{
    public sealed record Request(string? UnitId);

    public async Task<Member> HandleAsync(Caller caller, string id, Request request, CancellationToken ct)
    {
        var v = new Validator();
        var unitId = v.Id("unitId", request.UnitId);
        v.ThrowIfInvalid();
        var alliance = await reads.ManageAsync(caller, id, ct);
        var unit = await orgs.FindAsync(unitId!, ct);
        if (!IsUnitOfStreet(unit?.Kind, unit?.Path, alliance.StreetId))
        {
            throw Problems.InvalidReference("unitId",
                new("须为联盟所在街道的驻区单位或志愿服务队", "must be a unit or volunteer team of the alliance's street"));
        }
        var before = await alliances.FindMemberAsync(alliance, unit!.Id, ct);
        var change = Member.Invite(alliance, unit.Path, before?.Value, caller.UserId, reads.Now);
        await alliances.WriteMemberAsync(before, change, ct);
        return change.Member;
    }

    /// <summary>A unit or volunteer team whose street (the second organisation on its path) is the alliance's.</summary>
    public static bool IsUnitOfStreet(OrgKind? kind, IReadOnlyList<string>? path, string streetId) =>
        kind is OrgKind.Unit or OrgKind.VolunteerTeam && path is { Count: > 2 } && path[1] == streetId;
}
