using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Activities;

/// <summary>
/// What happened to an activity. Each event carries the activity as it is after the event, so a consumer needs no read of
/// it; <see cref="ActivityIntegrationEvents"/> turns them into integration events, Agreements' translator a closed activity
/// that delivers a commitment into a delivery.
/// </summary>
public abstract record ActivityEvent(Activity Activity) : IDomainEvent
{
    public DateTimeOffset At => Activity.UpdatedAt;

    public sealed record Created(Activity Activity) : ActivityEvent(Activity);

    /// <summary>Held and closed with verified evidence (at least one item with ownerType activity): it counts from now on.</summary>
    public sealed record Closed(Activity Activity) : ActivityEvent(Activity);

    public sealed record Cancelled(Activity Activity) : ActivityEvent(Activity);
}
