using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.PartyMembers;

/// <summary>
/// An admin over the community approves a pending report; the member then holds <c>partyMember</c> at the grid they named, or
/// the community (granted through Organisations by <see cref="GrantReportedRole"/>, from the outbox row written with the approval).
/// </summary>
public sealed class ApproveReport(ReportChanges changes)
{
    public Task<PartyMemberReport> HandleAsync(Caller caller, string id, CancellationToken ct) =>
        changes.DecideAsync(caller, id, r => r.Approve(caller.UserId, changes.Now), ct);
}
