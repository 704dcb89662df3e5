using Microsoft.Extensions.Logging;
using RedYifang.Functions.Identity;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.PartyMembers;

/// <summary>
/// Grants <c>partyMember</c> for an approved report through Organisations' own use case (<see cref="GrantRole"/>), as the admin
/// who approved it, with the roles they hold now — the grant records them as its author, and Organisations' rules apply
/// (the role fits a community or grid; nobody grants to themselves). If the approver has since lost the power to grant it,
/// nothing is granted and that is logged (an admin grants it by hand, <c>PUT /v1/orgs/{id}/roles/{userId}</c>).
/// </summary>
public sealed partial class GrantReportedRole(ReportStore reports, UserStore users, GrantRole grant, ILogger<GrantReportedRole> logger)
{
    public async Task HandleAsync(RoleGrantMessage message, CancellationToken ct)
    {
        var report = (await reports.FindAsync(message.ReportId, ct))?.Report;
        if (report is not { State: ReportState.Approved, Decision: { } decision })
        {
            LogNotApproved(message.ReportId);
            return;
        }
        var approver = new Caller(decision.By, await users.GetRolesAsync(decision.By, ct));
        try
        {
            await grant.HandleAsync(approver, report.GrantOrgId, report.UserId, new GrantRole.Request("partyMember"), ct);
        }
        catch (DomainException e)
        {
            LogRefused(message.ReportId, e.Code);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Report {ReportId} is not approved: no role to grant")]
    private partial void LogNotApproved(string reportId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Granting partyMember for report {ReportId} was refused ({Code}); an admin may grant it by hand")]
    private partial void LogRefused(string reportId, string code);
}
