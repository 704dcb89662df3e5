using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.PartyMembers;

/// <summary>The problems only party members' reports and points raise.</summary>
public static class PartyMemberProblems
{
    /// <summary>The user's earlier report to this community is still pending: one at a time.</summary>
    public static ConflictException ReportPending(string reportId) =>
        new("report_pending",
            new("您向该社区的报到尚待审核", "Your report to this community is still pending"),
            new LocalizedText("报到 {0} 尚待社区审核，审核前不能再次报到。", "Report {0} awaits the community's decision; report again after it.")
                .Format(reportId),
            new Dictionary<string, IReadOnlyList<LocalizedText>> { ["communityId"] = [new("已有待审核的报到", "has a pending report")] });

    /// <summary>The user's report to this community was approved already: they are its member.</summary>
    public static ConflictException AlreadyMember(string reportId) =>
        new("already_member",
            new("您已在该社区报到", "You have reported to this community already"),
            new LocalizedText("报到 {0} 已通过。", "Report {0} was approved.").Format(reportId),
            new Dictionary<string, IReadOnlyList<LocalizedText>> { ["communityId"] = [new("已报到", "already reported")] });

    public static InvalidTransitionException AlreadyDecided(ReportState state) =>
        new("invalid_transition",
            new("报到当前状态不允许此操作", "The report's state does not allow this"),
            new LocalizedText("报到已处理（{0}），不能再次审核。", "The report is {0}; it is decided once.").Format(EnumText.ToText(state)));
}
