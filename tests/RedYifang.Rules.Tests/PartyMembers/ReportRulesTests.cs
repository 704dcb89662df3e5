using RedYifang.Functions.PartyMembers;
using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Rules.Tests.PartyMembers;

/// <summary>
/// A report's rules: one pending report per user and community and none once approved (ReportGuard), a decision once, and
/// approval granting at the grid named, else the community.
/// </summary>
public sealed class ReportRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private static PartyMemberReport Report(string? grid = null) => PartyMemberReport.Submit(
        new NewReport { CommunityId = "org_c", GridId = grid, WorkUnitName = "某公司", Skills = [], ServiceCategories = [Category.Medical] },
        "pmr_d-1", ["org_d", "org_s", "org_c"], "usr_m", At).Report;

    [Fact]
    public void A_user_may_report_with_no_report_or_after_a_decline_but_not_while_one_is_pending_or_once_approved()
    {
        ReportGuard.CheckMayReport(null);
        ReportGuard.CheckMayReport(new ReportGuard("usr_m", "pmr_1", ReportState.Declined, default));

        var pending = Assert.Throws<ConflictException>(() =>
            ReportGuard.CheckMayReport(new ReportGuard("usr_m", "pmr_1", ReportState.Pending, default)));
        var approved = Assert.Throws<ConflictException>(() =>
            ReportGuard.CheckMayReport(new ReportGuard("usr_m", "pmr_1", ReportState.Approved, default)));
        Assert.Equal(("report_pending", "already_member"), (pending.Code, approved.Code));
        Assert.Equal(["communityId"], pending.Errors!.Keys);
    }

    [Fact]
    public void A_report_is_decided_once()
    {
        var approved = Report().Approve("usr_admin", At.AddHours(1));
        Assert.Equal((ReportState.Approved, "usr_admin", (string?)null), (approved.Report.State, approved.Report.Decision!.By,
            approved.Report.Decision.Reason));
        Assert.IsType<ReportEvent.Approved>(Assert.Single(approved.Events));

        Assert.Equal("invalid_transition", Assert.Throws<InvalidTransitionException>(() => approved.Report.Approve("usr_x", At)).Code);
        Assert.Throws<InvalidTransitionException>(() => approved.Report.Decline("usr_x", At, "不符"));
        var declined = Report().Decline("usr_admin", At, "非本社区居民").Report;
        Assert.Equal((ReportState.Declined, "非本社区居民"), (declined.State, declined.Decision!.Reason));
        Assert.Throws<InvalidTransitionException>(() => declined.Approve("usr_x", At));
    }

    [Fact]
    public void Approval_grants_at_the_grid_named_else_the_community_and_only_approval_asks_for_a_grant()
    {
        Assert.Equal(("org_c", "org_g"), (Report().GrantOrgId, Report("org_g").GrantOrgId));
        var translator = new RoleGrantTranslator();
        var approved = Report("org_g").Approve("usr_admin", At);
        var message = Assert.Single(translator.Translate(approved.Events[0]));
        Assert.Equal((RoleGrantMessage.Queue, (object)new RoleGrantMessage("pmr_d-1")), (message.Queue, message.Body));
        Assert.Empty(translator.Translate(Report().Decline("usr_admin", At, "x").Events[0]));
        Assert.Empty(translator.Translate(PartyMemberReport.Submit(
            new NewReport { CommunityId = "org_c", Skills = [], ServiceCategories = [Category.Medical] }, "pmr_2", ["org_c"], "u", At)
            .Events[0]));
    }
}
