namespace RedYifang.Functions.Platform.Security;

public static class RoleExtensions
{
    public static bool IsAdmin(this Role role) => role is Role.CommunityAdmin or Role.StreetAdmin or Role.DistrictAdmin;
}
