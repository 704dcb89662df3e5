using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Activities;

/// <summary>One activity, to whoever acts for its organiser and to its participants, with how many have checked in.</summary>
public sealed class GetActivity(ActivityChanges changes, ActivityStore activities)
{
    public async Task<ActivityView> HandleAsync(Caller caller, string id, CancellationToken ct)
    {
        var activity = (await changes.ReadAsync(caller, id, ct)).Activity;
        return ActivityView.From(activity, await activities.CheckedInAsync(activity, ct));
    }
}
