using RedYifang.Functions.ContentSecurity;
using RedYifang.Functions.Orders;
using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Notifications;

/// <summary>
/// The order events someone is told of (<see cref="NotificationRules.Table"/>), as one message each to queue
/// <c>notifications</c>; every other event tells nobody. A match that fulfils a unit's claim (the unit asked for the order with
/// that resource) is a claim approved. The title goes with its screening at the time of the event, so that whoever may not read
/// a held title is sent its stand-in (<see cref="NotificationEvent.SeenBy"/>).
/// </summary>
public sealed class NotificationTranslator : IEventTranslator
{
    public IEnumerable<OutboxMessage> Translate(IDomainEvent domainEvent)
    {
        if (domainEvent is not OrderEvent e || KindOf(e) is not { } kind) yield break;
        var order = e.Order;
        var (eventId, actor, reason) = e is OrderEvent.Claimed c
            // A claim is no transition (the history does not grow): its own id names the unit and the moment.
            ? ($"{order.Id}-claim-{c.Claim.UnitId}-{c.Claim.At.ToUnixTimeMilliseconds()}", c.Claim.By, null)
            : ($"{order.Id}-{order.History.Count}", e.Step.By, e.Step.Reason);
        var unitId = e switch
        {
            OrderEvent.Declined d => d.HeldBy.UnitId,
            OrderEvent.Claimed claimed => claimed.Claim.UnitId,
            _ => order.UnitId,
        };
        // The title's screening as it stands now, in the same batch as the change: the sender decides per recipient from it.
        var titleScreening = order.Moderation is { } m ? new Screening(m.State) : null;
        // A resident's "not fixed" puts their follow-up comment in the reason: held, it is not the liaisons' to read yet.
        var reasonHeld = e is OrderEvent.Reopened { ByResident: true } && order.FollowUp?.Moderation is { ShownToAll: false };
        yield return new OutboxMessage(NotificationEvent.Queue, new NotificationEvent(
            eventId, kind, e.At, order.Id, order.CommunityId, unitId, order.OwnerId, actor, order.Title, order.Category, reason,
            titleScreening, reasonHeld));
    }

    public static NotificationKind? KindOf(OrderEvent e) => e switch
    {
        OrderEvent.Submitted => NotificationKind.Submitted,
        OrderEvent.Published => NotificationKind.Published,
        OrderEvent.Rejected => NotificationKind.Rejected,
        OrderEvent.Claimed => NotificationKind.Claimed,
        OrderEvent.Matched m when m.Order.Claims.Any(c => c.UnitId == m.Agreement.UnitId && c.ResourceId == m.Agreement.ResourceId) =>
            NotificationKind.ClaimApproved,
        OrderEvent.Matched => NotificationKind.Matched,
        OrderEvent.Started => NotificationKind.Started,
        OrderEvent.Completed => NotificationKind.Completed,
        OrderEvent.Accepted => NotificationKind.Accepted,
        OrderEvent.Expired => NotificationKind.Expired,
        OrderEvent.Cancelled => NotificationKind.Cancelled,
        OrderEvent.Reopened => NotificationKind.Reopened,
        OrderEvent.Declined => NotificationKind.Declined,
        _ => null,
    };
}
