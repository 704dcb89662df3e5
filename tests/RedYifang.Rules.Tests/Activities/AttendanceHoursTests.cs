using RedYifang.Functions.Activities;
using static RedYifang.Rules.Tests.Activities.ActivityWalk;

namespace RedYifang.Rules.Tests.Activities;

/// <summary>
/// Hours: the overlap of check-in..check-out with the activity (09:00–11:00), two decimals; without a check-out the record
/// closes at the end and says so; before the end it is open; a back-filled record counts what the admin wrote.
/// </summary>
public sealed class AttendanceHoursTests
{
    [Theory]
    [InlineData(-25, 150, 2.0)]             // in before the start, out after the end: the whole activity
    [InlineData(10, 70, 1.0)]               // inside it
    [InlineData(-20, -5, 0.0)]              // in and out before the start
    [InlineData(125, 140, 0.0)]             // in after the end (inside the window)
    [InlineData(0, 20, 0.33)]               // 20 minutes: 0.333… → 0.33
    [InlineData(0, 25, 0.42)]               // 25 minutes: 0.41666… → 0.42
    public void Hours_are_the_overlap_with_the_activity(double inMinutes, double outMinutes, double hours) =>
        Assert.Equal((decimal)hours, AttendanceHours.Overlap(Min(inMinutes), Min(outMinutes), Start, End));

    [Fact]
    public void Without_a_check_out_the_record_closes_at_the_end_and_is_flagged_and_before_the_end_it_is_open()
    {
        var record = Attendance.CheckIn("act_1", Member, Min(30));
        var activity = Scheduled();

        Assert.Equal(new AttendanceHours.Counted(0.5m, false, true), record.Hours(activity, Min(60)));
        Assert.Equal(new AttendanceHours.Counted(1.5m, true, false), record.Hours(activity, End));
        Assert.Equal(new AttendanceHours.Counted(1.5m, true, false), record.Hours(activity, End.AddDays(3)));
        var checkedOut = record.CheckOut(Min(90));
        Assert.Equal(new AttendanceHours.Counted(1m, false, false), checkedOut.Hours(activity, End.AddDays(3)));
    }

    [Fact]
    public void A_back_filled_record_counts_the_hours_written()
    {
        var record = Attendance.Backfill("act_1", Member, 1.25m, "忘记签到", ["evd_1"], Admin, End.AddHours(1));

        Assert.Equal(new AttendanceHours.Counted(1.25m, false, false), record.Hours(Scheduled(), End.AddHours(1)));
        Assert.Equal(AttendanceState.Approved, record.State);
    }
}
