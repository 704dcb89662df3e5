using RedYifang.Functions.Platform.Catalogue;

namespace RedYifang.Functions.Notifications;

/// <summary>
/// An order transition someone may be told of, staged with the change (queue <c>notifications</c>). It carries what the
/// messages say and whom they concern, so the sender reads no order; no phone number and no name (the order's contact and
/// a represented resident's phone never come here).
/// </summary>
/// <param name="EventId">The transition's own id: with the recipient, the key that keeps a replay from telling anyone twice.</param>
/// <param name="UnitId">The unit that holds the order (for a decline, the unit that gave it back).</param>
/// <param name="OwnerId">The resident the order is for; null for a represented resident without an account.</param>
/// <param name="Actor">Who did it: never told of their own act.</param>
/// <param name="Reason">Why, when the transition has a reason (rejected, cancelled, reopened, declined).</param>
public sealed record NotificationEvent(
    string EventId,
    NotificationKind Kind,
    DateTimeOffset At,
    string OrderId,
    string CommunityId,
    string? UnitId,
    string? OwnerId,
    string Actor,
    string Title,
    Category Category,
    string? Reason)
{
    public const string Queue = "notifications";
}
