using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Activities;

/// <summary>
/// What approving and declining share: the organiser's admins review one person's record of an activity that was not
/// cancelled, on the ETag it was read with; the review is a step of its history and an event for the points ledger.
/// </summary>
public sealed class ReviewAttendance(ActivityChanges changes, ActivityStore activities)
{
    /// <summary>The body of <c>…/attendance/{userId}/approve</c> (reason optional) and <c>…/decline</c> (reason required).</summary>
    public sealed record Request(string? Reason);

    public async Task<AttendanceView> HandleAsync(Caller caller, string id, string userId,
        Func<Attendance, Activity, DateTimeOffset, AttendanceEvent> review, CancellationToken ct)
    {
        var activity = (await changes.ManageAsync(caller, id, ct)).Activity;
        if (activity.State == ActivityState.Cancelled) throw ActivityLifecycle.NotOpen(activity.State);
        var stored = (Platform.Storage.Keys.IsWellFormedId(userId) ? await activities.FindAttendanceAsync(activity, userId, ct) : null)
            ?? throw Problems.NotFound("attendance");
        var now = changes.Now;
        var reviewed = review(stored.Attendance, activity, now);
        await activities.UpdateAttendanceAsync(activity, stored, reviewed.Attendance, [reviewed], ct);
        return AttendanceView.From(reviewed.Attendance, activity, now);
    }
}
