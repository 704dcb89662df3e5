namespace RedYifang.Functions.Notifications;

/// <summary>The order transitions someone is told of (<see cref="NotificationRules.Table"/>); an order event that is none of these tells nobody.</summary>
public enum NotificationKind
{
    Submitted,
    Published,
    Rejected,
    Claimed,

    /// <summary>The community matched the order with a unit's resource.</summary>
    Matched,

    /// <summary>The community approved a unit's claim: matched with the resource the unit claimed with.</summary>
    ClaimApproved,
    Started,
    Completed,
    Accepted,
    Expired,
    Cancelled,
    Reopened,
    Declined,
}
