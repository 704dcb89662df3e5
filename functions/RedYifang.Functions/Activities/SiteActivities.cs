using RedYifang.Functions.Sites;

namespace RedYifang.Functions.Activities;

/// <summary>Answers Sites' question about a booking's activity (<see cref="ISiteActivities"/>) from Activities' own store.</summary>
public sealed class SiteActivities(ActivityStore activities) : ISiteActivities
{
    public async Task<ISiteActivities.ActivityInfo?> FindAsync(string activityId, CancellationToken ct) =>
        await activities.FindAsync(activityId, ct) is { Activity: var a }
            ? new ISiteActivities.ActivityInfo(a.OrganiserOrgId, a.State == ActivityState.Scheduled)
            : null;
}
