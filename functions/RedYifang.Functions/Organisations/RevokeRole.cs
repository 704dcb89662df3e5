using RedYifang.Functions.Identity;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Organisations;

/// <summary>An admin of an organisation (or above it) revokes a user's roles held there: one role, or all of them.</summary>
public sealed class RevokeRole(OrgStore orgs, UserStore users)
{
    public async Task HandleAsync(Caller caller, string orgId, string userId, string? roleText, CancellationToken ct)
    {
        Role? role = null;
        if (!string.IsNullOrEmpty(roleText))
        {
            var v = new Validator();
            role = v.OneOf<Role>("role", roleText);
            v.ThrowIfInvalid();
        }
        var org = await orgs.FindAsync(orgId, ct) ?? throw Problems.NotFound("organisation");
        if (!OrgPolicy.MayManageRolesAt(caller, org)) throw Problems.Forbidden();
        if (await users.FindAsync(userId, ct) is null) throw OrgProblems.UserNotFound();
        await users.RevokeAsync(userId, org.Id, role, ct);
    }
}
