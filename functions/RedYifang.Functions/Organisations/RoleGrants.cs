using RedYifang.Functions.Identity;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Organisations;

public sealed record GrantRoleRequest(string? Role);

public sealed record RoleGrantView(string UserId, string OrgId, Role Role);

/// <summary>Grants and revokes roles scoped to an organisation; only its admins (or admins above it) may.</summary>
public sealed class RoleGrants(OrgStore orgs, UserStore users)
{
    public async Task<RoleGrantView> GrantAsync(Caller caller, string orgId, string userId, GrantRoleRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var role = v.OneOf<Role>("role", request.Role);
        v.ThrowIfInvalid();
        // Nobody widens their own reach: a community admin who made itself a unit's liaison would read the whole street.
        if (userId == caller.UserId) throw Problems.Forbidden();
        var org = await AdministeredOrgAsync(caller, orgId, ct);
        if (!OrgRules.RolesHeldAt(org.Kind).Contains(role!.Value)) throw OrgProblems.RoleNotAllowed(role.Value, org.Kind);
        if (await users.FindAsync(userId, ct) is null) throw OrgProblems.UserNotFound();
        await users.GrantAsync(userId, new RoleGrant(role.Value, org.Id, org.Path), caller.UserId, ct);
        return new RoleGrantView(userId, org.Id, role.Value);
    }

    public async Task RevokeAsync(Caller caller, string orgId, string userId, string? roleText, CancellationToken ct)
    {
        Role? role = null;
        if (!string.IsNullOrEmpty(roleText))
        {
            var v = new Validator();
            role = v.OneOf<Role>("role", roleText);
            v.ThrowIfInvalid();
        }
        var org = await AdministeredOrgAsync(caller, orgId, ct);
        if (await users.FindAsync(userId, ct) is null) throw OrgProblems.UserNotFound();
        await users.RevokeAsync(userId, org.Id, role, ct);
    }

    private async Task<Org> AdministeredOrgAsync(Caller caller, string orgId, CancellationToken ct)
    {
        var org = await orgs.FindAsync(orgId, ct) ?? throw Problems.NotFound("organisation");
        return caller.IsAdminOf(org.Path) ? org : throw Problems.Forbidden();
    }
}
