using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Alliances;

/// <summary>
/// Who may see and do what in a street's alliance: every alliance rule, in one place. Each works on the paths the alliance and
/// its members keep and the roles the caller holds (with their organisations' paths), so no check reads the organisations.
/// </summary>
public static class AlliancePolicy
{
    /// <summary>Founding the street's alliance: admins over the street (its own, the district's).</summary>
    public static bool MayCreateFor(Caller caller, IReadOnlyList<string> streetPath) => caller.IsAdminOf(streetPath);

    /// <summary>
    /// Reading the alliance, its members, committee, chairs and meetings: admins over the street, and whoever acts in it —
    /// admins of its communities, liaisons of its units (a unit sees the invitation it may answer), the committee members.
    /// Residents and party members are answered as if it did not exist.
    /// </summary>
    public static bool MayRead(Caller caller, Alliance alliance) => MayReadIn(caller, alliance.StreetPath);

    /// <summary>Reading the alliance of the street at the end of <paramref name="streetPath"/> (<see cref="MayRead"/>).</summary>
    public static bool MayReadIn(Caller caller, IReadOnlyList<string> streetPath) =>
        caller.IsAdminOf(streetPath)
        || caller.Roles.Any(r => r.Role is not (Role.Resident or Role.PartyMember)
            && r.OrgPath is { } path && path.Contains(streetPath[^1]));

    /// <summary>Listing a district's alliances: admins over the district.</summary>
    public static bool MayListIn(Caller caller, IReadOnlyList<string> districtPath) => caller.IsAdminOf(districtPath);

    /// <summary>
    /// Running it — inviting units, appointing and removing committee members, setting chair terms, calling meetings, recording
    /// their decisions and closing them with minutes: admins over the street.
    /// </summary>
    public static bool MayManage(Caller caller, Alliance alliance) => caller.IsAdminOf(alliance.StreetPath);

    /// <summary>Answering an invitation, and leaving: whoever acts for the unit (its liaisons, admins over it).</summary>
    public static bool MayActForMember(Caller caller, Member member) => caller.ActsFor(member.UnitPath);

    /// <summary>Nobody appoints themselves (Organisations would refuse the role's grant too: nobody grants a role to themselves).</summary>
    public static bool MayAppoint(Caller caller, Alliance alliance, string userId) =>
        MayManage(caller, alliance) && userId != caller.UserId;

    /// <summary>A person of a unit: someone who holds a role at it (its liaison, or a party member there).</summary>
    public static bool IsPersonOf(IReadOnlyList<RoleGrant> roles, string unitId) =>
        roles.Any(r => r.OrgId == unitId && r.Role is (Role.Liaison or Role.PartyMember));
}
