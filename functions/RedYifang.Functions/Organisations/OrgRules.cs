using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Organisations;

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
        OrgKind.Street => [Role.StreetAdmin, Role.PartTimeCommitteeMember],
        OrgKind.Community => [Role.CommunityAdmin, Role.Resident, Role.PartyMember],
        OrgKind.Grid or OrgKind.Building => [Role.Resident, Role.PartyMember],
        OrgKind.Unit or OrgKind.VolunteerTeam => [Role.Liaison, Role.PartyMember],
        _ => [],
    };

    /// <summary>Party branch and member counts describe bodies with party organisations of their own.</summary>
    public static bool HasPartyCounts(OrgKind kind) => kind is OrgKind.Community or OrgKind.Unit or OrgKind.VolunteerTeam;

    /// <summary>Households are counted where residents live: communities and their grids.</summary>
    public static bool HasHouseholds(OrgKind kind) => kind is OrgKind.Community or OrgKind.Grid;

    /// <summary>The largest households figure accepted (created or edited): ten million, more than any community holds.</summary>
    public const int MaxHouseholds = 10_000_000;
}
