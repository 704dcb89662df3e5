using RedYifang.Functions.Identity;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Organisations;

public enum OrgKind
{
    District,
    Street,
    Community,
    Grid,
    Building,
    Unit,
    VolunteerTeam,
}

public enum UnitKind
{
    Agency,
    StateEnterprise,
    NonPublicEnterprise,
    SocialOrganization,
}

/// <summary>
/// An organisation of the 组织体系. <see cref="Path"/> lists its ancestors from the district down, ending
/// with itself, so "is X within the scope of a role held at Y" is <c>X.Path.Contains(Y)</c>.
/// </summary>
public sealed record Org(
    string Id,
    OrgKind Kind,
    string? ParentId,
    string Name,
    UnitKind? UnitKind,
    int? PartyBranches,
    int? PartyMembers,
    string? Address,
    IReadOnlyList<string> Path,
    DateTimeOffset CreatedAt);

/// <summary>The hierarchy of domain.md: which kind hangs under which, and which roles each kind can hold.</summary>
public static class OrgRules
{
    public static IReadOnlyList<OrgKind> AllowedParents(OrgKind kind) => kind switch
    {
        OrgKind.District => [],
        OrgKind.Street => [OrgKind.District],
        OrgKind.Community => [OrgKind.Street],
        OrgKind.Grid => [OrgKind.Community],
        OrgKind.Building => [OrgKind.Grid],
        OrgKind.Unit or OrgKind.VolunteerTeam => [OrgKind.Street, OrgKind.Community],
        _ => [],
    };

    public static IReadOnlyList<Role> RolesHeldAt(OrgKind kind) => kind switch
    {
        OrgKind.District => [Role.DistrictAdmin],
        OrgKind.Street => [Role.StreetAdmin],
        OrgKind.Community => [Role.CommunityAdmin, Role.Resident, Role.PartyMember],
        OrgKind.Grid or OrgKind.Building => [Role.Resident, Role.PartyMember],
        OrgKind.Unit or OrgKind.VolunteerTeam => [Role.Liaison, Role.PartyMember],
        _ => [],
    };

    /// <summary>Party branch and member counts describe bodies with party organisations of their own.</summary>
    public static bool HasPartyCounts(OrgKind kind) => kind is OrgKind.Community or OrgKind.Unit or OrgKind.VolunteerTeam;
}
