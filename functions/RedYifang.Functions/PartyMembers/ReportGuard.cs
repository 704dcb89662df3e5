using Azure;

namespace RedYifang.Functions.PartyMembers;

/// <summary>
/// A user's standing with one community: the state of their latest report there. One pending report per user and community,
/// and none once approved; a declined one leaves room for another (<see cref="ReportStore"/>'s <c>guard|…</c> row).
/// </summary>
public sealed record ReportGuard(string UserId, string ReportId, ReportState State, ETag ETag)
{
    /// <summary>
    /// Whether the user may report to the community again: not while their report there is pending (409 <c>report_pending</c>),
    /// not once it was approved (409 <c>already_member</c>); after a decline, or with no report, they may.
    /// </summary>
    public static void CheckMayReport(ReportGuard? guard)
    {
        if (guard is { State: ReportState.Pending }) throw PartyMemberProblems.ReportPending(guard.ReportId);
        if (guard is { State: ReportState.Approved }) throw PartyMemberProblems.AlreadyMember(guard.ReportId);
    }
}
