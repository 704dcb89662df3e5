using RedYifang.Functions.ContentSecurity;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Messaging;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Orders;

/// <summary>
/// Orders' published contract (docs/events.md): <c>order.stateChanged</c> for every transition — the id counts the history,
/// so a replay is a duplicate Service Bus drops; a decline names the unit that declined, a claim turned down the unit that
/// claimed (published → published). A unit's claim, which leaves the order published, is <c>order.claimed</c> (id: the order,
/// the unit and the claim's instant — a unit may claim again after it was turned down); the resident's follow-up that
/// confirms the work, which leaves the order accepted, is <c>order.followUpConfirmed</c> (once per order). An admin's decision
/// that changes the state of one of its texts (approved, hidden) is <c>order.moderated</c> (id: the order, the text, the state
/// and the decision's instant — an admin may change their mind). No personal data: no contact, no resident, no comment, no text.
/// </summary>
public sealed class OrderIntegrationEvents : IEventTranslator
{
    public IEnumerable<OutboxMessage> Translate(IDomainEvent domainEvent)
    {
        if (domainEvent is not OrderEvent e) yield break;
        var order = e.Order;
        var (queue, message) = e switch
        {
            OrderEvent.Claimed c => IntegrationEvent.Of($"{order.Id}-claim-{c.Claim.UnitId}-{c.Claim.At.ToUnixTimeMilliseconds()}",
                IntegrationEventType.OrderClaimed, c.Claim.At, new
                {
                    orderId = order.Id, communityId = order.CommunityId, category = EnumText.ToText(order.Category),
                    level = EnumText.ToText(order.Level), unitId = c.Claim.UnitId, resourceId = c.Claim.ResourceId,
                }),
            OrderEvent.Confirmed => IntegrationEvent.Of($"{order.Id}-followUp", IntegrationEventType.OrderFollowUpConfirmed, e.At, new
            {
                orderId = order.Id, communityId = order.CommunityId, category = EnumText.ToText(order.Category),
                level = EnumText.ToText(order.Level), unitId = order.UnitId,
            }),
            OrderEvent.Moderated m => Moderated(m),
            _ => StateChanged(e),
        };
        yield return new OutboxMessage(queue, message);
    }

    private static (string, object) Moderated(OrderEvent.Moderated m)
    {
        var (order, screening) = (m.Order, m.After);
        var content = EnumText.ToText(m.Kind);
        var state = EnumText.ToText(screening.State);
        var at = screening.DecidedAt ?? m.At;
        return IntegrationEvent.Of($"{order.Id}-{content}-{state}-{at.ToUnixTimeMilliseconds()}", IntegrationEventType.OrderModerated, at,
            ScreeningPayload.With(new()
            {
                ["orderId"] = order.Id, ["communityId"] = order.CommunityId, ["category"] = EnumText.ToText(order.Category),
                ["level"] = EnumText.ToText(order.Level), ["content"] = content,
            }, m.Before, screening, at));
    }

    private static (string, object) StateChanged(OrderEvent e)
    {
        var order = e.Order;
        var step = e.Step;
        return IntegrationEvent.Of($"{order.Id}-{order.History.Count}", IntegrationEventType.OrderStateChanged, step.At, new
        {
            orderId = order.Id, communityId = order.CommunityId, category = EnumText.ToText(order.Category),
            level = EnumText.ToText(order.Level), from = step.From is { } from ? EnumText.ToText(from) : null,
            to = EnumText.ToText(step.To), unitId = e switch
            {
                OrderEvent.Declined d => d.HeldBy.UnitId,
                OrderEvent.ClaimRejected r => r.Claim.UnitId,
                _ => order.UnitId,
            },
        });
    }
}
