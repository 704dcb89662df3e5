using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Activities;

/// <summary>
/// The steps activity use cases share: read the activity the caller may see (404 otherwise), check that they may run it
/// (403), and apply a change on the ETag it was read with (409 <c>conflict</c> if someone changed it meanwhile).
/// </summary>
public sealed class ActivityChanges(ActivityStore activities, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The activity, if the caller acts for its organiser or has an attendance record of it; 404 otherwise.</summary>
    public async Task<StoredActivity> ReadAsync(Caller caller, string id, CancellationToken ct)
    {
        var stored = await FindAsync(id, ct);
        if (ActivityPolicy.MayRead(caller, stored.Activity, participant: false)) return stored;
        var participant = await activities.FindAttendanceAsync(stored.Activity, caller.UserId, ct) is not null;
        return ActivityPolicy.MayRead(caller, stored.Activity, participant) ? stored : throw Problems.NotFound("activity");
    }

    /// <summary>The activity, whoever asks (check-in: anyone signed in who has the code); 404 when there is none.</summary>
    public async Task<StoredActivity> FindAsync(string id, CancellationToken ct) =>
        await activities.FindAsync(id, ct) ?? throw Problems.NotFound("activity");

    /// <summary>The activity, for one of the organiser's admins (<see cref="ActivityPolicy.MayManage"/>): 404 unseen, 403 seen.</summary>
    public async Task<StoredActivity> ManageAsync(Caller caller, string id, CancellationToken ct)
    {
        var stored = await ReadAsync(caller, id, ct);
        return ActivityPolicy.MayManage(caller, stored.Activity) ? stored : throw Problems.Forbidden();
    }

    public async Task<Activity> ApplyAsync(Caller caller, string id, Func<Activity, Task<ActivityChange>> act, CancellationToken ct)
    {
        var stored = await ManageAsync(caller, id, ct);
        var change = await act(stored.Activity);
        await activities.UpdateAsync(stored, change, ct);
        return change.Activity;
    }
}
