namespace RedYifang.Functions.Sites;

/// <summary>
/// What Sites asks of Activities (which implements it: Activities/SiteActivities.cs), never reading its store: whether a booking's
/// activity is one the booking organisation holds and has not cancelled or closed.
/// </summary>
public interface ISiteActivities
{
    /// <summary>The activity's organiser and whether it is still scheduled; null when there is no such activity.</summary>
    Task<ActivityInfo?> FindAsync(string activityId, CancellationToken ct);

    sealed record ActivityInfo(string OrganiserOrgId, bool Scheduled);
}
