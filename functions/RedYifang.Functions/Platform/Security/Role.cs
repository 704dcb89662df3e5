namespace RedYifang.Functions.Platform.Security;

public enum Role
{
    Resident,
    PartyMember,
    Liaison,
    CommunityAdmin,
    StreetAdmin,
    DistrictAdmin,
}

/// <summary>A role scoped to an organisation; it holds for everything below it. OrgId null: every organisation.</summary>
/// <remarks>OrgPath (the organisation's ancestors and itself) is kept with the grant so scope checks need no look-up.</remarks>
public sealed record RoleGrant(Role Role, string? OrgId, IReadOnlyList<string>? OrgPath = null);

public static class RoleExtensions
{
    public static bool IsAdmin(this Role role) => role is Role.CommunityAdmin or Role.StreetAdmin or Role.DistrictAdmin;
}
