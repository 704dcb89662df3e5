using RedYifang.Functions.Activities;
using RedYifang.Functions.Platform.Problems;
using static RedYifang.Rules.Tests.Activities.ActivityWalk;

namespace RedYifang.Rules.Tests.Activities;

/// <summary>
/// The activity state machine (scheduled → closed | cancelled, both final) and the attendance one (pending → approved |
/// declined, and back and forth between those two, never deleted), with what each step records and raises.
/// </summary>
public sealed class ActivityLifecycleTests
{
    [Fact]
    public void The_transitions_are_close_and_cancel_from_scheduled_only()
    {
        Assert.Equal([ActivityState.Scheduled], ActivityLifecycle.AllowedFrom(ActivityAction.Close));
        Assert.Equal([ActivityState.Scheduled], ActivityLifecycle.AllowedFrom(ActivityAction.Cancel));
        Assert.Empty(ActivityLifecycle.AllowedFrom(ActivityAction.Create));
    }

    [Fact]
    public void Creating_raises_created_with_the_activity_scheduled()
    {
        var change = Create();

        var created = Assert.IsType<ActivityEvent.Created>(Assert.Single(change.Events));
        Assert.Equal(ActivityState.Scheduled, created.Activity.State);
        Assert.Equal(new ActivityStep(ActivityAction.Create, null, ActivityState.Scheduled, Admin, T0, null),
            Assert.Single(created.Activity.History));
    }

    [Fact]
    public void Closing_needs_the_end_and_verified_evidence_and_then_raises_closed()
    {
        var activity = Scheduled();

        Assert.Equal("activity_not_ended", Assert.Throws<ConflictException>(() => activity.Close(Admin, End.AddTicks(-1), 1)).Code);
        var noEvidence = Assert.Throws<RuleViolationException>(() => activity.Close(Admin, End, 0));
        Assert.Equal("evidence_not_verified", noEvidence.Code);
        Assert.Equal(["evidence"], noEvidence.Errors!.Keys);

        var closed = activity.Close(Admin, End, 1);
        Assert.IsType<ActivityEvent.Closed>(Assert.Single(closed.Events));
        Assert.Equal(new ActivityStep(ActivityAction.Close, ActivityState.Scheduled, ActivityState.Closed, Admin, End, null),
            closed.Activity.History[^1]);
    }

    [Fact]
    public void Closed_and_cancelled_are_final()
    {
        var closed = Scheduled().Close(Admin, End, 1).Activity;
        var cancelled = Scheduled().Cancel(Admin, Min(-60), "暴雨").Activity;

        Assert.Equal("暴雨", cancelled.History[^1].Reason);
        Assert.Equal(ActivityState.Cancelled, cancelled.State);
        foreach (var final in new[] { closed, cancelled })
        {
            Assert.Equal("invalid_transition", Assert.Throws<InvalidTransitionException>(() => final.Close(Admin, End.AddDays(1), 5)).Code);
            Assert.Equal("invalid_transition",
                Assert.Throws<InvalidTransitionException>(() => final.Cancel(Admin, End.AddDays(1), "x")).Code);
        }
    }

    [Fact]
    public void Attendance_reviews_go_both_ways_between_approved_and_declined_and_record_who_when_why()
    {
        var activity = Scheduled();
        var record = Attendance.CheckIn(activity.Id, Member, Min(-5)).CheckOut(Min(100));

        var approved = Assert.IsType<AttendanceEvent.Approved>(record.Approve(activity, Admin, End.AddHours(1), null));
        Assert.Equal(1.67m, approved.Hours);
        var declined = Assert.IsType<AttendanceEvent.Declined>(approved.Attendance.Decline(activity, Admin, End.AddHours(2), "未到场"));
        var again = Assert.IsType<AttendanceEvent.Approved>(declined.Attendance.Approve(activity, Admin, End.AddHours(3), "核实到场"));

        Assert.Equal(
            [
                (AttendanceAction.CheckIn, (AttendanceState?)null, AttendanceState.Pending, Member, (string?)null),
                (AttendanceAction.CheckOut, AttendanceState.Pending, AttendanceState.Pending, Member, null),
                (AttendanceAction.Approve, AttendanceState.Pending, AttendanceState.Approved, Admin, null),
                (AttendanceAction.Decline, AttendanceState.Approved, AttendanceState.Declined, Admin, "未到场"),
                (AttendanceAction.Approve, AttendanceState.Declined, AttendanceState.Approved, Admin, "核实到场"),
            ],
            again.Attendance.History.Select(s => (s.Action, s.From, s.To, s.By, s.Reason)));
        Assert.Equal("invalid_transition",
            Assert.Throws<InvalidTransitionException>(() => again.Attendance.Approve(activity, Admin, End.AddHours(4), null)).Code);
        Assert.Equal("invalid_transition",
            Assert.Throws<InvalidTransitionException>(() => declined.Attendance.Decline(activity, Admin, End.AddHours(4), "x")).Code);
    }

    [Fact]
    public void An_open_record_cannot_be_approved_until_checked_out_or_check_in_is_over_but_can_be_declined()
    {
        var activity = Scheduled();
        var record = Attendance.CheckIn(activity.Id, Member, Min(10));

        Assert.Equal("attendance_open",
            Assert.Throws<ConflictException>(() => record.Approve(activity, Admin, activity.CheckinClosesAt, null)).Code);
        var approved = record.Approve(activity, Admin, activity.CheckinClosesAt.AddTicks(1), null);
        Assert.Equal((1.83m, true),
            (approved.Hours, approved.Attendance.Hours(activity, activity.CheckinClosesAt.AddTicks(1)).ClosedAtEnd));
        Assert.IsType<AttendanceEvent.Declined>(record.Decline(activity, Admin, Min(20), "并未到场"));
    }

    [Fact]
    public void A_check_out_is_once_and_only_of_a_pending_check_in()
    {
        var activity = Scheduled();
        var record = Attendance.CheckIn(activity.Id, Member, Min(10));
        var out1 = record.CheckOut(Min(50));

        Assert.Same(out1, out1.CheckOut(Min(70)));                                       // again: the same record
        var declined = record.Decline(activity, Admin, Min(20), "并未到场").Attendance;
        Assert.Equal("invalid_transition", Assert.Throws<InvalidTransitionException>(() => declined.CheckOut(Min(30))).Code);
        var backfilled = Attendance.Backfill(activity.Id, "usr_other", 1m, "纸质签到", ["evd_1"], Admin, End);
        Assert.Equal("not_checked_in", Assert.Throws<ConflictException>(() => backfilled.CheckOut(End)).Code);
    }
}
