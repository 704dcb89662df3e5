using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Activities;

/// <summary>
/// A participant who checked in checks out with the code, inside the same window (a scheduled or just-closed activity):
/// their hours end here instead of at the activity's end. Checking out again answers the same record, unchanged.
/// </summary>
public sealed class CheckOut(ActivityChanges changes, ActivityStore activities)
{
    public async Task<AttendanceView> HandleAsync(Caller caller, string id, CheckIn.Request body, CancellationToken ct)
    {
        var code = CheckIn.ValidCode(body);
        var activity = (await changes.FindAsync(id, ct)).Activity;
        var now = changes.Now;
        if (activity.State == ActivityState.Cancelled) throw ActivityLifecycle.NotOpen(activity.State);
        if (!activity.IsCheckinOpen(now)) throw ActivityProblems.CheckinClosed(activity);
        if (!CheckinCode.Accepts(activity.CheckinSecret, code, now)) throw ActivityProblems.CodeInvalid();
        var stored = await activities.FindAttendanceAsync(activity, caller.UserId, ct) ?? throw ActivityProblems.NotCheckedIn();
        var after = stored.Attendance.CheckOut(now);
        if (ReferenceEquals(after, stored.Attendance)) return AttendanceView.From(after, activity, now);
        try
        {
            await activities.UpdateAttendanceAsync(activity, stored, after, [], ct);
        }
        catch (ConflictException)
        {
            // Changed meanwhile: a second check-out of theirs that got there first is this one's answer; anything else is 409.
            var reread = await activities.FindAttendanceAsync(activity, caller.UserId, ct);
            if (reread?.Attendance.CheckedOutAt is null) throw;
            after = reread.Attendance;
        }
        return AttendanceView.From(after, activity, now);
    }
}
