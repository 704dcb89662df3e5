using RedYifang.Functions.Identity;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Organisations;

/// <summary>An admin of an organisation (or above it) grants another user a role the organisation's kind can hold.</summary>
public sealed class GrantRole(OrgStore orgs, UserStore users)
{
    public sealed record Request(string? Role);

    public async Task<RoleGrantView> HandleAsync(Caller caller, string orgId, string userId, Request request, CancellationToken ct)
    {
        var v = new Validator();
        var role = v.OneOf<Role>("role", request.Role);
        v.ThrowIfInvalid();
        if (!OrgPolicy.MayGrantTo(caller, userId)) throw Problems.Forbidden();
        var org = await orgs.FindAsync(orgId, ct) ?? throw Problems.NotFound("organisation");
        if (!OrgPolicy.MayManageRolesAt(caller, org)) throw Problems.Forbidden();
        if (!OrgRules.RolesHeldAt(org.Kind).Contains(role!.Value)) throw OrgProblems.RoleNotAllowed(role.Value, org.Kind);
        if (await users.FindAsync(userId, ct) is null) throw OrgProblems.UserNotFound();
        await users.GrantAsync(userId, new RoleGrant(role.Value, org.Id, org.Path), caller.UserId, ct);
        return new RoleGrantView(userId, org.Id, role.Value);
    }
}
