using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Activities;

/// <summary>The activity's attendance records with the hours each counts now, for the organiser's admins who review them.</summary>
public sealed class ListAttendance(ActivityChanges changes, ActivityStore activities)
{
    public async Task<ListPage<AttendanceView>> HandleAsync(Caller caller, string id, Paging paging, CancellationToken ct)
    {
        var activity = (await changes.ManageAsync(caller, id, ct)).Activity;
        var page = await activities.ListAttendanceAsync(activity, paging, ct);
        var now = changes.Now;
        return new ListPage<AttendanceView>([.. page.Items.Select(r => AttendanceView.From(r, activity, now))], page.ContinuationToken);
    }
}
