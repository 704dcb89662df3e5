using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Identity;

public sealed record MeView(string Id, string? Nickname, IReadOnlyList<RoleView> Roles)
{
    public static MeView Of(UserProfile profile, IEnumerable<RoleGrant> roles) =>
        new(profile.Id, profile.Nickname, roles.Select(r => new RoleView(r.Role, r.OrgId)).ToList());
}
