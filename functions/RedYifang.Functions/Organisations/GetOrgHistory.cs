using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Organisations;

/// <summary>
/// An organisation's edits, oldest first (<c>GET /v1/orgs/{id}/history</c>), for whoever may edit it (<see cref="OrgPolicy"/>):
/// the entries name the admins who edited, which the open directory does not show. Anyone else sees the organisation in the
/// directory, so is refused with 403, not 404.
/// </summary>
public sealed class GetOrgHistory(OrgStore orgs)
{
    public async Task<IReadOnlyList<OrgHistoryEntry>> HandleAsync(Caller caller, string id, CancellationToken ct)
    {
        var org = await orgs.FindAsync(id, ct) ?? throw Problems.NotFound("organisation");
        if (!OrgPolicy.MayEdit(caller, org)) throw Problems.Forbidden();
        return await orgs.HistoryAsync(org, ct);
    }
}
